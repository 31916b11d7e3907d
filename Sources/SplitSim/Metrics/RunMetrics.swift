/// What one run measured, accumulated in fixed memory while requests stream.
public struct RunMetrics: Sendable {
    /// Production requests of the run.
    public var requests = 0
    /// Production requests the candidate served.
    public var candidateRequests = 0
    /// When the candidate served its first and its last production request (0 before any).
    public var firstCandidateRequestAt: Int64 = 0
    public var lastCandidateRequestAt: Int64 = 0
    /// Production requests the candidate served that failed.
    public var failedCandidateRequests = 0
    /// Of those, the ones stable would have served: the failures the release caused.
    public var excessFailedCandidateRequests = 0
    /// Production requests the stable version served.
    public var stableRequests = 0
    /// Production requests no ready pod could take: they failed.
    public var refusedRequests = 0
    /// Production requests that failed because their version's ready pods were overloaded.
    public var capacityFailedRequests = 0
    /// Synthetic smoke-test requests, never counted as user exposure.
    public var smokeRequests = 0
    /// Smoke-test requests that failed.
    public var failedSmokeRequests = 0
    /// Copies of production requests mirrored to the candidate; their responses are dropped.
    public var mirroredRequests = 0
    /// Mirrored copies that failed on the candidate: the candidate's metrics see them, users do not.
    public var failedMirroredRequests = 0
    /// Users who got at least one response from the candidate.
    public var exposedUsers: UserBitset
    /// Users who got at least one failed response from the candidate that stable would not
    /// have failed: a failure the release caused.
    public var failedUsers: UserBitset
    /// Users who got at least one response from stable.
    public var stableUsers: UserBitset
    /// Per strategy step: production requests and candidate requests while it was in force.
    /// Slot 0 collects traffic outside any step.
    public var stepTraffic: [(requests: Int, candidate: Int)] = [(0, 0)]
    /// The slot of `stepTraffic` requests count into now.
    public var currentStepSlot = 0
    /// The candidate's share minute by minute, for peak shares.
    public var shareWindows: ShareWindows
    /// Pod-seconds: the integral of existing pods over time, in pod-nanoseconds.
    public var podNanoseconds: Double = 0
    /// The most pods that existed at once — pending, ready and terminating: a draining pod
    /// still occupies a node, so it counts as it is paid for in `podNanoseconds`.
    public var peakPods = 0
    /// Time during which ready capacity was below the offered rate, in nanoseconds.
    public var underCapacityNanoseconds: Int64 = 0
    /// Time during which production traffic had no ready pod to go to, in nanoseconds.
    public var noReadyPodNanoseconds: Int64 = 0

    /// Requests the candidate's pods served, as their metrics count them: production, mirrored
    /// and smoke-test requests.
    public var candidatePodRequests: Int { candidateRequests + mirroredRequests + smokeRequests }
    /// Failed requests among ``candidatePodRequests``.
    public var failedCandidatePodRequests: Int {
        failedCandidateRequests + failedMirroredRequests + failedSmokeRequests
    }

    /// Creates empty metrics for `users` users over a run of `duration` nanoseconds.
    public init(users: Int, duration: Int64) {
        shareWindows = ShareWindows(duration: duration)
        exposedUsers = UserBitset(capacity: users)
        failedUsers = UserBitset(capacity: users)
        stableUsers = UserBitset(capacity: users)
    }
}
