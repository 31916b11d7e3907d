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

    /// The rollout's `maxSurge` / `maxUnavailable` resolved for its replica count, as upstream
    /// `MaxSurge` / `MaxUnavailable` (utils/replicaset/replicaset.go) resolve them: surge rounds up,
    /// unavailable rounds down, both 0 makes unavailable 1, unavailable is capped at the replica
    /// count and is 0 for a rollout scaled to zero.
    ///
    /// For counts within `Int32` this is ``RollingUpdateParameters/limits(forReplicas:)``; beyond,
    /// it is what the Go controller's 32-bit fields make of it.
    ///
    /// - Complexity: O(1).
    public var limits: RollingUpdateLimits {
        let limits = int32Limits
        return RollingUpdateLimits(maxSurge: Int(limits.maxSurge), maxUnavailable: Int(limits.maxUnavailable))
    }

    /// ``limits`` as the `int32` values upstream computes with.
    var int32Limits: (maxSurge: Int32, maxUnavailable: Int32) {
        let replicas = Int32(truncatingIfNeeded: self.replicas)
        let (surge, unavailable) = Self.resolveFenceposts(maxSurge, maxUnavailable, desired: replicas)
        // MaxUnavailable, replicaset.go L429-448: 0 for no replicas, otherwise at most the replicas.
        return (surge, replicas == 0 ? 0 : min(unavailable, replicas))
    }

    /// Upstream `resolveFenceposts` (replicaset.go L407-426): both values resolved as Go `int`s,
    /// the both-zero case decided on those, then converted to `int32`.
    private static func resolveFenceposts(_ maxSurge: IntOrPercent, _ maxUnavailable: IntOrPercent, desired: Int32)
        -> (Int32, Int32)
    {
        let surge = goValue(of: maxSurge, total: desired, roundingUp: true)
        var unavailable = goValue(of: maxUnavailable, total: desired, roundingUp: false)
        if surge == 0 && unavailable == 0 {
            unavailable = 1
        }
        return (Int32(truncatingIfNeeded: surge), Int32(truncatingIfNeeded: unavailable))
    }

    /// k8s.io/apimachinery `intstr.GetValueFromIntOrPercent` (intstr.go L203-219), which Argo calls:
    /// a count is an `int32` field; a percentage scales in `float64`, `ceil(p·total/100)` or
    /// `floor(p·total/100)`, then converts to a 64-bit Go `int`.
    private static func goValue(of value: IntOrPercent, total: Int32, roundingUp: Bool) -> Int {
        switch value {
        case .count(let count):
            return Int(Int32(truncatingIfNeeded: count))
        case .percent(let percent):
            let scaled = Double(percent) * Double(total) / 100
            let rounded = roundingUp ? scaled.rounded(.up) : scaled.rounded(.down)
            // Go's float-to-int conversion on amd64 gives the minimum Int when out of range.
            return rounded >= -0x1p63 && rounded < 0x1p63 ? Int(rounded) : Int.min
        }
    }
}
