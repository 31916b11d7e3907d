/// The `maxSurge` / `maxUnavailable` pair of a Deployment's rolling update or an Argo
/// Rollouts canary, as written in the manifest.
///
/// Kubernetes (`pkg/controller/deployment/util`) and Argo Rollouts (`utils/replicaset`)
/// resolve the pair the same way, so both controllers in this module share this type.
public struct RollingUpdateParameters: Hashable, Sendable {
    /// Pods allowed above the desired count: a count, or a percentage that rounds up.
    public var maxSurge: IntOrPercent
    /// Pods allowed to be unavailable: a count, or a percentage that rounds down.
    public var maxUnavailable: IntOrPercent

    /// Creates a parameter pair.
    ///
    /// - Complexity: O(1).
    public init(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent) {
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }

    /// The default of both Kubernetes Deployments and Argo Rollouts: 25 % / 25 %.
    public static let defaults = RollingUpdateParameters(maxSurge: .percent(25), maxUnavailable: .percent(25))

    /// Resolves both values against `replicas` in one step, as upstream `ResolveFenceposts`
    /// does: surge rounds up, unavailable rounds down, and when both come out 0 the
    /// unavailable count becomes 1, because a rollout with neither could never move.
    ///
    /// The result is not capped; ``limits(forReplicas:)`` applies the caps the controllers use.
    /// Values are expected to be non-negative, as API validation guarantees upstream.
    ///
    /// - Complexity: O(1).
    public static func resolveFenceposts(
        maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, replicas: Int
    ) -> RollingUpdateLimits {
        let surge = maxSurge.resolved(against: replicas, roundingUp: true)
        let unavailable = maxUnavailable.resolved(against: replicas, roundingUp: false)
        return RollingUpdateLimits(maxSurge: surge, maxUnavailable: surge == 0 && unavailable == 0 ? 1 : unavailable)
    }

    /// The limits the controllers act on for `replicas` desired pods: the fenceposts, with
    /// `maxUnavailable` capped at `replicas` and 0 for a rollout scaled to zero (upstream
    /// `MaxSurge` / `MaxUnavailable`).
    ///
    /// - Complexity: O(1).
    public func limits(forReplicas replicas: Int) -> RollingUpdateLimits {
        let fenceposts = Self.resolveFenceposts(maxSurge: maxSurge, maxUnavailable: maxUnavailable, replicas: replicas)
        let unavailable = replicas <= 0 ? 0 : min(fenceposts.maxUnavailable, replicas)
        return RollingUpdateLimits(maxSurge: fenceposts.maxSurge, maxUnavailable: unavailable)
    }
}
