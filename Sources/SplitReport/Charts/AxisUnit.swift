/// What a chart axis measures: decides where its ticks fall and how their labels read.
enum AxisUnit: Sendable {
    /// Counts of users, requests or pods: ticks at 1, 2 or 5 × 10ⁿ, labels with thousands separators.
    case count
    /// A fractional quantity such as pod-hours: like `count`, with the decimals the tick step needs.
    case decimal
    /// A share in [0, 1], labelled as a percentage and never scaled past 100 %.
    case share
    /// Seconds, with ticks on round clock values (15 s, 1 min, 10 min, …) rather than decimal ones.
    case duration

    /// The tick step for an axis from 0 to `maximum`, aiming at about `ticks` intervals.
    func step(for maximum: Double, ticks: Int) -> Double {
        let raw = maximum / Double(max(ticks, 1))
        if case .duration = self {
            // Decimal steps would put ticks at 20 min and 40 s; clock steps keep labels short.
            let clock: [Double] = [
                1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
            ]
            return clock.first { $0 >= raw } ?? (raw / 86400).rounded(.up) * 86400
        }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var step = 10 * magnitude
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw {
            step = factor * magnitude
            break
        }
        // Half a user or half a pod is not a tick anyone can read.
        if case .count = self { step = max(step, 1) }
        return step
    }

    /// The axis maximum when every value is 0.
    var fallbackMaximum: Double {
        switch self {
        case .share: 0.1
        case .duration: 60
        case .count, .decimal: 1
        }
    }

    /// The label of the tick at `value`, given the axis's tick `step`.
    func label(_ value: Double, step: Double) -> String {
        switch self {
        case .count, .decimal:
            var decimals = 0
            var scaled = step
            while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
                scaled *= 10
                decimals += 1
            }
            return decimals == 0 ? Format.number(value.rounded()) : Format.trimmed(value, decimals: decimals)
        case .share:
            return Format.percent(value)
        case .duration:
            return Format.duration(value)
        }
    }
}
