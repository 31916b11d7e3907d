/// One step of a stepped rollout, in the order a controller runs them.
public enum Step: Hashable, Sendable {
    /// Set the candidate's share: a percentage, or out of the router's weight total
    /// (see ``ServiceSplitSpec/weightScale``).
    case setWeight(Int)
    /// Run this many candidate pods beside the stable ones (deployment-split).
    case setReplicas(Int)
    /// Hold the current state for a while. A pause without a duration would wait for a human,
    /// which a simulation cannot do, so every pause has one.
    case pause(SimDuration)
    /// Run the strategy's analysis for `count` measurements and continue only if it passes.
    case analysis(count: Int)
    /// Size the canary apart from its traffic weight (Argo's `setCanaryScale`, traffic routing
    /// only); in force for the later steps until `matchTrafficWeight`.
    case setCanaryScale(CanaryScale)
    /// Send requests carrying this header to the canary whatever the weight (Argo's
    /// `setHeaderRoute`); nil removes the route.
    case setHeaderRoute(HeaderMatch?)
    /// Copy this percentage of requests to the canary, whose responses are dropped (Argo's
    /// `setMirrorRoute`); 0 removes the route.
    case setMirrorRoute(percentage: Int)

    /// Whether the step sets the candidate's share (a weight or a replica count), so that its
    /// traffic is measured.
    public var setsShare: Bool {
        switch self {
        case .setWeight, .setReplicas: true
        case .pause, .analysis, .setCanaryScale, .setHeaderRoute, .setMirrorRoute: false
        }
    }

    /// The step's key in a scenario file.
    public var key: String {
        switch self {
        case .setWeight: return "setWeight"
        case .setReplicas: return "setReplicas"
        case .pause: return "pause"
        case .analysis: return "analysis"
        case .setCanaryScale: return "setCanaryScale"
        case .setHeaderRoute: return "setHeaderRoute"
        case .setMirrorRoute: return "setMirrorRoute"
        }
    }
}

/// How a `setCanaryScale` step sizes the canary.
public enum CanaryScale: Hashable, Sendable {
    /// Exactly this many pods.
    case replicas(Int)
    /// The pods a weight would need: ceil(w·R/maxWeight).
    case weight(Int)
    /// Back to the pods the traffic weight needs.
    case matchTrafficWeight
}
