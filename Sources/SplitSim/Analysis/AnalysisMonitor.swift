/// The candidate's error-rate analysis: one measurement per interval over the requests
/// since the previous one, failing the run when failed measurements exceed the limit.
///
/// Follows Argo Rollouts' AnalysisRun semantics: a measurement with fewer than
/// `minRequests` requests is inconclusive, not failed.
public struct AnalysisMonitor: Sendable {
    /// The verdict of one measurement.
    public enum Verdict: Sendable, Equatable {
        case passed(errorRate: Double, requests: Int)
        case failed(errorRate: Double, requests: Int)
        case inconclusive(requests: Int)
    }

    /// Time between measurements, in nanoseconds.
    public let interval: Int64
    /// Error rate above which a measurement fails.
    public let maxErrorRate: Double
    /// Requests a measurement needs to be conclusive.
    public let minRequests: Int
    /// Failed measurements tolerated; one more fails the analysis.
    public let failureLimit: Int
    /// Failed measurements so far.
    public private(set) var failures = 0
    private var lastRequests = 0
    private var lastFailures = 0

    /// Creates a monitor with the given thresholds.
    public init(interval: Int64, maxErrorRate: Double, minRequests: Int, failureLimit: Int) {
        self.interval = interval
        self.maxErrorRate = maxErrorRate
        self.minRequests = minRequests
        self.failureLimit = failureLimit
    }

    /// Starts the window of the next measurement at the given cumulative counts.
    public mutating func startWindow(requests: Int, failures: Int) {
        lastRequests = requests
        lastFailures = failures
    }

    /// Measures the window since the last measurement from cumulative candidate counts.
    public mutating func measure(requests: Int, failures failedRequests: Int) -> Verdict {
        let windowRequests = requests - lastRequests
        let windowFailures = failedRequests - lastFailures
        startWindow(requests: requests, failures: failedRequests)
        guard windowRequests >= max(minRequests, 1) else { return .inconclusive(requests: windowRequests) }
        let rate = Double(windowFailures) / Double(windowRequests)
        if rate > maxErrorRate {
            failures += 1
            return .failed(errorRate: rate, requests: windowRequests)
        }
        return .passed(errorRate: rate, requests: windowRequests)
    }

    /// True once failed measurements exceed the failure limit.
    public var hasFailed: Bool { failures > failureLimit }
}
