import SplitSim

extension Format {
    /// An SVG coordinate or length with at most two decimals, so that the same chart always
    /// renders to the same bytes.
    static func coordinate(_ value: Double) -> String {
        trimmed(value.isFinite ? value : 0, decimals: 2)
    }

    /// Pod-seconds as pod-hours with their spread, e.g. `0.37 [0.3–0.41]`; `–` when no run had it.
    static func hoursSpread(_ statistics: SummaryStatistics?) -> String {
        guard let statistics else { return "–" }
        let mean = trimmed(statistics.mean / 3600, decimals: 2)
        let low = trimmed(statistics.p5 / 3600, decimals: 2)
        let high = trimmed(statistics.p95 / 3600, decimals: 2)
        return low == high ? mean : mean + " [" + low + "–" + high + "]"
    }

    /// A share's spread as `4.83 % [4.8 %–4.86 %]`, or only the mean when every run agreed.
    static func shareSpread(_ statistics: SummaryStatistics) -> String {
        let low = percent(statistics.p5)
        let high = percent(statistics.p95)
        return low == high ? percent(statistics.mean) : percent(statistics.mean) + " [" + low + "–" + high + "]"
    }
}
