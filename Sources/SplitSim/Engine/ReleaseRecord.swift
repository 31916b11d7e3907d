/// When the milestones of one run's release happened, and how it ended.
public struct ReleaseRecord: Sendable {
    /// How the release ended, once it did.
    public internal(set) var outcome: RunOutcome = .incomplete
    /// When the faulty candidate first served a user request with its fault on; smoke-test and
    /// mirrored requests never start this clock.
    public internal(set) var faultStartedAt: Int64?
    /// When a smoke test or the analysis caught the fault.
    public internal(set) var detectedAt: Int64?
    /// When production could no longer reach the candidate after detection.
    public internal(set) var candidateUnreachableAt: Int64?
    /// When the first candidate pod became ready.
    public internal(set) var firstCandidateReadyAt: Int64?
    /// When the candidate took all traffic.
    public internal(set) var fullTrafficAt: Int64?
    /// When the release reached its end state (promoted and old version gone, or aborted and candidate gone).
    public internal(set) var finishedAt: Int64?
    /// Users who had seen both versions when the release reached its end state.
    public internal(set) var usersSawBothAtFinish: Int?

    /// Whether production could still reach the candidate when the run ended.
    public internal(set) var candidateReachableAtEnd = false
    /// Analysis measurements taken, and how many of them read data.
    public internal(set) var analysisMeasurements = 0
    public internal(set) var measurementsWithData = 0
    /// Whether an analysis that erred — measurements without data, too many in a row —
    /// stopped the release: it never judged the candidate.
    public internal(set) var abortedWithoutData = false

    /// Whether the release was aborted or rolled back.
    public var isAborted: Bool { outcome == .aborted }
}
