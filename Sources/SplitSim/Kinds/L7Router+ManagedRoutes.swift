import SplitRouter

extension L7Router {
    /// Whether Argo Rollouts' traffic router for this proxy carries out the step.
    ///
    /// Header routes are implemented for Istio and, through the Gateway API plugin, for
    /// HTTPRoutes; mirror routes for Istio only; the nginx router ignores both (argo-rollouts
    /// rollout/trafficrouting/nginx: `SetHeaderRoute` and `SetMirrorRoute` return nil;
    /// rollouts-plugin-trafficrouter-gatewayapi pkg/plugin/plugin.go: `SetMirrorRoute` is a no-op).
    func supports(_ step: Step) -> Bool {
        switch step {
        case .setHeaderRoute: self == .istio || self == .gatewayAPI
        case .setMirrorRoute: self == .istio
        case .setWeight, .setReplicas, .pause, .analysis, .setCanaryScale: true
        }
    }
}
