import SplitRouter

/// Something a strategy cannot do as written in its scenario, or a figure of its runs that
/// the reader must not miss. `SplitReport` writes the sentence.
public enum StrategyWarning: Sendable, Equatable {
    /// Weight step `step` (0-based among weight steps) asks a share the router cannot set;
    /// it only sets multiples of `smallestShare`.
    case weightRounded(step: Int, requested: Double, effective: Double, router: L7Router, smallestShare: Double)
    /// Weight step `step` asks a share that the closest pod split of `replicas` misses.
    case podSplitRounded(step: Int, requested: Double, effective: Double, replicas: Int)
    /// Step `step` asks a share that the ratio of canary pods to `stablePods` misses.
    case podRatioRounded(step: Int, requested: Double, effective: Double, stablePods: Int)
    /// Weight step `step` sends up to `offeredRps` to `canaryPods` pods that serve `capacityRps`.
    case canaryOverloaded(step: Int, offeredRps: Double, canaryPods: Int, capacityRps: Double)
    /// Header and cookie rules are simulated for ingress-nginx only.
    case rulesNeedIngressNginx(router: L7Router)
    /// Step `step` (0-based) is one Argo's traffic router for `router` does nothing with.
    case stepIgnoredByRouter(step: Int, key: String, router: L7Router)
    /// The metric window holds at most one scrape, so no measurement ever has data.
    case metricWindowTooShort(window: SimDuration, scrapeInterval: SimDuration)
    /// Nothing in production can stop a faulty candidate.
    case noAnalysis
    /// The faulty candidate reached all traffic in this share of runs.
    case faultEscaped(runShare: Double)
    /// This share of runs did not finish within the scenario's duration.
    case runsIncomplete(runShare: Double)
    /// This share of runs ended paused by an inconclusive analysis, waiting for a person.
    case runsPaused(runShare: Double)
    /// This share of runs promoted the candidate although no analysis measurement had data:
    /// nothing was measured (`noData: success`, or too little traffic for `minRequests`).
    case promotedUnmeasured(runShare: Double)
    /// This share of healthy runs was stopped by an analysis that erred for want of data
    /// (fewer than `minRequests` requests in its window, too many times in a row): it never
    /// judged the candidate.
    case abortedWithoutData(runShare: Double, minRequests: Int)
    /// The share step written `step` (e.g. `setReplicas 1`) can set `effective`, but the
    /// traffic realised less than half of it on average: callers kept their connections.
    case shareNotRealized(step: String, effective: Double, realized: Double)

    /// A stable machine-readable code for pipelines.
    public var code: String {
        switch self {
        case .weightRounded: "weight-rounded"
        case .podSplitRounded: "pod-split-rounded"
        case .podRatioRounded: "pod-ratio-rounded"
        case .canaryOverloaded: "canary-overloaded"
        case .rulesNeedIngressNginx: "rules-need-ingress-nginx"
        case .stepIgnoredByRouter: "step-ignored-by-router"
        case .metricWindowTooShort: "metric-window-too-short"
        case .noAnalysis: "no-analysis"
        case .faultEscaped: "fault-escaped"
        case .runsIncomplete: "runs-incomplete"
        case .runsPaused: "runs-paused"
        case .promotedUnmeasured: "promoted-unmeasured"
        case .abortedWithoutData: "aborted-without-data"
        case .shareNotRealized: "share-not-realised"
        }
    }
}
