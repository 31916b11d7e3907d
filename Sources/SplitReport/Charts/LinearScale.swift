/// Maps values from 0 to a rounded-up maximum onto a span of pixels, and names the ticks.
struct LinearScale: Sendable {
    /// The value at the far end of the axis: the largest value shown, rounded up to a tick.
    let maximum: Double
    /// The distance between ticks, in the axis's unit.
    let step: Double
    /// Where the value 0 sits, in pixels.
    let start: Double
    /// The pixel length of the axis.
    let length: Double
    let unit: AxisUnit

    /// A scale that fits `largest` with at most five intervals, fewer when their labels
    /// would otherwise collide; an all-zero or empty axis still gets one interval so that
    /// nothing divides by zero.
    init(fitting largest: Double, unit: AxisUnit, start: Double, length: Double) {
        var top = largest.isFinite && largest > 0 ? largest : 0
        if case .share = unit { top = min(top, 1) }
        if top == 0 { top = unit.fallbackMaximum }
        var intervals = 5
        var (step, maximum) = Self.grid(top, unit: unit, intervals: intervals)
        while intervals > 1 {
            let widest =
                Self.labels(maximum: maximum, step: step, unit: unit)
                .map { SVGChart.estimatedWidth(of: $0.label, size: Self.tickSize) }.max() ?? 0
            if length * step / maximum >= widest + 10 { break }
            intervals -= 1
            (step, maximum) = Self.grid(top, unit: unit, intervals: intervals)
        }
        self.maximum = maximum
        self.step = step
        self.start = start
        self.length = length
        self.unit = unit
    }

    /// The font size of tick labels.
    static let tickSize = 11.0

    private static func grid(_ top: Double, unit: AxisUnit, intervals: Int) -> (step: Double, maximum: Double) {
        let step = unit.step(for: top, ticks: intervals)
        var maximum = (top / step - 1e-9).rounded(.up) * step
        if case .share = unit { maximum = min(maximum, 1) }
        return (step, maximum)
    }

    /// The pixel position of `value`; values past the ends are held at the ends, so that a
    /// mark never leaves its plot.
    func position(_ value: Double) -> Double {
        guard value.isFinite else { return start }
        return start + length * min(max(value / maximum, 0), 1)
    }

    /// The ticks from 0 to the maximum with their labels.
    var ticks: [(value: Double, label: String)] {
        Self.labels(maximum: maximum, step: step, unit: unit)
    }

    private static func labels(maximum: Double, step: Double, unit: AxisUnit) -> [(value: Double, label: String)] {
        let count = Int((maximum / step + 1e-9).rounded(.down))
        var ticks = (0...count).map { index in
            let value = Double(index) * step
            return (value, unit.label(value, step: step))
        }
        // A maximum capped at 100 % can fall between ticks; it still deserves a label.
        if let last = ticks.last, maximum - last.0 > step / 100 {
            ticks.append((maximum, unit.label(maximum, step: step)))
        }
        return ticks
    }
}
