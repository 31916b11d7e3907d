/// The spread of one figure over runs: mean, percentiles and range.
public struct SummaryStatistics: Sendable, Equatable {
    /// The mean over runs.
    public var mean: Double
    /// The 5th percentile.
    public var p5: Double
    /// The median.
    public var p50: Double
    /// The 95th percentile.
    public var p95: Double
    /// The smallest value.
    public var min: Double
    /// The largest value.
    public var max: Double

    /// Summarises `values`; nil when there are none (no run produced the figure).
    ///
    /// Percentiles interpolate linearly between order statistics (Hyndman–Fan type 7, the
    /// default of R and NumPy).
    ///
    /// - Complexity: O(*n* log *n*).
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        mean = sorted.reduce(0, +) / Double(sorted.count)
        p5 = Self.percentile(0.05, of: sorted)
        p50 = Self.percentile(0.5, of: sorted)
        p95 = Self.percentile(0.95, of: sorted)
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }

    private static func percentile(_ p: Double, of sorted: [Double]) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
