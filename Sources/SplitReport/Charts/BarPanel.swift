import SplitSim

/// One figure of a bar chart: a bar per row for the mean, a whisker for p5–p95, and the
/// formatted value beside the plot.
struct BarPanel: Sendable {
    /// One row's figure in the panel's unit; nil when no run produced it.
    struct Value: Sendable {
        let mean: Double
        let p5: Double
        let p95: Double
        /// What is printed beside the plot, e.g. `370 [362–380]`.
        let text: String

        /// The figure of `statistics` multiplied by `factor` (to change units, e.g. seconds to
        /// hours); nil stays nil so that a missing figure draws no bar.
        init?(_ statistics: SummaryStatistics?, factor: Double = 1, text: String) {
            guard let statistics else { return nil }
            mean = statistics.mean * factor
            p5 = statistics.p5 * factor
            p95 = statistics.p95 * factor
            self.text = text
        }
    }

    /// The panel's heading, e.g. `users exposed`.
    let title: String
    /// The axis title with its unit, e.g. `distinct users`.
    let axisTitle: String
    let unit: AxisUnit
    let style: SeriesStyle
    /// One per row of the chart, in row order.
    let values: [Value?]
    /// Printed instead of a value where a row has none; no bar is drawn there.
    static let missing = "–"

    /// The largest value the axis must show: whiskers included, so that none leaves the plot.
    var largest: Double {
        values.reduce(0) { largest, value in
            guard let value else { return largest }
            return max(largest, value.mean, value.p95)
        }
    }
}
