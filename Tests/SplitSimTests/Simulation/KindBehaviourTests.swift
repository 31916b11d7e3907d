import SplitRouter
import Testing

@testable import SplitSim

/// The kinds' own decisions that the acceptance tests do not reach: what each warns about, how
/// a weight becomes pods, a failing analysis step, and a preview smaller than the service.
@Suite struct KindBehaviourTests {
    static func comparison(_ strategy: String, replicas: Int = 4, capacity: String = "", fault: Bool = false) throws
        -> StrategyComparison
    {
        let candidate =
            fault ? #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1, "after": "0s"}}"# : #"{"errorRate": 0}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: replicas, rps: 50, users: 2_000, duration: "20m", startup: "10s",
            shutdown: "10s", candidate: candidate, capacity: capacity)
        return try #require(Comparison.run(scenario).strategies.first)
    }

    // Istio route weights are whole percentages (DESIGN §1.1): a spec built in code with a
    // finer total asks for 0.5 % and gets 1 %. Scenario files cannot say this (the decoder
    // refuses an istio weightTotal other than 100), but the library must still warn.
    @Test func aWeightTheRouterCannotSetIsWarned() throws {
        let spec = ServiceSplitSpec(router: .istio, weightTotal: 1000, steps: [.setWeight(5), .pause(.minutes(1))])
        let plan = spec.granularity(replicas: 4)
        let step = try #require(plan.steps.first)
        #expect(step.requested == 0.05)
        #expect(step.effective == 0.01)
        let scenario = try ScenarioFixture.make(strategy: #"{"name": "x", "kind": "rolling-update"}"#, replicas: 4)
        #expect(
            spec.warnings(in: scenario, plan: plan) == [
                .weightRounded(step: 0, requested: 0.05, effective: 0.01, router: .istio, smallestShare: 0.01)
            ])
    }

    @Test func headerRulesOnAnotherRouterAreWarnedAsWeightOnly() throws {
        let strategy = try Self.comparison(
            #"{"name": "gw", "kind": "service-split", "router": "gateway-api", "header": {"name": "x-canary"}, "steps": [{"setWeight": 10}, {"pause": "1m"}]}"#
        )
        #expect(strategy.warnings == [.rulesNeedIngressNginx(router: .gatewayAPI)])
    }

    // A fixed canary of one pod that serves 10 requests/s at weight 50 of 50 requests/s.
    @Test func aFixedCanaryTooSmallForItsWeightIsWarned() throws {
        let strategy = try Self.comparison(
            #"{"name": "l7", "kind": "service-split", "canaryReplicas": 1, "steps": [{"setWeight": 10}, {"pause": "1m"}, {"setWeight": 50}, {"pause": "1m"}]}"#,
            capacity: #", "podCapacityRps": 10"#)
        #expect(strategy.warnings == [.canaryOverloaded(step: 1, offeredRps: 25, canaryPods: 1, capacityRps: 10)])
    }

    // A deployment-split weight is the pod count closest to it beside the stable pods:
    // 30 % beside 4 is round(30·4/70) = 2 pods, a third of the endpoints.
    @Test func aDeploymentSplitWeightBecomesTheClosestPodRatio() throws {
        let strategy = try Self.comparison(
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setWeight": 30}, {"pause": "2m"}]}"#)
        let step = try #require(strategy.granularity.steps.first)
        #expect(step.label == "setWeight 30")
        #expect(step.requested == 0.3)
        #expect(step.effective == 2.0 / 6.0)
        #expect(
            strategy.warnings == [.podRatioRounded(step: 0, requested: 0.3, effective: 2.0 / 6.0, stablePods: 4)])
        #expect(DeploymentSplitSpec.canaryPods(forWeight: 0, replicas: 4) == 0)
        #expect(DeploymentSplitSpec.canaryPods(forWeight: 100, replicas: 4) == 4)
        #expect(DeploymentSplitSpec.canaryPods(forWeight: 1, replicas: 4) == 1)
    }

    // Argo Rollouts: an analysis step that fails aborts the rollout (rollout/analysis.go). No
    // background analysis runs (`background: false`), so only the step can catch the fault.
    @Test(arguments: ["service-split", "deployment-split", "replicaset-split"])
    func aFailingAnalysisStepAbortsTheRelease(_ kind: String) throws {
        let weight = kind == "deployment-split" ? #"{"setReplicas": 1}"# : #"{"setWeight": 25}"#
        let strategy =
            #"{"name": "s", "kind": "\#(kind)", "analysis": {"interval": "1m", "maxErrorRate": 0.05, "minRequests": 5, "background": false}, "steps": [\#(weight), {"analysis": {"count": 3}}, {"pause": "5m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 4, rps: 50, users: 2_000, duration: "20m", startup: "10s",
            shutdown: "10s", candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1, "after": "0s"}}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        #expect(result.outcome == .aborted)
        let trace = result.trace ?? []
        let abort = try #require(trace.first { $0.kind == "abort" })
        #expect(abort.detail == .aborted(AbortReason(.analysis(.step(1), .failed), abort.abortResponse)))
        // Argo measures as the run starts (10 s, the canary ready): the metric window holds one
        // scrape, so that measurement is an Error, retried 10 s later (no data again); at 30 s
        // the window holds the scrapes at 0 and 30 s, sees the fault and fails.
        let step = try #require(
            trace.first { if case .analysisStarted(.step(1), _, _, _) = $0.detail { true } else { false } })
        #expect(step.time == 10_000_000_000)
        let phases = trace.compactMap { event -> AnalysisRun.MeasurementPhase? in
            if case .analysisMeasured(.step(1), let measurement) = event.detail { return measurement.phase }
            return nil
        }
        #expect(phases == [.error, .error, .failed])
        #expect(abort.time == 30_000_000_000)
        #expect(result.detectionSeconds != nil)
        #expect(trace.contains { $0.detail == .finished(aborted: true) })
    }

    // Argo Rollouts' blue-green scales a smaller preview to full size before the switch.
    @Test func aSmallPreviewGrowsToFullSizeBeforeTheSwitch() throws {
        let scenario = try ScenarioFixture.make(
            strategy: #"{"name": "bg", "kind": "blue-green", "previewReplicas": 1}"#, replicas: 4, rps: 20,
            users: 500, duration: "10m", startup: "10s", shutdown: "10s")
        let result = ScenarioFixture.run(scenario, tracing: true)
        let details = (result.trace ?? []).map(\.detail)
        let grow = try #require(details.firstIndex(of: .promotion(.previewScaledToFull)))
        let switched = try #require(
            details.firstIndex(of: .serviceSwitched(active: "green", previous: "blue", scaleDownDelay: .seconds(30))))
        #expect(grow < switched)
        #expect(details.contains(.scaled(replicaSet: "green", from: 1, to: 4)))
        #expect(result.outcome == .promoted)
        // Preview ready at 10 s, full size at 20 s, blue gone 30 s + 10 s later.
        #expect(result.durationSeconds == 60)
    }

    // ingress-nginx (balancer.lua): a header rule without a value routes `always` to the
    // canary and `never` to stable; with a pattern, a matching value routes to the canary.
    // At a weight of 1 in a million, the canary's share is the share of routed requests.
    @Test(arguments: [
        (#"{"name": "x-canary"}"#, "always", 0.2),
        (#"{"name": "x-canary"}"#, "never", 0.0),
        (#"{"name": "x-canary", "pattern": "^ins"}"#, "insider", 0.2),
        (#"{"name": "x-canary", "pattern": "^ins"}"#, "outsider", 0.0),
    ])
    func headerRulesRouteByValue(rule: String, value: String, share: Double) throws {
        let strategy =
            #"{"name": "l7", "kind": "service-split", "weightTotal": 1000000, "header": \#(rule), "steps": [{"setWeight": 1}, {"pause": "10m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 4, rps: 50, users: 2_000, duration: "20m", startup: "10s",
            shutdown: "10s",
            extraTraffic: #", "headers": [{"name": "x-canary", "value": "\#(value)", "share": 0.2}]"#)
        let result = ScenarioFixture.run(scenario)
        let realized = try #require(result.realizedShares.first ?? nil)
        // About 30,000 requests in the 10-minute step.
        #expect(abs(realized - share) <= ScenarioFixture.binomialBound(share: 0.2, trials: 30_000))
    }

    @Test func warningCodesAreDistinctAndStable() {
        let warnings: [StrategyWarning] = [
            .weightRounded(step: 0, requested: 0.05, effective: 0.01, router: .istio, smallestShare: 0.01),
            .podSplitRounded(step: 0, requested: 0.05, effective: 0.2, replicas: 4),
            .podRatioRounded(step: 0, requested: 0.3, effective: 0.33, stablePods: 4),
            .canaryOverloaded(step: 1, offeredRps: 25, canaryPods: 1, capacityRps: 10),
            .rulesNeedIngressNginx(router: .istio), .noAnalysis, .faultEscaped(runShare: 0.5),
            .runsIncomplete(runShare: 0.1),
        ]
        #expect(
            warnings.map(\.code) == [
                "weight-rounded", "pod-split-rounded", "pod-ratio-rounded", "canary-overloaded",
                "rules-need-ingress-nginx", "no-analysis", "fault-escaped", "runs-incomplete",
            ])
    }

    // Scenario files cannot give an analysis step to a strategy without analysis (the decoder
    // refuses it), but a strategy built in code can: the step is skipped and says so.
    @Test func anAnalysisStepWithoutAnalysisIsSkipped() throws {
        let base = try ScenarioFixture.make(
            strategy: #"{"name": "x", "kind": "rolling-update"}"#, replicas: 4, rps: 20, users: 500,
            duration: "10m", startup: "10s", shutdown: "10s")
        let spec = ReplicaSetSplitSpec(steps: [.setWeight(25), .analysis(count: 2), .pause(.minutes(1))])
        let strategy = StrategySpec(name: "code", kind: .replicaSetSplit(spec))
        let result = Simulation.run(
            strategy, of: base, run: 0, traffic: Simulation.trafficModel(for: base), tracing: true)
        let details = (result.trace ?? []).map(\.detail)
        #expect(details.contains(.stepAnalysisSkipped(step: 1)))
        #expect(details.contains(.stepPause(step: 2, duration: .minutes(1))))
        #expect(result.outcome == .promoted)
    }

    // Argo Rollouts sizes a routed canary from the weight once: ceil(w·R/maxTrafficWeight)
    // (utils/replicaset/canary.go, trafficWeightToReplicas; DESIGN §1.5.1). 1 of 1000 on 200
    // replicas is 0.2 pods, so 1 pod; rounding to a whole percent first would give 2.
    @Test(arguments: [(1, 200, 1), (15, 50, 1), (101, 10, 2), (500, 10, 5), (999, 10, 10), (1000, 10, 10)])
    func aRoutedCanaryIsSizedFromTheWeightOnce(weight: Int, replicas: Int, pods: Int) {
        let spec = ServiceSplitSpec(router: .ingressNginx, weightTotal: 1000, steps: [.setWeight(weight)])
        #expect(spec.canaryPods(weight: weight, replicas: replicas) == pods)
        let fixed = ServiceSplitSpec(
            router: .ingressNginx, weightTotal: 1000, canaryReplicas: .fixed(2), steps: [.setWeight(weight)])
        #expect(fixed.canaryPods(weight: weight, replicas: replicas) == (weight == 1000 ? replicas : 2))
    }

    @Test func kindsCompareByTheirSettings() {
        let one = StrategyKind.rollingUpdate(RollingUpdateSpec())
        let same = StrategyKind(RollingUpdateSpec(maxSurge: .percent(25), maxUnavailable: .percent(25)))
        let other = StrategyKind.rollingUpdate(RollingUpdateSpec(maxSurge: .count(1)))
        #expect(one == same)
        #expect(one != other)
        #expect(Set([one, same, other]).count == 2)
        #expect(one.settings(as: BlueGreenSpec.self) == nil)
    }
}

extension TraceEvent {
    /// The response of an abort event, so a test can check its cause alone.
    fileprivate var abortResponse: AbortResponse {
        if case .aborted(let reason) = detail { reason.response } else { .undo }
    }
}
