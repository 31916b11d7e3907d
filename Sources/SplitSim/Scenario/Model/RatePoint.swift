/// From `at` on (until the next point), requests arrive at `rps` per second.
public struct RatePoint: Hashable, Sendable {
    /// When this rate starts, from the beginning of the scenario.
    public var at: SimDuration
    /// The mean arrival rate in requests per second.
    public var rps: Double

    /// Creates a rate point.
    public init(at: SimDuration, rps: Double) {
        self.at = at
        self.rps = rps
    }
}
