/// Every kind of JSON object a scenario file contains, with the keys each accepts; the
/// strategies' own objects are their kinds' (``StrategyRegistry``).
///
/// The raw value is the object's definition name in `scenarios/scenario.schema.json`
/// (`scenario` is the schema's top level), so tests can check that the decoder and the
/// schema accept exactly the same keys.
public enum ScenarioObject: String, CaseIterable, Hashable, Sendable {
    /// The top level.
    case scenario
    /// `traffic`.
    case traffic
    /// `traffic.callers`.
    case callers
    /// An element of `traffic.profile`.
    case ratePoint
    /// An element of `traffic.headers`.
    case headerShare
    /// An element of `traffic.cookies`.
    case cookieShare
    /// `cluster`.
    case cluster
    /// `versions`.
    case versions
    /// `versions.stable`.
    case stableVersion
    /// `versions.candidate`.
    case candidateVersion
    /// `versions.candidate.fault`.
    case fault
    /// `analysis`, at the top level or on a strategy.
    case analysis
    /// A strategy's `header` rule.
    case headerMatch
    /// A strategy's `smokeTest`.
    case smokeTest
    /// The step `{"setWeight": N}`.
    case setWeightStep
    /// The step `{"setReplicas": N}`.
    case setReplicasStep
    /// The step `{"pause": …}`.
    case pauseStep
    /// Argo's pause form `{"duration": …}`.
    case pauseDetails
    /// `analysis.metric`.
    case metric
    /// The step `{"setCanaryScale": {…}}`.
    case setCanaryScaleStep
    /// The step `{"setHeaderRoute": {…}}`.
    case setHeaderRouteStep
    /// The step `{"setMirrorRoute": {…}}`.
    case setMirrorRouteStep
    /// The object of a `setCanaryScale` step.
    case canaryScale
    /// The object of a `setMirrorRoute` step.
    case mirrorRoute
    /// The step `{"analysis": {…}}`.
    case analysisStep
    /// The object of an analysis step.
    case analysisDetails

    /// Keys every strategy accepts, whatever its kind; each kind adds its own
    /// (``StrategyKindSpec/keys``).
    public static let commonStrategyKeys = ["name", "description", "kind", "analysis"]

    /// The keys this object accepts, in the order the documentation lists them.
    public var keys: [String] {
        switch self {
        case .scenario:
            return [
                "$schema", "name", "description", "seed", "runs", "duration", "traffic", "cluster",
                "versions", "analysis", "priorities", "maxFalseAbortRate", "strategies",
            ]
        case .traffic:
            return [
                "rps", "profile", "users", "requestsPerConnection", "headers", "cookies", "callers", "sessionAffinity",
            ]
        case .callers:
            return [
                "via", "endpointDelay", "instances", "connectionsPerInstance", "maxRequestsPerConnection",
                "maxConnectionAge", "idleTimeout",
            ]
        case .ratePoint: return ["at", "rps"]
        case .headerShare: return ["name", "value", "share"]
        case .cookieShare: return ["name", "value", "userShare"]
        case .cluster:
            return [
                "replicas", "podStartup", "podShutdown", "podCapacityRps", "podHourlyCost", "podStartupJitter",
                "podShutdownJitter", "currency",
            ]
        case .versions: return ["stable", "candidate"]
        case .stableVersion: return ["errorRate"]
        case .candidateVersion: return ["errorRate", "fault"]
        case .fault: return ["errorRate", "users", "after"]
        case .analysis:
            return [
                "interval", "count", "maxErrorRate", "failErrorRate", "minRequests", "noData", "failureLimit",
                "inconclusiveLimit", "consecutiveErrorLimit", "initialDelay", "metric", "background", "afterPromotion",
            ]
        case .metric: return ["scrapeInterval", "window"]
        case .setCanaryScaleStep: return ["setCanaryScale"]
        case .setHeaderRouteStep: return ["setHeaderRoute"]
        case .setMirrorRouteStep: return ["setMirrorRoute"]
        case .canaryScale: return ["replicas", "weight", "matchTrafficWeight"]
        case .mirrorRoute: return ["percentage"]
        case .headerMatch: return ["name", "value", "pattern"]
        case .smokeTest: return ["requests", "rps", "maxErrorRate", "coverage"]
        case .setWeightStep: return ["setWeight"]
        case .setReplicasStep: return ["setReplicas"]
        case .pauseStep: return ["pause"]
        case .pauseDetails: return ["duration"]
        case .analysisStep: return ["analysis"]
        case .analysisDetails: return ["count"]
        }
    }
}
