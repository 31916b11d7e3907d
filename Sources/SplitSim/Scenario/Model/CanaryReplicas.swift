/// How many candidate pods a routed canary runs.
public enum CanaryReplicas: Hashable, Sendable {
    /// Size the canary from the current weight: ceil(w · R / 100), zero weight gives zero pods
    /// (Argo Rollouts with a traffic router).
    case matchWeight
    /// A fixed pod count regardless of weight.
    case fixed(Int)
}
