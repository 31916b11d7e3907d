/// One Argo Rollouts AnalysisRun of the candidate's error rate: its measurements and the phase
/// they add up to.
///
/// Each measurement reads the metric window and is Successful, Failed, Inconclusive or Error;
/// the run is Failed when failed measurements exceed `failureLimit`, Inconclusive when
/// inconclusive ones exceed `inconclusiveLimit`, Error when consecutive errors exceed
/// `consecutiveErrorLimit`, and Successful once `count` non-Error measurements were taken
/// (argo-rollouts analysis/analysis.go, `assessMetricStatus`, `runMeasurements`). An Error
/// does not count toward `count` and is retried after 10 s.
public struct AnalysisRun: Sendable {
    /// What one measurement was.
    public enum MeasurementPhase: String, Sendable, Equatable {
        case successful, failed, inconclusive, error
    }

    /// Where the run stands.
    public enum Phase: String, Sendable, Equatable {
        case running, successful, failed, inconclusive, error

        /// Whether the run is over.
        public var isCompleted: Bool { self != .running }
    }

    /// The thresholds and limits.
    public let spec: AnalysisSpec
    /// Measurements that count toward `count`: every one but Errors, as in Argo.
    public private(set) var measurements = 0
    /// Failed measurements so far.
    public private(set) var failed = 0
    /// Inconclusive measurements so far.
    public private(set) var inconclusive = 0
    /// Error measurements since the last measurement of another phase.
    public private(set) var consecutiveErrors = 0
    /// The run's phase after the last measurement.
    public private(set) var phase = Phase.running
    /// Measurements the run takes before it completes: the spec's `count`, or this one's.
    private let count: Int

    /// Creates a run; `count` overrides the spec's (an `analysis` step's count).
    public init(spec: AnalysisSpec, count: Int? = nil) {
        self.spec = spec
        self.count = count ?? spec.count
    }

    /// Judges one reading of the metric window, or its absence.
    public static func phase(of reading: MetricReading?, spec: AnalysisSpec) -> MeasurementPhase {
        guard let reading, reading.requests >= Double(max(spec.minRequests, 1)) else {
            switch spec.noData {
            case .error: return .error
            case .success: return .successful
            case .inconclusive: return .inconclusive
            }
        }
        let rate = reading.errorRate
        if let failAbove = spec.failErrorRate {
            if rate > failAbove { return .failed }
            return rate <= spec.maxErrorRate ? .successful : .inconclusive
        }
        return rate <= spec.maxErrorRate ? .successful : .failed
    }

    /// Takes a measurement and returns what it was.
    public mutating func measure(_ reading: MetricReading?) -> AnalysisMeasurement {
        let measured = Self.phase(of: reading, spec: spec)
        let hasData = reading.map { $0.requests >= Double(max(spec.minRequests, 1)) } ?? false
        switch measured {
        case .successful:
            measurements += 1
            consecutiveErrors = 0
        case .failed:
            measurements += 1
            failed += 1
            consecutiveErrors = 0
        case .inconclusive:
            measurements += 1
            inconclusive += 1
            consecutiveErrors = 0
        case .error:
            consecutiveErrors += 1
        }
        phase = assessed()
        return AnalysisMeasurement(phase: measured, reading: reading, hasData: hasData, run: self)
    }

    /// Argo checks the three limits one after another and a later match overrides an earlier
    /// one, so Error wins over Inconclusive, which wins over Failed
    /// (`assessMetricFailureInconclusiveOrError`).
    private func assessed() -> Phase {
        if consecutiveErrors > spec.consecutiveErrorLimit { return .error }
        if inconclusive > spec.inconclusiveLimit { return .inconclusive }
        if failed > spec.failureLimit { return .failed }
        if count > 0 && measurements >= count { return .successful }
        return .running
    }

    /// Argo retries a measurement that erred after 10 s, whatever the interval
    /// (analysis/analysis.go, `DefaultErrorRetryInterval`).
    public static let errorRetryInterval: Int64 = 10_000_000_000

    /// When the next measurement is due after one in `phase` at `time`.
    public func nextMeasurement(after phase: MeasurementPhase, at time: Int64) -> Int64 {
        time + (phase == .error ? Self.errorRetryInterval : spec.interval.nanoseconds)
    }
}

/// One measurement of an analysis run, with the counts it left the run at.
public struct AnalysisMeasurement: Sendable, Equatable {
    /// What the measurement was.
    public var phase: AnalysisRun.MeasurementPhase
    /// What the query read; nil when the window held fewer than two samples.
    public var reading: MetricReading?
    /// Whether the reading counts as data: it exists and meets `minRequests`.
    public var hasData: Bool
    /// The query's traffic guard.
    public var minRequests: Int
    /// Failed measurements so far, and the limit.
    public var failed: Int
    public var failureLimit: Int
    /// Inconclusive measurements so far, and the limit.
    public var inconclusive: Int
    public var inconclusiveLimit: Int
    /// Consecutive errors so far, and the limit.
    public var consecutiveErrors: Int
    public var consecutiveErrorLimit: Int
    /// The run's phase after it.
    public var runPhase: AnalysisRun.Phase

    init(phase: AnalysisRun.MeasurementPhase, reading: MetricReading?, hasData: Bool, run: AnalysisRun) {
        self.phase = phase
        self.reading = reading
        self.hasData = hasData
        minRequests = max(run.spec.minRequests, 1)
        failed = run.failed
        failureLimit = run.spec.failureLimit
        inconclusive = run.inconclusive
        inconclusiveLimit = run.spec.inconclusiveLimit
        consecutiveErrors = run.consecutiveErrors
        consecutiveErrorLimit = run.spec.consecutiveErrorLimit
        runPhase = run.phase
    }
}
