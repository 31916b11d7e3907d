import SplitRouter
import SplitSim
import Testing

/// Argo Rollouts' canary steps beyond `setWeight` (DESIGN §1.5.1), from argoproj/argo-rollouts
/// at 9f8d111: utils/replicaset/canary.go (`GetCanaryReplicasOrWeight`: `setCanaryScale`
/// replicas are exact, a weight is `ceil(w·R/maxWeight)`, traffic weight untouched;
/// `CalculateReplicaCountsForTrafficRoutedCanary`: with `dynamicStableScale`, stable =
/// ceil(R·(maxWeight − w)/maxWeight)), rollout/trafficrouting/istio/istio.go (a header route
/// sends matching requests to the canary; a mirror route copies `percentage` % of requests to
/// it), and the nginx router and the Gateway API plugin, which ignore mirror routes.
@Suite struct ArgoStepTests {
    private static func scenario(
        _ strategy: String, candidate: String = #"{"errorRate": 0}"#, analysis: String = "null",
        extraTraffic: String = "", capacity: String = ""
    ) throws -> Scenario {
        try ScenarioFixture.make(
            strategy: strategy, replicas: 10, rps: 200, users: 5_000, callers: #"{"via": "proxy"}"#,
            duration: "20m", startup: "10s", shutdown: "10s", candidate: candidate, analysis: analysis,
            extraTraffic: extraTraffic, capacity: capacity)
    }

    @Test func dynamicStableScaleLowersPodSecondsAtTheSameSeed() throws {
        let steps = #""steps": [{"setWeight": 50}, {"pause": "5m"}, {"setWeight": 80}, {"pause": "5m"}]"#
        let lean = ScenarioFixture.run(
            try Self.scenario(
                #"{"name": "lean", "kind": "service-split", "router": "istio", "dynamicStableScale": true, \#(steps)}"#),
            tracing: true)
        let full = ScenarioFixture.run(
            try Self.scenario(#"{"name": "full", "kind": "service-split", "router": "istio", \#(steps)}"#))
        #expect(lean.outcome == .promoted && full.outcome == .promoted)
        #expect(lean.podSeconds < full.podSeconds)
        // At weight 50 stable goes to ceil(10·50/100) = 5, at 80 to 2.
        let details = (lean.trace ?? []).map(\.detail)
        #expect(details.contains(.scaled(replicaSet: "stable", from: 10, to: 5)))
        #expect(details.contains(.scaled(replicaSet: "stable", from: 5, to: 2)))
        // 5 stable pods for 5 minutes and 2 for 5 minutes save 5·300 + 8·300 pod-seconds, less
        // the start-up and shutdown edges.
        #expect(full.podSeconds - lean.podSeconds > 3_000)
    }

    @Test func aCanaryScaledToOnePodOverloadsAtWeightFiftyAndTheReportShowsIt() throws {
        let scenario = try Self.scenario(
            #"{"name": "small", "kind": "service-split", "router": "istio", "steps": [{"setCanaryScale": {"replicas": 1}}, {"setWeight": 50}, {"pause": "1h"}]}"#,
            capacity: #", "podCapacityRps": 40"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        // The canary stays at the one pod setCanaryScale asked for; the weight still moves.
        #expect(
            (result.trace ?? []).contains {
                $0.detail == .stepRoutedWeight(step: 1, weight: 50, scale: 100, canaryPods: 1)
            })
        // Within the run (the pause outlasts it), 100 requests/s go to a pod that serves 40:
        // most fail for capacity.
        #expect(result.capacityFailedRequests > 0.5 * result.candidateUserRequests)
        let comparison = Comparison.run(scenario)
        let strategy = comparison.strategies[0]
        #expect(strategy.availability.capacityFailedRequests?.min ?? 0 > 0)
        #expect(strategy.warnings.contains { $0.code == "canary-overloaded" })
    }

    @Test func aHeaderRouteSendsOnlyHeaderRequestsToTheCanaryAtWeightZero() throws {
        let scenario = try Self.scenario(
            #"{"name": "hdr", "kind": "service-split", "router": "istio", "steps": [{"setCanaryScale": {"replicas": 1}}, {"setHeaderRoute": {"name": "x-canary", "value": "true"}}, {"pause": "1h"}]}"#,
            extraTraffic: #", "headers": [{"name": "x-canary", "value": "true", "share": 0.05}]"#)
        let result = ScenarioFixture.run(scenario)
        let share = result.candidateUserRequests / result.requests
        // Before the pod is ready (10 s of 20 min) nothing reaches it.
        #expect(
            abs(share - 0.05 * (1 - 10.0 / 1_200)) < ScenarioFixture.binomialBound(share: 0.05, trials: result.requests)
        )
    }

    @Test func aMirrorRouteLoadsTheCanaryAndItsAnalysisWithoutExposingAnyUser() throws {
        let scenario = try Self.scenario(
            #"{"name": "mirror", "kind": "service-split", "router": "istio", "steps": [{"setCanaryScale": {"replicas": 2}}, {"setMirrorRoute": {"percentage": 20}}, {"pause": "10m"}, {"setWeight": 10}, {"pause": "5m"}]}"#,
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1}}"#,
            analysis: #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 20, "initialDelay": "1m"}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        // The analysis reads the canary pods' metrics, mirrored copies included: it fails at the
        // first measurement (60 s), long before the weight step, and no user saw the canary.
        #expect(result.outcome == .aborted)
        #expect(result.candidateUserRequests == 0)
        #expect(result.usersExposed == 0)
        let abort = try #require((result.trace ?? []).first { $0.kind == "abort" })
        #expect(abort.time == 60_000_000_000)
    }

    @Test(arguments: ["gateway-api", "ingress-nginx"])
    func aMirrorRouteDoesNothingWhereArgosRouterIgnoresIt(_ router: String) throws {
        let scenario = try Self.scenario(
            #"{"name": "mirror", "kind": "service-split", "router": "\#(router)", "steps": [{"setCanaryScale": {"replicas": 2}}, {"setMirrorRoute": {"percentage": 20}}, {"pause": "5m"}]}"#
        )
        let result = ScenarioFixture.run(scenario, tracing: true)
        #expect(
            (result.trace ?? []).contains {
                if case .stepMirrorRoute(1, 20, let ignoredBy) = $0.detail { return ignoredBy?.rawValue == router }
                return false
            })
        let comparison = Comparison.run(scenario)
        #expect(comparison.strategies[0].warnings.contains { $0.code == "step-ignored-by-router" })
    }

    @Test func argoStepKeysAreServiceSplitOnlyAndCheckedForShape() {
        let bad = [
            (#"{"setCanaryScale": {"replicas": 1, "weight": 5}}"#, "steps[0].setCanaryScale: expected exactly one of"),
            (
                #"{"setMirrorRoute": {"percentage": 120}}"#,
                "steps[0].setMirrorRoute.percentage: 120 is out of range; expected 0...100"
            ),
        ]
        for (step, message) in bad {
            #expect(throws: ScenarioError.self) {
                _ = try Self.scenario(#"{"name": "s", "kind": "service-split", "steps": [\#(step)]}"#)
            }
            do {
                _ = try Self.scenario(#"{"name": "s", "kind": "service-split", "steps": [\#(step)]}"#)
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
        #expect(throws: ScenarioError.self) {
            _ = try Self.scenario(
                #"{"name": "s", "kind": "replicaset-split", "steps": [{"setCanaryScale": {"replicas": 1}}]}"#)
        }
    }
}
