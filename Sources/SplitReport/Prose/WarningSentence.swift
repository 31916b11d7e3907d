import SplitRouter
import SplitSim

/// The sentence the reports write for each strategy warning.
enum WarningSentence {
    /// The warning in plain language.
    static func text(_ warning: StrategyWarning) -> String {
        let percent = { (share: Double) in Format.percent(share, style: .sentence) }
        switch warning {
        case .weightRounded(let step, let requested, let effective, let router, let smallestShare):
            return
                "weight step \(step + 1) asks \(percent(requested)); \(router.rawValue) can only set multiples of \(percent(smallestShare)), so it gets \(percent(effective))"
        case .podSplitRounded(let step, let requested, let effective, let replicas):
            return
                "weight step \(step + 1) asks \(percent(requested)); with \(Format.count(replicas, "replica")) the closest pod split gives \(percent(effective))"
        case .podRatioRounded(let step, let requested, let effective, let stablePods):
            return
                "step \(step + 1) asks \(percent(requested)); beside \(Format.count(stablePods, "stable pod")) only ratios such as \(percent(effective)) are possible"
        case .canaryOverloaded(let step, let offeredRps, let canaryPods, let capacityRps):
            return
                "weight step \(step + 1) sends up to \(Int(offeredRps.rounded())) requests/s to \(Format.count(canaryPods, "canary pod")) that serve \(Int(capacityRps.rounded())): the canary overloads"
        case .rulesNeedIngressNginx(let router):
            return
                "header and cookie keys are ingress-nginx canary annotations; with \(router.rawValue) they do nothing and requests are split by weight (a header route is a setHeaderRoute step)"
        case .stepIgnoredByRouter(let step, let key, let router):
            return
                "step \(step + 1) (\(key)) does nothing with \(router.rawValue): Argo Rollouts' \(router.rawValue) router ignores it"
        case .metricWindowTooShort(let window, let scrapeInterval):
            return
                "the metric window (\(window)) is no longer than the scrape interval (\(scrapeInterval)): it never holds two samples, so no measurement has data"
        case .noAnalysis:
            return "no analysis measures this strategy: nothing in production can stop a faulty candidate"
        case .faultEscaped(let runShare):
            return "the faulty candidate reached 100 % of traffic in \(percent(runShare)) of runs"
        case .runsIncomplete(let runShare):
            return "\(percent(runShare)) of runs did not finish within the scenario's duration"
        case .runsPaused(let runShare):
            return
                "\(percent(runShare)) of runs paused on an inconclusive analysis and wait for a person to promote or abort"
        case .promotedUnmeasured(let runShare):
            return
                "\(percent(runShare)) of runs promoted the candidate although no analysis measurement had data: nothing was measured"
        case .shareNotRealized(let step, let effective, let realized):
            return
                "\(step) can set \(percent(effective)) but the traffic realised only \(percent(realized)) on average: callers that keep their connections reach new pods only when they reconnect (splitsim explain callers)"
        case .abortedWithoutData(let runShare, let minRequests):
            return
                "\(percent(runShare)) of healthy runs were stopped because the analysis had no data (fewer than \(minRequests) requests in its window) too many times in a row: it never judged the candidate; delay its first measurement until the canary takes traffic (initialDelay) or lower minRequests"
        }
    }
}
