/// A strategy spec that carries a Deployment's `maxSurge` and `maxUnavailable`.
protocol RollingUpdateBudget {
    var maxSurge: IntOrPercent { get }
    var maxUnavailable: IntOrPercent { get }
}

extension RollingUpdateBudget {
    /// The budget as the rolling-update controller takes it.
    var rollingUpdate: RollingUpdateParameters {
        RollingUpdateParameters(maxSurge: maxSurge, maxUnavailable: maxUnavailable)
    }
}
