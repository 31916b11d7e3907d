import Testing

@testable import SplitSim

/// The behaviours a user compares strategies for, at fixed seeds.
@Suite struct StrategyAcceptanceTests {
    @Test func anIngressWeightOfFivePercentRealisesFivePercent() throws {
        let strategy =
            #"{"name": "five", "kind": "service-split", "router": "ingress-nginx", "steps": [{"setWeight": 5}, {"pause": "20m"}]}"#
        let scenario = try ScenarioFixture.make(strategy: strategy, rps: 200, requestsPerConnection: 50)
        let comparison = Comparison.run(scenario)
        let step = try #require(comparison.strategies[0].granularity.steps.first)
        #expect(step.requested == 0.05)
        #expect(step.effective == 0.05)
        let realized = try #require(step.realized?.mean)
        #expect(abs(realized - 0.05) < ScenarioFixture.binomialBound(share: 0.05, trials: 200.0 * 20 * 60))
        #expect(comparison.strategies[0].granularity.minCandidateShare == 0.01)
    }

    @Test func oneCanaryPodBesideFourCanOnlyGiveTwentyPercent() throws {
        let strategy = #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "20m"}]}"#
        let scenario = try ScenarioFixture.make(strategy: strategy, replicas: 4, rps: 100)
        let comparison = Comparison.run(scenario)
        #expect(comparison.strategies[0].granularity.minCandidateShare == 0.2)
        let step = try #require(comparison.strategies[0].granularity.steps.first)
        #expect(step.effective == 0.2)
        let realized = try #require(step.realized?.mean)
        #expect(abs(realized - 0.2) < ScenarioFixture.binomialBound(share: 0.2, trials: 100.0 * 20 * 60))
    }

    @Test func argoBasicCanaryCannotAskForLessThanOnePod() throws {
        let strategy =
            #"{"name": "argo", "kind": "replicaset-split", "maxSurge": 1, "maxUnavailable": 0, "steps": [{"setWeight": 5}, {"pause": "10m"}]}"#
        let scenario = try ScenarioFixture.make(strategy: strategy, replicas: 4)
        let comparison = Comparison.run(scenario)
        let step = try #require(comparison.strategies[0].granularity.steps.first)
        #expect(step.requested == 0.05)
        #expect(step.effective == 0.2)
        #expect(
            comparison.strategies[0].warnings.contains(
                .podSplitRounded(step: 0, requested: 0.05, effective: 0.2, replicas: 4)))
    }

    @Test(arguments: [
        #"{"name": "argo", "kind": "replicaset-split", "maxSurge": "25%", "maxUnavailable": 0, "steps": [{"setWeight": 10}, {"pause": "10m"}, {"setWeight": 30}, {"pause": "10m"}]}"#,
        #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "10m"}, {"setReplicas": 4}, {"pause": "10m"}]}"#,
        #"{"name": "l7", "kind": "service-split", "steps": [{"setWeight": 10}, {"pause": "10m"}, {"setWeight": 30}, {"pause": "10m"}]}"#,
    ])
    func pausesHoldTheReleaseWhilePodsComeAndGo(strategy: String) throws {
        let scenario = try ScenarioFixture.make(strategy: strategy, duration: "1h", startup: "20s", shutdown: "20s")
        let result = ScenarioFixture.run(scenario)
        #expect(result.outcome == .promoted)
        // Two 10-minute pauses plus a few pod start-ups, never less.
        #expect(result.durationSeconds >= 1200 && result.durationSeconds < 1400)
    }

    // MARK: gateway-route

    static func gateway(coverage: Double, approvalDelay: String = "0s") -> String {
        #"{"name": "gateway", "kind": "gateway-route", "header": {"name": "x-canary", "value": "true"}, "approvalDelay": "\#(approvalDelay)", "smokeTest": {"requests": 200, "rps": 10, "maxErrorRate": 0.01, "coverage": \#(coverage)}}"#
    }

    @Test func noUserRequestReachesTheGatewayCopyBeforePromotion() throws {
        // The approval never comes within the scenario, so everything seen is pre-promotion.
        let scenario = try ScenarioFixture.make(
            strategy: Self.gateway(coverage: 1, approvalDelay: "2h"), rps: 200, runs: 5,
            extraTraffic: #", "headers": [{"name": "x-canary", "value": "true", "share": 0.05}]"#)
        let comparison = Comparison.run(scenario)
        let exposure = comparison.strategies[0].exposure
        #expect(exposure.candidateUserRequests?.max == 0)
        #expect(exposure.usersExposed?.max == 0)
        #expect(exposure.smokeRequests?.min == 200)
        #expect(comparison.strategies[0].outcome.incomplete == 1)
    }

    @Test func aSmokeTestThatCannotSeeTheFaultLetsItEscapeToEveryUser() throws {
        let scenario = try ScenarioFixture.make(
            strategy: Self.gateway(coverage: 0), users: 2_000, runs: 5,
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.3, "users": 1}}"#)
        let comparison = Comparison.run(scenario)
        let strategy = comparison.strategies[0]
        #expect(strategy.exposure.escaped == 1)
        #expect(strategy.outcome.promoted == 1)
        // 100 requests/s for ~29 minutes over 2,000 users: every user is reached.
        #expect(strategy.exposure.usersExposed?.min == 2_000)
        #expect(strategy.exposure.detectionSeconds == nil)
    }

    @Test func aSmokeTestThatCoversTheFaultCatchesItWithNoUserExposed() throws {
        let scenario = try ScenarioFixture.make(
            strategy: Self.gateway(coverage: 1), runs: 5,
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 0.3}}"#,
            analysis: #"{"interval": "1m", "maxErrorRate": 0.01}"#)
        let comparison = Comparison.run(scenario)
        let strategy = comparison.strategies[0]
        #expect(strategy.outcome.aborted == 1)
        #expect(strategy.exposure.escaped == 0)
        #expect(strategy.exposure.candidateUserRequests?.max == 0)
        #expect(strategy.exposure.usersExposed?.max == 0)
        // Caught before any user met the fault: detection counts from the first faulty user
        // request, so it took 0 s, and nothing had to be rolled back.
        #expect(strategy.exposure.detectionSeconds?.max == 0)
        #expect(strategy.exposure.rollbackSeconds?.max == 0)
        #expect(strategy.decision.detectionPower == 1)
    }

    // MARK: cost

    @Test func blueGreenPeaksAtTwiceTheReplicas() throws {
        let strategy = #"{"name": "bg", "kind": "blue-green", "autoPromotion": "5m", "scaleDownDelay": "2m"}"#
        let scenario = try ScenarioFixture.make(strategy: strategy, replicas: 7)
        let result = ScenarioFixture.run(scenario)
        #expect(result.peakPods == 14)
        #expect(result.outcome == .promoted)
        // Both sets from the preview's creation until blue is scaled down: 30 s start-up,
        // 5 minutes preview, 2 minutes delay, then 30 s of shutdown for blue's pods.
        #expect(abs(result.extraPodSeconds - 7 * (30 + 300 + 120 + 30)) < 1e-6)
    }

    // MARK: detection

    @Test func aFaultOnEveryUserIsCaughtWithinTwoIntervalsAndExposureIsBounded() throws {
        let strategy =
            #"{"name": "ten", "kind": "service-split", "router": "ingress-nginx", "canaryReplicas": 1, "steps": [{"setWeight": 10}, {"pause": "20m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, rps: 100, runs: 10,
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 1, "users": 1}}"#,
            // The first measurement waits for the canary pod (30 s) and a metric window.
            analysis: #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 10, "initialDelay": "1m"}"#)
        for run in 0..<scenario.runs {
            let result = ScenarioFixture.run(scenario, run: run)
            let detection = try #require(result.detectionSeconds)
            #expect(detection <= 120)
            #expect(result.rollbackSeconds == 0)
            // The candidate sees rate × share requests per second until detection; allow four
            // standard deviations of the Poisson count on top.
            let expected = 100 * 0.1 * detection
            #expect(result.candidateUserRequests <= expected + 4 * expected.squareRoot() + 1)
            #expect(result.failedUserRequests == result.candidateUserRequests)
            #expect(result.outcome == .aborted)
        }
    }

    @Test func withoutAnalysisAFaultyRollingUpdateReachesEveryone() throws {
        let strategy = #"{"name": "roll", "kind": "rolling-update"}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, users: 500,
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.2}}"#)
        let result = ScenarioFixture.run(scenario)
        #expect(result.escaped)
        #expect(result.usersExposed == 500)
        #expect(result.detectionSeconds == nil)
    }

    @Test func aFailedAnalysisStepCountsAsDetection() throws {
        let strategy =
            #"{"name": "step", "kind": "deployment-split", "analysis": {"interval": "1m", "maxErrorRate": 0.05, "initialDelay": "1m"}, "steps": [{"setReplicas": 2}, {"analysis": {"count": 3}}, {"setReplicas": 5}, {"pause": "5m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5}}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        #expect(result.outcome == .aborted)
        let detection = try #require(result.detectionSeconds)
        #expect(detection > 0 && detection <= 60)
        #expect(result.rollbackSeconds != nil)
    }

    @Test func aPreviewLargerThanTheServiceShrinksOnceActive() throws {
        let strategy = #"{"name": "bg", "kind": "blue-green", "previewReplicas": 6}"#
        let scenario = try ScenarioFixture.make(strategy: strategy, replicas: 4)
        let trace = ScenarioFixture.run(scenario, tracing: true).trace ?? []
        let last = try #require(trace.last)
        #expect(last.replicaSets.map(\.name) == ["green"])
        #expect(last.replicaSets.first?.spec == 4)
    }

    @Test func aFaultThatAppearsWithPodAgeHitsOnlyOldEnoughPods() throws {
        // Pods fail from 10 minutes of age. The first canary pod is created at 0 s; the nine
        // that promotion adds at 330 s. The proxy balances over all ten, so from 600 s one
        // request in ten fails and from 930 s all do: 100 rps × (0.1 × 330 s + 870 s).
        let strategy =
            #"{"name": "l7", "kind": "service-split", "canaryReplicas": 1, "steps": [{"setWeight": 50}, {"pause": "5m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, duration: "30m",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 1, "after": "10m"}}"#)
        let result = ScenarioFixture.run(scenario)
        #expect(result.outcome == .promoted)
        #expect(abs(result.failedUserRequests - 90_300) < 2_000)
        #expect(result.detectionSeconds == nil)
    }
}
