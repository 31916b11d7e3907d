import SplitRouter

/// What a trace event records, with the figures a sentence about it needs.
///
/// Strategies of any kind reuse these; a new kind adds a case only for something no existing
/// case describes.
public enum TraceDetail: Sendable, Equatable {
    /// The release starts from this setup.
    case started(ReleaseSetup)
    /// A ReplicaSet's desired size changed.
    case scaled(replicaSet: String, from: Int, to: Int)
    /// A pod became ready; `endpoints` when it is behind the production Service.
    case podReady(version: ReleaseVersion, pod: String, ready: Int, spec: Int, endpoints: EndpointCount?)
    /// A terminating pod is gone; its connections reconnect.
    case podGone(version: ReleaseVersion, pod: String)
    /// The offered rate changed, in requests per second.
    case rateChanged(rps: Double)
    /// An analysis run started: `count` measurements (0: until terminated), the first after
    /// `initialDelay`, then one every `interval`.
    case analysisStarted(AnalysisPurpose, interval: SimDuration, count: Int, initialDelay: SimDuration)
    /// An analysis run took a measurement.
    case analysisMeasured(AnalysisPurpose, AnalysisMeasurement)
    /// An analysis run completed in this phase.
    case analysisEnded(AnalysisPurpose, AnalysisRun.Phase)
    /// The background analysis was terminated because the rollout is fully promoted.
    case analysisTerminated
    /// Step `step` (0-based) is a pause.
    case stepPause(step: Int, duration: SimDuration)
    /// Step `step` is an analysis, but the strategy has none.
    case stepAnalysisSkipped(step: Int)
    /// The rollout paused because this analysis was inconclusive: a person must decide.
    case paused(AnalysisPurpose)
    /// Step `step` sets an L7 weight out of `scale` and sizes the canary.
    case stepRoutedWeight(step: Int, weight: Int, scale: Int, canaryPods: Int)
    /// Step `step` sets a weight that the controller approximates with pod counts.
    case stepPodWeight(step: Int, weight: Int, canaryPods: Int, stablePods: Int, share: Double)
    /// Step `step` sizes a second Deployment beside the stable pods.
    case stepCanaryDeployment(step: Int, canaryPods: Int, stablePods: Int, share: Double)
    /// Step `step` sizes the canary apart from its weight (`setCanaryScale`).
    case stepCanaryScale(step: Int, canaryPods: Int)
    /// Step `step` sets (`header` nil: removes) a header route to the canary; `ignoredBy` names
    /// the router when Argo's router for it does nothing with the step.
    case stepHeaderRoute(step: Int, header: String?, ignoredBy: L7Router?)
    /// Step `step` mirrors `percentage` % of requests to the canary, unless `ignoredBy` names
    /// a router that does nothing with the step.
    case stepMirrorRoute(step: Int, percentage: Int, ignoredBy: L7Router?)
    /// The L7 weight is now `weight` of `scale`: `share` of requests go to the canary.
    case weightSet(weight: Int, scale: Int, share: Double)
    /// The L7 weight went back to 0 after a rollback.
    case weightCleared
    /// Requests that match a header or a cookie go to the canary, all others to the primary
    /// (Flagger's A/B testing); one of `header` and `cookie` is set.
    case matchRouted(header: HeaderMatch?, cookie: String?)
    /// `percentage` % of requests are also copied to the canary, whose responses are dropped
    /// (Flagger's `mirror`); 0 when the mirror is switched off.
    case mirrorRouted(percentage: Int)
    /// A controller's own check of the candidate's metric (Flagger's analysis, once per
    /// interval): what the query read (nil: no values found), whether it passed (at least
    /// `minRequests` requests and an error rate of at most `maxErrorRate`), and the failed
    /// checks so far against the `threshold` that rolls back.
    case metricChecked(
        reading: MetricReading?, minRequests: Int, maxErrorRate: Double, passed: Bool, failedChecks: Int,
        threshold: Int)
    /// A smoke test starts.
    case smokeTestStarted(requests: Int, rps: Double, route: SmokeTestRoute)
    /// A smoke test ended.
    case smokeTestFinished(failed: Int, requests: Int, passed: Bool)
    /// The preview environment is fully available.
    case previewReady
    /// The release waits this long for a manual approval.
    case awaitingApproval(SimDuration)
    /// A promotion stage.
    case promotion(PromotionStage)
    /// The active Service now selects `active`; `previous` is kept for `scaleDownDelay`.
    case serviceSwitched(active: String, previous: String, scaleDownDelay: SimDuration)
    /// The active Service selects `active` again after a rollback.
    case serviceSwitchedBack(active: String)
    /// The candidate takes all production traffic.
    case fullTraffic
    /// The release was stopped.
    case aborted(AbortReason)
    /// The release reached its end state.
    case finished(aborted: Bool)

    /// A short machine-readable kind, e.g. `pod-ready`, `set-weight`, `analysis`.
    public var kind: String {
        switch self {
        case .started: "start"
        case .scaled: "scale"
        case .podReady: "pod-ready"
        case .podGone: "pod-gone"
        case .rateChanged: "traffic"
        case .analysisStarted: "analysis-start"
        case .analysisMeasured, .metricChecked: "analysis"
        case .analysisEnded, .analysisTerminated: "analysis-end"
        case .paused: "pause"
        case .stepPause, .stepAnalysisSkipped, .stepRoutedWeight, .stepPodWeight, .stepCanaryScale, .stepHeaderRoute,
            .stepMirrorRoute,
            .stepCanaryDeployment:
            "step"
        case .weightSet, .weightCleared: "set-weight"
        case .matchRouted, .mirrorRouted: "route"
        case .smokeTestStarted, .smokeTestFinished: "smoke-test"
        case .previewReady: "preview"
        case .awaitingApproval: "approval"
        case .promotion: "promote"
        case .serviceSwitched, .serviceSwitchedBack: "switch"
        case .fullTraffic: "full-traffic"
        case .aborted: "abort"
        case .finished: "done"
        }
    }
}

/// How many of the production Service's ready endpoints are candidate pods.
public struct EndpointCount: Sendable, Equatable {
    /// Ready candidate endpoints.
    public var candidate: Int
    /// All ready endpoints.
    public var total: Int
}

/// Where a smoke test sends its requests.
public enum SmokeTestRoute: Sendable, Equatable {
    /// The preview Service of a blue-green release.
    case previewService
    /// The gateway, with the routing header named here.
    case gatewayHeader(String)
}

/// How a release is set up when it starts.
public enum ReleaseSetup: Sendable, Equatable {
    /// An L7 canary: `stablePods` stable pods, weight 0 out of `weightScale`.
    case routedCanary(router: L7Router, stablePods: Int, weightScale: Int)
    /// A second Deployment behind the Service that selects `stablePods` stable pods.
    case secondDeployment(stablePods: Int)
    /// An Argo Rollout's basic canary with its update budget.
    case basicCanary(stablePods: Int, maxSurge: IntOrPercent, maxUnavailable: IntOrPercent)
    /// A gateway routing `header` to a canary copy beside `stablePods` production pods.
    case gatewayCopy(header: String, stablePods: Int)
    /// Blue-green: `activePods` active, a preview of `previewPods`.
    case blueGreen(activePods: Int, previewPods: Int)
    /// A rolling update of `pods` with the resolved budget.
    case rollingUpdate(pods: Int, maxSurge: Int, maxUnavailable: Int)
}

/// A stage of promotion.
public enum PromotionStage: Sendable, Equatable {
    /// Every step is done; the canary grows to `replicas` before taking all traffic.
    case canaryScaledToFull(replicas: Int)
    /// Every step is done; the new Deployment grows to `replicas`.
    case newDeploymentScaled(replicas: Int)
    /// The old Deployment is deleted.
    case oldDeploymentDeleted
    /// Every step is done; the weight goes to 100.
    case fullWeight
    /// The stable Deployment's image is updated; the canary copy goes.
    case imageUpdated
    /// The preview grows to full size before the switch.
    case previewScaledToFull
    /// Flagger copied the canary's spec to the primary: the primary rolls to the new version
    /// while the analysis weights stay.
    case specCopiedToPrimary
    /// The primary's rollout is done: all traffic goes back to the primary, which runs the new
    /// version, and the canary's weight is 0.
    case trafficBackToPrimary
}

/// Why a release stopped and what the strategy does about it.
public struct AbortReason: Sendable, Equatable {
    /// What caught the candidate.
    public var cause: AbortCause
    /// What the strategy does to get production back on stable.
    public var response: AbortResponse

    /// Creates a reason.
    public init(_ cause: AbortCause, _ response: AbortResponse) {
        self.cause = cause
        self.response = response
    }
}

/// What stopped a release.
public enum AbortCause: Sendable, Equatable {
    /// An analysis run ended Failed or Error.
    case analysis(AnalysisPurpose, AnalysisRun.Phase)
    /// The smoke test failed.
    case smokeTestFailed
    /// Flagger counted this many failed checks, its `threshold`.
    case failedChecks(Int)
}

/// What a strategy does when its release is stopped.
public enum AbortResponse: Sendable, Equatable {
    /// The L7 weight goes to 0 at once; the canary is scaled down after the delay.
    case weightToZero(scaleDownDelay: SimDuration)
    /// Stopped after promotion: stable comes back, then the weight goes to 0.
    case rollBackToStable
    /// Flagger's rollback: the weight and the canary go to 0 on the same tick.
    case weightAndCanaryToZero
    /// Stopped with `dynamicStableScale`: stable is scaled back up first, then the weight goes to 0.
    case restoreStableThenWeightToZero
    /// The canary Deployment is deleted.
    case deleteCanaryDeployment
    /// Stopped after promotion: the Deployment rolls back.
    case rollDeploymentBack
    /// The weight goes to 0 and the controller drains the canary.
    case drainThroughController
    /// Stopped after promotion: the Rollout goes back to the previous ReplicaSet.
    case rollBackToPreviousReplicaSet
    /// The canary copy is scaled to 0; production never saw it.
    case scaleCopyDownUntouched
    /// The canary copy is scaled to 0.
    case scaleCopyDown
    /// Stopped during or after promotion: `rollout undo`.
    case undoDuringOrAfterPromotion
    /// The preview is scaled down and blue stays active.
    case scalePreviewDownBlueStays
    /// The preview is scaled down.
    case scalePreviewDown
    /// Stopped after the switch: the active Service goes back.
    case switchBack
    /// `rollout undo`.
    case undo
}
