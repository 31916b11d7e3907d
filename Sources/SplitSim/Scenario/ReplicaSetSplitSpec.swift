/// Argo Rollouts' basic canary without a traffic router: ReplicaSets of one rollout are scaled
/// so that the pod ratio approximates each weight.
public struct ReplicaSetSplitSpec: Hashable, Sendable {
    /// The rollout steps: `setWeight`, `pause`, `analysis`.
    public var steps: [Step]
    /// Pods allowed above the desired count while scaling.
    public var maxSurge: IntOrPercent
    /// Pods allowed below the desired count while scaling.
    public var maxUnavailable: IntOrPercent

    /// Creates a replicaset-split specification.
    public init(steps: [Step], maxSurge: IntOrPercent = .percent(25), maxUnavailable: IntOrPercent = .percent(25)) {
        self.steps = steps
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}
