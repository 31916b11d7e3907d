/// A plain Deployment rolling update, the baseline with no pause and no split control.
public struct RollingUpdateSpec: Hashable, Sendable {
    /// Pods allowed above the desired count.
    public var maxSurge: IntOrPercent
    /// Pods allowed below the desired count.
    public var maxUnavailable: IntOrPercent

    /// Creates a rolling-update specification (Kubernetes' defaults 25 % / 25 %).
    public init(maxSurge: IntOrPercent = .percent(25), maxUnavailable: IntOrPercent = .percent(25)) {
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}
