/// A defect in the candidate: affected users' requests fail with `errorRate` on top of
/// the baseline, once a candidate pod is `after` old.
public struct FaultSpec: Hashable, Sendable {
    /// Failure probability per request of an affected user, in [0, 1].
    public var errorRate: Double
    /// The fraction of users the fault affects, in [0, 1].
    public var users: Double
    /// Candidate pod age from which the fault shows.
    public var after: SimDuration

    /// Creates a fault.
    public init(errorRate: Double, users: Double = 1, after: SimDuration = .zero) {
        self.errorRate = errorRate
        self.users = users
        self.after = after
    }
}
