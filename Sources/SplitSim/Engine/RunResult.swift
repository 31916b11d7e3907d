/// The figures of one run of one strategy, before aggregation over runs.
public struct RunResult: Sendable {
    /// How the release ended.
    public var outcome: RunOutcome
    /// Production requests served by the candidate.
    public var candidateUserRequests: Double
    /// Of those, the failed ones.
    public var failedUserRequests: Double
    /// Distinct users who got a response from the candidate.
    public var usersExposed: Double
    /// Distinct users who got a failed response from the candidate that stable would not have failed.
    public var usersFailed: Double
    /// Seconds from the fault going live to its detection; nil when nothing was detected.
    public var detectionSeconds: Double?
    /// Seconds from detection until production could no longer reach the candidate.
    public var rollbackSeconds: Double?
    /// Whether the fault still reached users when the run ended: the candidate was faulty, its
    /// fault was on and production could reach it, whatever the weight.
    public var escaped: Bool
    /// Failed candidate requests that stable would have served (the same draw against stable's
    /// error rate, or an overload): the failures the release caused.
    public var excessFailedUserRequests: Double
    /// Failed candidate requests that stable would have failed too.
    public var baselineFailedUserRequests: Double
    /// Users exposed and failed, as shares of all users.
    public var usersExposedShare: Double
    public var usersFailedShare: Double
    /// Synthetic smoke-test requests sent.
    public var smokeRequests: Double
    /// Production requests copied to the candidate by a mirror route.
    public var mirroredRequests: Double
    /// Pod-seconds paid for over the scenario's duration.
    public var podSeconds: Double
    /// Pod-seconds above the stable baseline of `replicas` pods for the whole duration.
    public var extraPodSeconds: Double
    /// The most pods that existed at once, terminating pods included.
    public var peakPods: Double
    /// The cost of the pod-seconds at the scenario's pod-hour price.
    public var money: Double
    /// Seconds during which ready capacity was below the offered rate.
    public var underCapacitySeconds: Double
    /// Seconds during which production traffic had no ready pod to go to.
    public var noReadyPodSeconds: Double
    /// Production requests that failed because their version's ready pods were overloaded.
    public var capacityFailedRequests: Double
    /// Production requests the stable version served.
    public var stableRequests: Double
    /// Production requests no ready pod could take.
    public var refusedRequests: Double
    /// Seconds from the start until the release reached its end state (the whole duration
    /// when incomplete).
    public var durationSeconds: Double
    /// Users who got responses from both versions before the release reached its end state.
    public var usersSawBoth: Double
    /// Per weight or replica step: the candidate's share of production requests while the
    /// step was in force; nil when the step never took effect.
    public var realizedShares: [Double?]
    /// Per weight or replica step, parallel to ``realizedShares``: the highest one-minute
    /// candidate share while the step was in force and the time spent at it.
    public var stepPeaks: [ShareWindows.Peak?]
    /// The highest one-minute candidate share before the candidate took all traffic; nil when
    /// no production request was simulated before then.
    public var peakCandidateShare: Double?
    /// Analysis measurements taken, and how many of them read data.
    public var analysisMeasurements: Int
    public var measurementsWithData: Int
    /// Whether an analysis that erred for want of data stopped the release.
    public var abortedWithoutData: Bool
    /// Production requests of the run that were simulated (an aborted release stops
    /// streaming once only stable can be reached).
    public var requests: Double
    /// The control events, when the run was traced.
    public var trace: [TraceEvent]?
    /// When the release's milestones happened, for checks of the run's invariants.
    public var record: ReleaseRecord
    /// When the candidate served its first and last production request; nil when it served none.
    public var candidateRequestSpan: ClosedRange<Int64>?
}
