/// Synthetic requests sent with the routing header to the candidate only, before it gets
/// production traffic. They never count as user exposure.
public struct SmokeTestSpec: Hashable, Sendable {
    /// The default number of smoke requests.
    public static let defaultRequests = 100
    /// The default smoke request rate.
    public static let defaultRps = 5.0

    /// How many smoke requests to send.
    public var requests: Int
    /// Their rate in requests per second.
    public var rps: Double
    /// The release fails when the smoke error rate exceeds this.
    public var maxErrorRate: Double
    /// The fraction of a fault's code paths the smoke test exercises: a smoke request hits
    /// the fault with probability `coverage × fault.errorRate`.
    public var coverage: Double

    /// Creates a smoke test.
    public init(
        requests: Int = SmokeTestSpec.defaultRequests,
        rps: Double = SmokeTestSpec.defaultRps,
        maxErrorRate: Double = AnalysisSpec.defaultMaxErrorRate,
        coverage: Double = 1
    ) {
        self.requests = requests
        self.rps = rps
        self.maxErrorRate = maxErrorRate
        self.coverage = coverage
    }
}
