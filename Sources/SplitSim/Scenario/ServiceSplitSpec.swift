import SplitRouter

/// A canary split per request by an L7 proxy in front of a stable and a canary Service.
public struct ServiceSplitSpec: Hashable, Sendable {
    /// The default delay before the old stable pods go after promotion.
    public static let defaultScaleDownDelay = SimDuration(nanoseconds: 30_000_000_000)
    /// The default delay before the canary pods go after an abort.
    public static let defaultAbortScaleDownDelay = SimDuration(nanoseconds: 30_000_000_000)

    /// The proxy doing the split.
    public var router: L7Router
    /// The weight total the router is configured with (ingress-nginx, gateway-api); 100 for istio.
    public var weightTotal: Int
    /// How the canary Service is sized.
    public var canaryReplicas: CanaryReplicas
    /// A header rule that overrides the weight.
    public var header: HeaderMatch?
    /// A cookie name whose `always`/`never` values override the weight.
    public var cookie: String?
    /// The rollout steps; `setWeight` values are out of ``weightScale``.
    public var steps: [Step]
    /// Delay before scaling the old version down after promotion.
    public var scaleDownDelay: SimDuration
    /// Delay before scaling the canary down after an abort.
    public var abortScaleDownDelay: SimDuration

    /// Creates a service-split specification.
    public init(
        router: L7Router = .ingressNginx,
        weightTotal: Int = 100,
        canaryReplicas: CanaryReplicas = .matchWeight,
        header: HeaderMatch? = nil,
        cookie: String? = nil,
        steps: [Step],
        scaleDownDelay: SimDuration = ServiceSplitSpec.defaultScaleDownDelay,
        abortScaleDownDelay: SimDuration = ServiceSplitSpec.defaultAbortScaleDownDelay
    ) {
        self.router = router
        self.weightTotal = weightTotal
        self.canaryReplicas = canaryReplicas
        self.header = header
        self.cookie = cookie
        self.steps = steps
        self.scaleDownDelay = scaleDownDelay
        self.abortScaleDownDelay = abortScaleDownDelay
    }

    /// What a `setWeight` value is out of: ingress-nginx ignores totals up to 100, gateway-api
    /// weights are relative to the configured total, istio weights are percentages.
    public var weightScale: Int {
        router.effectiveTotal(weightTotal: weightTotal)
    }
}
