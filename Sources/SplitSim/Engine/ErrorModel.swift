import SplitRouter

/// Error probabilities of the two versions, as thresholds for 64-bit draws.
public struct ErrorModel: Sendable {
    /// Baseline failure threshold of stable requests.
    public var stable: UInt64
    /// Baseline failure threshold of candidate requests.
    public var candidate: UInt64
    /// Failure threshold of candidate requests of fault-affected users once the fault is on.
    public var candidateFaulty: UInt64
    /// The fault's own failure probability, for smoke tests.
    public var faultErrorRate: Double
    /// The candidate's baseline failure probability, for smoke tests.
    public var candidateErrorRate: Double
    /// Candidate pod age from which the fault fails requests, in nanoseconds.
    public var faultAfter: Int64
    /// Whether the candidate has a fault that can fail anything.
    public var hasFault: Bool

    /// Compiles per-request probabilities; a fault adds to the baseline independently.
    public init(
        stableErrorRate: Double, candidateErrorRate: Double,
        faultErrorRate: Double, faultUserShare: Double, faultAfter: Int64
    ) {
        stable = TwoWaySplit(candidateShare: stableErrorRate).threshold
        candidate = TwoWaySplit(candidateShare: candidateErrorRate).threshold
        let combined = 1 - (1 - candidateErrorRate) * (1 - faultErrorRate)
        candidateFaulty = TwoWaySplit(candidateShare: combined).threshold
        self.faultErrorRate = faultErrorRate
        self.candidateErrorRate = candidateErrorRate
        self.faultAfter = faultAfter
        hasFault = faultErrorRate > 0 && faultUserShare > 0
    }
}
