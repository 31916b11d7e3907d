/// Periodic measurement of the candidate's error rate that aborts or rolls back a release
/// (Argo Rollouts' AnalysisTemplate semantics).
public struct AnalysisSpec: Hashable, Sendable {
    /// The default time between measurements.
    public static let defaultInterval = SimDuration.minutes(1)
    /// The default error-rate threshold.
    public static let defaultMaxErrorRate = 0.01
    /// The default minimum sample: one request, as Argo judges any measurement that has data.
    public static let defaultMinRequests = 1

    /// Time between measurements; each covers the window since the previous one.
    public var interval: SimDuration
    /// A measurement fails when the candidate's error rate exceeds this.
    public var maxErrorRate: Double
    /// Fewer requests than this in a window make the measurement inconclusive.
    public var minRequests: Int
    /// The run fails when failed measurements exceed this (Argo's default 0: the first failure).
    public var failureLimit: Int
    /// Time after the first candidate pod before the first measurement.
    public var initialDelay: SimDuration
    /// How long analysis keeps watching after the candidate took all traffic.
    public var afterPromotion: SimDuration

    /// Creates an analysis specification.
    public init(
        interval: SimDuration = AnalysisSpec.defaultInterval,
        maxErrorRate: Double = AnalysisSpec.defaultMaxErrorRate,
        minRequests: Int = AnalysisSpec.defaultMinRequests,
        failureLimit: Int = 0,
        initialDelay: SimDuration = .zero,
        afterPromotion: SimDuration = .zero
    ) {
        self.interval = interval
        self.maxErrorRate = maxErrorRate
        self.minRequests = minRequests
        self.failureLimit = failureLimit
        self.initialDelay = initialDelay
        self.afterPromotion = afterPromotion
    }
}
