import SplitSim

/// Number and table formatting shared by the text renderers.
enum Format {
    /// How a percentage is rounded.
    enum PercentStyle {
        /// As many decimals as a table column needs to compare shares: `9.09 %`, `0.035 %`.
        case table
        /// What a sentence needs: whole percentages plainly, one decimal from 1 %, two below
        /// (`9.1 %`, `0.35 %`).
        case sentence
    }

    /// A share as a percentage, e.g. `5 %`, `0.1 %`, `9.09 %`.
    static func percent(_ share: Double, style: PercentStyle = .table) -> String {
        let value = share * 100
        if style == .sentence {
            if value == value.rounded() { return "\(Int(value)) %" }
            if value >= 1 { return "\((value * 10).rounded() / 10) %" }
            return "\((value * 100).rounded() / 100) %"
        }
        if value == 0 { return "0 %" }
        if abs(value - value.rounded()) < 1e-9 { return "\(Int(value.rounded())) %" }
        if value >= 10 { return trimmed(value, decimals: 1) + " %" }
        if value >= 0.1 { return trimmed(value, decimals: 2) + " %" }
        return trimmed(value, decimals: 3) + " %"
    }

    /// A rate or other figure as a scenario would write it: `200`, `2.5`.
    static func plain(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    /// A scenario's file as a page meant to be shared shows it: a relative path as given, an
    /// absolute one by its name only, so that a report never publishes a local directory.
    static func sharedPath(_ file: String) -> String {
        guard file.hasPrefix("/") || file.hasPrefix("~") || file.dropFirst().hasPrefix(":\\") else { return file }
        return String(file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? Substring(file))
    }

    /// `1 run`, `20 runs`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A count with thousands separators and at most one decimal below 10.
    static func number(_ value: Double) -> String {
        if abs(value) < 10 && value != value.rounded() { return trimmed(value, decimals: 1) }
        let rounded = Int(value.rounded())
        let digits = String(abs(rounded))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (rounded < 0 ? "-" : "") + grouped
    }

    /// `mean [p5–p95]`, or just the value when every run agreed; `–` when no run had it.
    static func spread(_ statistics: SummaryStatistics?) -> String {
        guard let statistics else { return "–" }
        if number(statistics.p5) == number(statistics.p95) { return number(statistics.mean) }
        return number(statistics.mean) + " [" + number(statistics.p5) + "–" + number(statistics.p95) + "]"
    }

    /// A duration statistic as `1m30s [40s–2m]`.
    static func seconds(_ statistics: SummaryStatistics?) -> String {
        guard let statistics else { return "–" }
        if duration(statistics.p5) == duration(statistics.p95) { return duration(statistics.mean) }
        return duration(statistics.mean) + " [" + duration(statistics.p5) + "–" + duration(statistics.p95) + "]"
    }

    /// A step's realised share as `4.83 % [4.8 %–4.86 %]`; `not reached` when no run got there.
    static func realized(_ step: StepGranularity) -> String {
        step.realized.map { percent($0.mean) + " [" + percent($0.p5) + "–" + percent($0.p95) + "]" } ?? "not reached"
    }

    /// A step's mean peak one-minute share and the mean time at it, `21.3 % for 9m`.
    static func peak(_ step: StepGranularity) -> String {
        guard let peak = step.peak, let seconds = step.secondsAtPeak else { return "–" }
        return percent(peak.mean) + " for " + duration(seconds.mean)
    }

    /// Pod-seconds as pod-hours.
    static func hours(_ statistics: SummaryStatistics?) -> String {
        guard let statistics else { return "–" }
        return trimmed(statistics.mean / 3600, decimals: 2)
    }

    /// Mean money with two decimals.
    static func money(_ statistics: SummaryStatistics?) -> String {
        guard let statistics else { return "–" }
        return trimmed(statistics.mean, decimals: 2, keepZeros: true)
    }

    /// The outcome fractions in a few characters, e.g. `promoted`, `aborted 85 %`.
    static func outcome(_ outcome: StrategyComparison.Outcomes) -> String {
        var parts: [String] = []
        if outcome.promoted > 0 {
            parts.append("promoted" + (outcome.promoted < 1 ? " " + percent(outcome.promoted) : ""))
        }
        if outcome.aborted > 0 { parts.append("aborted" + (outcome.aborted < 1 ? " " + percent(outcome.aborted) : "")) }
        if outcome.paused > 0 { parts.append("paused" + (outcome.paused < 1 ? " " + percent(outcome.paused) : "")) }
        if outcome.incomplete > 0 {
            parts.append("unfinished" + (outcome.incomplete < 1 ? " " + percent(outcome.incomplete) : ""))
        }
        return parts.joined(separator: ", ")
    }

    /// Seconds as `45s`, `2m30s`, `1h05m`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 && seconds != seconds.rounded() { return trimmed(seconds, decimals: 1) + "s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + (whole % 60 == 0 ? "" : pad(whole % 60) + "s") }
        return "\(whole / 3600)h" + pad(whole / 60 % 60) + "m"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A fixed-decimal rendering, trailing zeros trimmed unless `keepZeros`.
    static func trimmed(_ value: Double, decimals: Int, keepZeros: Bool = false) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        var fraction = String(scaled % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        if !keepZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Aligns rows into columns separated by two spaces; the first row is the header, underlined.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let header = rows.first else { return "" }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var text = ""
        for (rowIndex, row) in rows.enumerated() {
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? padding + cell : cell + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
            if rowIndex == 0 {
                text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return text
    }
}
