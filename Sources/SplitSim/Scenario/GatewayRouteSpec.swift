/// An application gateway routes only requests with a header to a `-canary` copy; production
/// traffic moves from 0 % to 100 % by a rolling update once the copy is approved.
public struct GatewayRouteSpec: Hashable, Sendable {
    /// The header that selects the canary copy.
    public var header: HeaderMatch
    /// Pods of the canary copy.
    public var canaryReplicas: Int
    /// Synthetic checks against the copy before approval.
    public var smokeTest: SmokeTestSpec?
    /// Time from the copy being ready (and smoke-tested) to the production rollout starting.
    public var approvalDelay: SimDuration
    /// Surge of the production rolling update.
    public var maxSurge: IntOrPercent
    /// Unavailability budget of the production rolling update.
    public var maxUnavailable: IntOrPercent

    /// Creates a gateway-route specification.
    public init(
        header: HeaderMatch,
        canaryReplicas: Int = 1,
        smokeTest: SmokeTestSpec? = nil,
        approvalDelay: SimDuration = .zero,
        maxSurge: IntOrPercent = .percent(25),
        maxUnavailable: IntOrPercent = .percent(25)
    ) {
        self.header = header
        self.canaryReplicas = canaryReplicas
        self.smokeTest = smokeTest
        self.approvalDelay = approvalDelay
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}
