/// What ingress-nginx's canary rules decide for one kind of request before the weight is drawn.
public enum CanaryDecision: Sendable, Hashable {
    /// The header or cookie forces the canary.
    case canary
    /// The header or cookie forces the stable backend.
    case stable
    /// No rule decided: a per-request Bernoulli trial with the canary weight.
    case weighted
}
