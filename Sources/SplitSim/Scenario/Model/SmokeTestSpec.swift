/// Synthetic test cases sent with the routing header to the candidate only, before it gets
/// production traffic. They never count as user exposure.
///
/// Each case exercises the fault's code path with probability `coverage`; the test fails on
/// any failed case, so more cases never lower the chance to catch a fault.
public struct SmokeTestSpec: Hashable, Sendable {
    /// The default number of smoke requests.
    public static let defaultRequests = 100
    /// The default smoke request rate.
    public static let defaultRps = 5.0

    /// How many smoke requests to send.
    public var requests: Int
    /// Their rate in requests per second.
    public var rps: Double
    /// When set, the release fails only when the failed share exceeds this; nil: on any failure.
    public var maxErrorRate: Double?
    /// The probability that one case exercises the fault's code path; one that does fails
    /// with the fault's error rate.
    public var coverage: Double

    /// Creates a smoke test.
    public init(
        requests: Int = SmokeTestSpec.defaultRequests,
        rps: Double = SmokeTestSpec.defaultRps,
        maxErrorRate: Double? = nil,
        coverage: Double = 1
    ) {
        self.requests = requests
        self.rps = rps
        self.maxErrorRate = maxErrorRate
        self.coverage = coverage
    }
}
