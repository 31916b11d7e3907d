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

    /// Whether the step sets the candidate's share (a weight or a replica count), so that its
    /// traffic is measured.
    public var setsShare: Bool {
        switch self {
        case .setWeight, .setReplicas: true
        case .pause, .analysis: false
        }
    }

    /// The step's key in a scenario file.
    public var key: String {
        switch self {
        case .setWeight: return "setWeight"
        case .setReplicas: return "setReplicas"
        case .pause: return "pause"
        case .analysis: return "analysis"
        }
    }
}
