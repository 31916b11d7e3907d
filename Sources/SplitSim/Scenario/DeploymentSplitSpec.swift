/// A second Deployment whose pods match the stable Service's selector, so kube-proxy splits
/// connections by pod count.
public struct DeploymentSplitSpec: Hashable, Sendable {
    /// The rollout steps: `setReplicas` (candidate pods), `setWeight` (mapped to the nearest
    /// pod ratio), `pause`, `analysis`.
    public var steps: [Step]
    /// Surge of the rolling update that finally replaces the stable pods.
    public var maxSurge: IntOrPercent
    /// Unavailability budget of that rolling update.
    public var maxUnavailable: IntOrPercent

    /// Creates a deployment-split specification.
    public init(steps: [Step], maxSurge: IntOrPercent = .percent(25), maxUnavailable: IntOrPercent = .percent(25)) {
        self.steps = steps
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}
