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
        case .analysisStarted(let purpose, let interval, let count, let initialDelay):
            let first = initialDelay > .zero ? "first measurement in \(initialDelay)" : "first measurement now"
            let noun = count == 1 ? "measurement" : "measurements"
            let measurements = count > 0 ? "\(count) \(noun)" : "until terminated"
            return "\(name(purpose)) starts: \(first), then every \(interval), \(measurements)"
        case .analysisMeasured(let purpose, let measurement):
            return "\(name(purpose)): " + verdict(measurement)
        case .analysisEnded(let purpose, let phase):
            return "\(name(purpose)) \(ended(phase))"
        case .analysisTerminated:
            return "background analysis terminated: the rollout is fully promoted and nothing watches it any more"
        case .paused(let purpose):
            return "rollout paused: the \(name(purpose)) was inconclusive; it waits for a person"
        case .stepPause(let step, let duration):
            return "step \(step + 1): pause \(duration)"
        case .stepAnalysisSkipped(let step):
            return "step \(step + 1): analysis skipped, the strategy has no analysis"
        case .stepRoutedWeight(let step, let weight, let scale, let canaryPods):
            return "step \(step + 1): setWeight \(weight) of \(scale); canary sized to \(canaryPods)"
        case .stepPodWeight(let step, let weight, let canaryPods, let stablePods, let share):
            return
                "step \(step + 1): setWeight \(weight) → \(canaryPods) canary beside \(stablePods) stable (\(percent(share)))"
        case .stepCanaryDeployment(let step, let canaryPods, let stablePods, let share):
            return
                "step \(step + 1): canary Deployment to \(canaryPods) pods beside \(stablePods) → \(percent(share)) of new connections"
        case .stepCanaryScale(let step, let canaryPods):
            return "step \(step + 1): setCanaryScale → canary sized to \(canaryPods) whatever its weight"
        case .stepHeaderRoute(let step, let header, let ignoredBy):
            if let ignoredBy {
                return "step \(step + 1): setHeaderRoute ignored: \(ignoredBy.rawValue) has no header routes"
            }
            return "step \(step + 1): "
                + (header.map { "header route: requests with \($0) go to the canary whatever the weight" }
                    ?? "header route removed")
        case .stepMirrorRoute(let step, let percentage, let ignoredBy):
            if let ignoredBy {
                return "step \(step + 1): setMirrorRoute ignored: \(ignoredBy.rawValue) has no mirror routes"
            }
            return "step \(step + 1): "
                + (percentage > 0
                    ? "mirror route: \(percentage) % of requests also copied to the canary, responses dropped"
                    : "mirror route removed")
        case .weightSet(let weight, let scale, let share):
            return "weight \(weight) of \(scale) → \(percent(share)) of requests to the canary"
        case .weightCleared:
            return "weight 0: all requests back to stable"
        case .matchRouted(let header, let cookie):
            return
                "A/B route: \(matchDescription(header: header, cookie: cookie)) go to the canary, all others to the primary"
        case .mirrorRouted(let percentage):
            return percentage > 0
                ? "mirror: \(percentage) % of requests also copied to the canary, its responses dropped"
                : "mirror off"
        case .metricChecked(let reading, let minRequests, let maxErrorRate, let passed, let failed, let threshold):
            let verdict = checkVerdict(reading, minRequests: minRequests, maxErrorRate: maxErrorRate, passed: passed)
            return "check: \(verdict); failed checks \(failed), threshold \(threshold)"
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
            // Open connections to old pods may still carry requests: say what changed, not a share.
            return "promoted: every new request and connection goes to the candidate"
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

    private static func name(_ purpose: AnalysisPurpose) -> String {
        switch purpose {
        case .background: "background analysis"
        case .step(let step): "step \(step + 1) analysis"
        case .prePromotion: "pre-promotion analysis"
        case .postPromotion: "post-promotion analysis"
        case .watchdog: "external watchdog"
        }
    }

    private static func ended(_ phase: AnalysisRun.Phase) -> String {
        switch phase {
        case .successful, .running: "completed: successful"
        case .failed: "completed: failed"
        case .error: "completed: error (too many measurements without data in a row)"
        case .inconclusive: "completed: inconclusive"
        }
    }

    private static func verdict(_ measurement: AnalysisMeasurement) -> String {
        let read: String
        if let reading = measurement.reading, measurement.hasData {
            read =
                "\(percent(reading.errorRate)) errors over \(Format.number(reading.requests.rounded())) requests in the metric window"
        } else if let reading = measurement.reading {
            read =
                "\(Format.number(reading.requests.rounded())) requests in the metric window, fewer than \(measurement.minRequests): no data"
        } else {
            read = "no data in the metric window (fewer than two scrapes)"
        }
        let tally: String
        switch measurement.phase {
        case .successful:
            tally = ""
        case .failed:
            tally = " (\(measurement.failed) failed, limit \(measurement.failureLimit))"
        case .inconclusive:
            tally = " (\(measurement.inconclusive) inconclusive, limit \(measurement.inconclusiveLimit))"
        case .error:
            tally = " (\(measurement.consecutiveErrors) in a row, limit \(measurement.consecutiveErrorLimit))"
        }
        return "\(read) → \(measurement.phase.rawValue)" + tally
    }

    /// `requests with x-canary: insider`, or `users whose cookie canary is always`.
    private static func matchDescription(header: HeaderMatch?, cookie: String?) -> String {
        if let header {
            if let value = header.value { return "requests with \(header.name): \(value)" }
            return "requests whose \(header.name) matches \(header.pattern ?? "")"
        }
        return "users whose cookie \(cookie ?? "") is always"
    }

    /// `0.5 % errors over 600 requests in the metric window → passed`.
    private static func checkVerdict(_ reading: MetricReading?, minRequests: Int, maxErrorRate: Double, passed: Bool)
        -> String
    {
        guard let reading else { return "no values found in the metric window → failed" }
        guard reading.requests > 0 else { return "no requests in the metric window → failed: no values found" }
        let read =
            "\(percent(reading.errorRate)) errors over \(Format.number(reading.requests.rounded())) requests in the metric window"
        if passed { return read + " → passed" }
        if reading.requests < Double(minRequests) { return read + " → failed: fewer than \(minRequests) requests" }
        return read + " → failed: above \(percent(maxErrorRate))"
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
        case .specCopiedToPrimary:
            "canary spec copied to the primary: the primary rolls to the new version, the weights stay"
        case .trafficBackToPrimary:
            "primary rolled out: all traffic back to the primary, which runs the new version; canary weight 0"
        }
    }

    private static func abort(_ reason: AbortReason) -> String {
        let cause =
            switch reason.cause {
            case .analysis(let purpose, let phase): "\(name(purpose)) \(phase == .error ? "erred" : "failed")"
            case .smokeTestFailed: "smoke test failed"
            case .failedChecks(let threshold): "\(threshold) failed checks"
            }
        switch reason.response {
        case .weightToZero(let delay): return "\(cause): weight 0 at once, canary scaled down in \(delay)"
        case .rollBackToStable: return "\(cause) after promotion: rolling back to stable"
        case .weightAndCanaryToZero: return "\(cause): weight 0 and the canary scaled to 0 at once"
        case .restoreStableThenWeightToZero:
            return "\(cause): stable scaled back up first, then weight 0 (dynamicStableScale)"
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
