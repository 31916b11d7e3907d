/// What an Argo Rollouts canary controller sees in one reconcile: the spec, the current
/// `setWeight`, and the ReplicaSets it owns.
public struct CanaryRolloutState: Hashable, Sendable {
    /// The rollout's `spec.replicas`.
    public var replicas: Int
    /// The current canary weight in percent, 0…100 (0 when aborted, 100 when promoted).
    public var weight: Int
    /// `strategy.canary.maxSurge`.
    public var maxSurge: IntOrPercent
    /// `strategy.canary.maxUnavailable`.
    public var maxUnavailable: IntOrPercent
    /// The ReplicaSet of the stable version.
    public var stable: ReplicaSetState
    /// The ReplicaSet of the candidate version.
    public var canary: ReplicaSetState
    /// Other ReplicaSets of earlier revisions that still exist.
    public var older: [ReplicaSetState]

    /// Creates a rollout state; by default the limits are Argo's 25 % / 25 %, the stable
    /// set is fully available, the canary set is empty and no older sets exist.
    ///
    /// - Complexity: O(1).
    public init(
        replicas: Int,
        weight: Int,
        maxSurge: IntOrPercent = RollingUpdateParameters.defaults.maxSurge,
        maxUnavailable: IntOrPercent = RollingUpdateParameters.defaults.maxUnavailable,
        stable: ReplicaSetState? = nil,
        canary: ReplicaSetState = .empty,
        older: [ReplicaSetState] = []
    ) {
        self.replicas = replicas
        self.weight = weight
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
        self.stable = stable ?? .fullyAvailable(replicas)
        self.canary = canary
        self.older = older
    }

    /// The rollout's `maxSurge` / `maxUnavailable` resolved for its replica count.
    ///
    /// - Complexity: O(1).
    public var limits: RollingUpdateLimits {
        RollingUpdateParameters(maxSurge: maxSurge, maxUnavailable: maxUnavailable).limits(forReplicas: replicas)
    }
}
