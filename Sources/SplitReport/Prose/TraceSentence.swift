import SplitRouter
import SplitSim

/// The sentence `splitsim trace` writes for each kind of trace event.
enum TraceSentence {
    /// What happened, in plain language.
    static func text(_ detail: TraceDetail) -> String {
        switch detail {
        case .started(let setup):
            return started(setup)
        case .scaled(let replicaSet, let from, let to):
            return "\(replicaSet) scaled \(from) → \(to)"
        case .podReady(let version, let pod, let ready, let spec, let endpoints):
            return "\(version) pod \(pod) ready (\(ready)/\(spec))" + (endpoints.map(endpointSummary) ?? "")
        case .podGone(let version, let pod):
            return "\(version) pod \(pod) gone; its connections reconnect"
        case .rateChanged(let rps):
            return "traffic changes to \(Format.plain(rps)) requests/s"
        case .analysisStarted(let interval, let maxErrorRate):
            return "analysis starts: every \(interval), fail above \(percent(maxErrorRate)) errors"
        case .analysisMeasured(let measurement):
            return "analysis: " + verdict(measurement.verdict, measurement: measurement)
        case .analysisEnded(let afterPromotion):
            return "analysis ends: \(afterPromotion) after promotion without failure"
        case .stepPause(let step, let duration):
            return "step \(step + 1): pause \(duration)"
        case .stepAnalysis(let step, let count, let interval):
            return "step \(step + 1): analysis, \(count) measurements every \(interval)"
        case .stepAnalysisSkipped(let step):
            return "step \(step + 1): analysis skipped, the strategy has no analysis"
        case .stepAnalysisMeasured(let step, let result):
            return "step \(step + 1) analysis: " + verdict(result, measurement: nil)
        case .stepRoutedWeight(let step, let weight, let scale, let canaryPods):
            return "step \(step + 1): setWeight \(weight) of \(scale); canary sized to \(canaryPods)"
        case .stepPodWeight(let step, let weight, let canaryPods, let stablePods, let share):
            return
                "step \(step + 1): setWeight \(weight) → \(canaryPods) canary beside \(stablePods) stable (\(percent(share)))"
        case .stepCanaryDeployment(let step, let canaryPods, let stablePods, let share):
            return
                "step \(step + 1): canary Deployment to \(canaryPods) pods beside \(stablePods) → \(percent(share)) of new connections"
        case .weightSet(let weight, let scale, let share):
            return "weight \(weight) of \(scale) → \(percent(share)) of requests to the canary"
        case .weightCleared:
            return "weight 0: all requests back to stable"
        case .smokeTestStarted(let requests, let rps, let route):
            return "smoke test starts: \(requests) requests through \(routeName(route)) at \(Format.plain(rps))/s"
        case .smokeTestFinished(let failed, let requests, let passed):
            let rate = requests > 0 ? Double(failed) / Double(requests) : 0
            return "smoke test: \(failed) of \(requests) failed (\(percent(rate))) → \(passed ? "passed" : "failed")"
        case .previewReady:
            return "preview ready"
        case .awaitingApproval(let delay):
            return "waiting \(delay) for the manual trigger"
        case .promotion(let stage):
            return promotion(stage)
        case .serviceSwitched(let active, let previous, let delay):
            return "active Service switched to \(active); \(previous) kept for \(delay)"
        case .serviceSwitchedBack(let active):
            return "active Service switched back to \(active)"
        case .fullTraffic:
            return "candidate takes 100 % of traffic"
        case .aborted(let reason):
            return abort(reason)
        case .finished(let aborted):
            return aborted
                ? "release stopped: production is back on stable and the candidate is scaled away"
                : "release complete: the candidate serves all traffic"
        }
    }

    private static func percent(_ share: Double) -> String {
        Format.percent(share, style: .sentence)
    }

    private static func started(_ setup: ReleaseSetup) -> String {
        switch setup {
        case .routedCanary(let router, let stablePods, let weightScale):
            return "\(router.rawValue) canary: stable \(stablePods) pods, weight 0 of \(weightScale)"
        case .secondDeployment(let stablePods):
            return "Service selects app and app-canary pods: stable \(stablePods) pods"
        case .basicCanary(let stablePods, let maxSurge, let maxUnavailable):
            return "Rollout with \(stablePods) stable pods; maxSurge \(maxSurge), maxUnavailable \(maxUnavailable)"
        case .gatewayCopy(let header, let stablePods):
            return "gateway routes \(header) to app-canary; production Service has \(stablePods) stable pods"
        case .blueGreen(let activePods, let previewPods):
            return "active Service selects blue (\(activePods) pods); preview green scaled to \(previewPods)"
        case .rollingUpdate(let pods, let maxSurge, let maxUnavailable):
            return "rolling update of \(pods) pods: maxSurge \(maxSurge), maxUnavailable \(maxUnavailable)"
        }
    }

    /// `; candidate endpoints 1 of 11 → new connections 9.1 %` when the Service routes.
    private static func endpointSummary(_ endpoints: EndpointCount) -> String {
        guard endpoints.total > 0 else { return "; no ready endpoints" }
        let share = Double(endpoints.candidate) / Double(endpoints.total)
        return "; candidate endpoints \(endpoints.candidate) of \(endpoints.total) → new connections \(percent(share))"
    }

    private static func verdict(_ verdict: AnalysisMonitor.Verdict, measurement: AnalysisMeasurement?) -> String {
        switch verdict {
        case .passed(let errorRate, let requests):
            return "\(percent(errorRate)) errors over \(requests) candidate requests → passed"
        case .failed(let errorRate, let requests):
            let limit = measurement.map { " (\($0.failures) of limit \($0.failureLimit))" } ?? ""
            return "\(percent(errorRate)) errors over \(requests) candidate requests → failed" + limit
        case .inconclusive(let requests):
            let minimum = measurement.map { ", fewer than \($0.minRequests)" } ?? ""
            return "\(requests) candidate requests\(minimum) → inconclusive"
        }
    }

    private static func routeName(_ route: SmokeTestRoute) -> String {
        switch route {
        case .previewService: "the preview Service"
        case .gatewayHeader(let header): "the gateway with \(header)"
        }
    }

    private static func promotion(_ stage: PromotionStage) -> String {
        switch stage {
        case .canaryScaledToFull(let replicas): "all steps done: canary scaled to \(replicas) before taking all traffic"
        case .newDeploymentScaled(let replicas): "all steps done: new Deployment scaled to \(replicas)"
        case .oldDeploymentDeleted: "old Deployment deleted"
        case .fullWeight: "all steps done: weight 100"
        case .imageUpdated: "stable Deployment's image updated: rolling update, app-canary scaled to 0"
        case .previewScaledToFull: "preview scaled to full size before the switch"
        }
    }

    private static func abort(_ reason: AbortReason) -> String {
        let cause =
            switch reason.cause {
            case .analysisFailed: "analysis failed"
            case .analysisStepFailed: "analysis step failed"
            case .smokeTestFailed: "smoke test failed"
            }
        switch reason.response {
        case .weightToZero(let delay): return "\(cause): weight 0 at once, canary scaled down in \(delay)"
        case .rollBackToStable: return "\(cause) after promotion: rolling back to stable"
        case .deleteCanaryDeployment: return "\(cause): canary Deployment deleted"
        case .rollDeploymentBack: return "\(cause) after promotion: rolling the Deployment back"
        case .drainThroughController: return "\(cause): weight 0, the canary drains through the controller"
        case .rollBackToPreviousReplicaSet: return "\(cause) after promotion: rolling back to the previous ReplicaSet"
        case .scaleCopyDownUntouched: return "\(cause): app-canary scaled to 0, production untouched"
        case .scaleCopyDown: return "\(cause): app-canary scaled to 0"
        case .undoDuringOrAfterPromotion: return "\(cause) during or after promotion: rollout undo"
        case .scalePreviewDownBlueStays: return "\(cause): preview scaled down, blue stays active"
        case .scalePreviewDown: return "\(cause): preview scaled down"
        case .switchBack: return "\(cause) after the switch: rolling back"
        case .undo: return "\(cause): rollout undo"
        }
    }
}
