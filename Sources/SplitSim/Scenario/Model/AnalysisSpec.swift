/// Periodic measurement of the candidate's error rate that aborts, pauses or rolls back a
/// release (Argo Rollouts' AnalysisTemplate and AnalysisRun semantics, DESIGN §1.5).
public struct AnalysisSpec: Hashable, Sendable {
    /// The default time between measurements.
    public static let defaultInterval = SimDuration.minutes(1)
    /// The default error-rate threshold.
    public static let defaultMaxErrorRate = 0.01
    /// The default minimum sample: one request, as Argo judges any measurement that has data.
    public static let defaultMinRequests = 1
    /// Argo's default `consecutiveErrorLimit`: the fifth Error in a row fails the run.
    public static let defaultConsecutiveErrorLimit = 4

    /// Time between measurements; the first is taken when the run starts (after `initialDelay`).
    public var interval: SimDuration
    /// Measurements a run takes before it completes; 0 = until it is terminated.
    public var count: Int
    /// A measurement succeeds while the candidate's error rate is at most this.
    public var maxErrorRate: Double
    /// With a failure condition too, a measurement fails only above this rate; between the two
    /// it is inconclusive. Nil: a miss of `maxErrorRate` fails.
    public var failErrorRate: Double?
    /// Fewer requests than this in the metric window mean the query has no data.
    public var minRequests: Int
    /// What a measurement without data is.
    public var noData: NoDataPolicy
    /// The run fails when failed measurements exceed this (Argo's default 0: the first failure).
    public var failureLimit: Int
    /// The run is inconclusive, and the rollout pauses, when inconclusive measurements exceed this.
    public var inconclusiveLimit: Int
    /// The run errs, and the rollout aborts, when consecutive Error measurements exceed this.
    public var consecutiveErrorLimit: Int
    /// Time after the run starts before the first measurement.
    public var initialDelay: SimDuration
    /// How the metric is scraped and queried.
    public var metric: MetricSpec
    /// Whether a background analysis measures beside the steps (Argo's
    /// `strategy.canary.analysis`); false: only `analysis` steps and blue-green's pre- and
    /// post-promotion runs measure.
    public var background: Bool
    /// How long an external watchdog keeps measuring after full promotion; 0 = nothing watches
    /// after promotion, as in Argo Rollouts.
    public var afterPromotion: SimDuration

    /// Creates an analysis specification.
    public init(
        interval: SimDuration = AnalysisSpec.defaultInterval,
        count: Int = 0,
        maxErrorRate: Double = AnalysisSpec.defaultMaxErrorRate,
        failErrorRate: Double? = nil,
        minRequests: Int = AnalysisSpec.defaultMinRequests,
        noData: NoDataPolicy = .error,
        failureLimit: Int = 0,
        inconclusiveLimit: Int = 0,
        consecutiveErrorLimit: Int = AnalysisSpec.defaultConsecutiveErrorLimit,
        initialDelay: SimDuration = .zero,
        metric: MetricSpec = MetricSpec(),
        background: Bool = true,
        afterPromotion: SimDuration = .zero
    ) {
        self.background = background
        self.interval = interval
        self.count = count
        self.maxErrorRate = maxErrorRate
        self.failErrorRate = failErrorRate
        self.minRequests = minRequests
        self.noData = noData
        self.failureLimit = failureLimit
        self.inconclusiveLimit = inconclusiveLimit
        self.consecutiveErrorLimit = consecutiveErrorLimit
        self.initialDelay = initialDelay
        self.metric = metric
        self.afterPromotion = afterPromotion
    }
}

/// What a measurement whose query returned no data counts as (`analysis.noData`).
public enum NoDataPolicy: String, Hashable, Sendable, CaseIterable {
    /// An unguarded query: `result[0]` of an empty result is an Error measurement.
    case error
    /// A guarded query (`len(result) == 0 || …`): no data passes.
    case success
    /// No data is inconclusive, which pauses the rollout beyond `inconclusiveLimit`.
    case inconclusive
}

/// How the candidate's request counters reach the analysis: scraped by Prometheus every
/// `scrapeInterval` and read by a `rate(…[window])` query.
public struct MetricSpec: Hashable, Sendable {
    /// Prometheus' default scrape interval in most charts.
    public static let defaultScrapeInterval = SimDuration.seconds(30)
    /// The usual `rate(…[1m])` window.
    public static let defaultWindow = SimDuration.minutes(1)

    /// Time between two samples of the counters.
    public var scrapeInterval: SimDuration
    /// The range a query reads; it needs two samples in it to have data.
    public var window: SimDuration

    /// Creates a metric specification.
    public init(
        scrapeInterval: SimDuration = MetricSpec.defaultScrapeInterval, window: SimDuration = MetricSpec.defaultWindow
    ) {
        self.scrapeInterval = scrapeInterval
        self.window = window
    }
}
