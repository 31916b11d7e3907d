import SplitSim
import Testing

/// The readouts an architect decides on (DESIGN §2): failures over the stable baseline, shares
/// of all users, `escaped` as "the fault still reached users at the end", and decision quality
/// from the healthy twin — the same runs without the fault.
@Suite struct DecisionTests {
    private static func canary(_ name: String = "c", analysis: String) -> String {
        #"{"name": "\#(name)", "kind": "service-split", "router": "istio", "analysis": \#(analysis), "steps": [{"setWeight": 20}, {"pause": "10m"}]}"#
    }

    /// Both versions fail 1 % of requests at baseline. An analysis that fails above 1.2 % on
    /// windows of a few dozen requests stops healthy releases on noise; one that fails above
    /// 5 % on windows of 200 does not, and both stop a 10 % fault.
    @Test func anAggressiveAnalysisAbortsHealthyReleasesAndAConservativeOneDoesNot() throws {
        let aggressive = #"{"interval": "1m", "maxErrorRate": 0.012, "minRequests": 20, "initialDelay": "1m"}"#
        let conservative = #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 200, "initialDelay": "1m"}"#
        let text = """
            {"name": "noise", "seed": 3, "runs": 40, "duration": "12m",
             "traffic": {"rps": 50, "users": 2000, "callers": {"via": "proxy"}},
             "cluster": {"replicas": 4, "podStartup": "10s", "podShutdown": "10s", "podStartupJitter": 0, "podShutdownJitter": 0},
             "versions": {"stable": {"errorRate": 0.01},
                          "candidate": {"errorRate": 0.01, "fault": {"errorRate": 0.1, "users": 1}}},
             "strategies": [\(Self.canary("aggressive", analysis: aggressive)),
                            \(Self.canary("conservative", analysis: conservative))]}
            """
        let comparison = Comparison.run(try Scenario(decoding: text, file: "noise.json"), jobs: 2)
        let (hasty, careful) = (comparison.strategies[0].decision, comparison.strategies[1].decision)
        #expect(hasty.healthyTwinRuns == 40 && careful.healthyTwinRuns == 40)
        #expect(hasty.falseAbortRate >= 0.2, "\(hasty)")
        #expect(careful.falseAbortRate < 0.05, "\(careful)")
        #expect((hasty.detectionPower ?? 0) >= 0.9 && (careful.detectionPower ?? 0) >= 0.9)
        #expect(careful.detectionSecondsP95 != nil)
        // Users failed are alike; the one that stops healthy releases is not recommended.
        let recommendation = try #require(comparison.recommendation)
        #expect(recommendation.strategy == "conservative")
        #expect(recommendation.reasons.contains(.excludedForFalseAborts(["aggressive"], limit: 0.05)))
        #expect(recommendation.paretoFront.contains("conservative"))
    }

    /// `priorities` decides the order: with duration first, the quicker strategy wins.
    @Test func prioritiesOrderTheRecommendation() throws {
        let text = { (priorities: String) in
            #"{"name": "p", "seed": 1, "runs": 3, "duration": "10m", "priorities": \#(priorities), "traffic": {"rps": 20, "users": 500}, "cluster": {"replicas": 4, "podStartup": "10s", "podShutdown": "10s"}, "strategies": [{"name": "big canary", "kind": "service-split", "steps": [{"setWeight": 50}, {"pause": "5m"}]}, {"name": "rolling", "kind": "rolling-update"}]}"#
        }
        let byDuration = Comparison.run(try Scenario(decoding: text(#"["duration"]"#), file: "p.json"))
        #expect(byDuration.recommendation?.strategy == "rolling")
        #expect(throws: ScenarioError.self) { _ = try Scenario(decoding: text(#"["speed"]"#), file: "p.json") }
    }

    /// Argo retries an erred measurement after 10 s and gives up after `consecutiveErrorLimit`
    /// (4) more (argo-rollouts utils/analysis: DefaultErrorRetryInterval, DefaultConsecutiveErrorLimit):
    /// measuring from the rollout's start, before the canary pod is ready, a healthy release
    /// is stopped by an analysis that never saw a request. The warning says so and what to do.
    @Test func anAnalysisThatErrsBeforeTheCanaryTakesTrafficIsNamed() throws {
        let comparison = { (initialDelay: String) in
            let scenario = try ScenarioFixture.make(
                strategy: Self.canary(
                    analysis:
                        #"{"interval": "1m", "maxErrorRate": 0.01, "minRequests": 50, "initialDelay": "\#(initialDelay)"}"#
                ),
                rps: 200, users: 1_000, duration: "15m", runs: 4, startup: "30s", shutdown: "10s")
            return Comparison.run(scenario).strategies[0]
        }
        let hasty = try comparison("0s")
        #expect(hasty.decision.falseAbortRate == 1)
        #expect(hasty.warnings.contains(.abortedWithoutData(runShare: 1, minRequests: 50)))
        #expect(hasty.warnings.map(\.code).contains("aborted-without-data"))
        let patient = try comparison("1m30s")
        #expect(patient.decision.falseAbortRate == 0)
        #expect(!patient.warnings.map(\.code).contains("aborted-without-data"))
    }

    @Test func aHealthyScenarioReportsItsOwnFalseAbortsAndNoDetectionPower() throws {
        let decision = { (minRequests: Int) in
            let scenario = try ScenarioFixture.make(
                strategy: Self.canary(
                    analysis: #"{"interval": "1m", "maxErrorRate": 0.01, "minRequests": \#(minRequests)}"#),
                rps: 50, users: 1_000, duration: "12m", runs: 4, startup: "10s", shutdown: "10s")
            return Comparison.run(scenario).strategies[0].decision
        }
        let healthy = try decision(10)
        #expect(healthy.falseAbortRate == 0)
        #expect(healthy.detectionPower == nil && healthy.detectionSecondsP95 == nil)
        #expect(healthy.healthyTwinRuns == 0)
        // A traffic guard the canary never meets: five Errors in a row abort every healthy run.
        #expect(try decision(100_000).falseAbortRate == 1)
    }

    /// One draw judges a request against both versions, so failures the candidate shares with
    /// stable's baseline are counted apart, exactly.
    @Test func failuresAreSplitIntoBaselineAndExcessOverStable() throws {
        let same = ScenarioFixture.run(
            try ScenarioFixture.make(
                strategy: Self.canary(analysis: "null"), rps: 100, users: 1_000, duration: "10m",
                startup: "10s", shutdown: "10s", candidate: #"{"errorRate": 0.02}"#, stable: #"{"errorRate": 0.02}"#))
        #expect(same.failedUserRequests > 0)
        #expect(same.excessFailedUserRequests == 0)
        #expect(same.baselineFailedUserRequests == same.failedUserRequests)
        #expect(same.usersFailed == 0)

        let worse = ScenarioFixture.run(
            try ScenarioFixture.make(
                strategy: Self.canary(analysis: "null"), rps: 100, users: 1_000, duration: "10m",
                startup: "10s", shutdown: "10s", candidate: #"{"errorRate": 0.03}"#, stable: #"{"errorRate": 0.01}"#))
        #expect(worse.excessFailedUserRequests + worse.baselineFailedUserRequests == worse.failedUserRequests)
        let expected = 0.02 * worse.candidateUserRequests
        #expect(abs(worse.excessFailedUserRequests - expected) <= 4 * expected.squareRoot())
        #expect(worse.usersExposedShare == worse.usersExposed / 1_000)
        #expect(worse.usersFailedShare == worse.usersFailed / 1_000)
    }

    /// `escaped` asks whether the fault still reached users when the run ended: a rollback by
    /// the watchdog after promotion is not an escape; promotion without one is.
    @Test func escapedMeansTheFaultStillReachedUsersAtTheEnd() throws {
        let candidate = #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1, "after": "3m"}}"#
        let make = { (afterPromotion: String) in
            try ScenarioFixture.make(
                strategy: #"{"name": "c", "kind": "service-split", "steps": [{"setWeight": 50}, {"pause": "1m"}]}"#,
                replicas: 4, rps: 50, users: 1_000, duration: "10m", startup: "10s", shutdown: "10s",
                candidate: candidate,
                analysis:
                    #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 10, "afterPromotion": "\#(afterPromotion)"}"#
            )
        }
        let unwatched = ScenarioFixture.run(try make("0s"))
        #expect(unwatched.outcome == .promoted && unwatched.escaped)
        let watched = ScenarioFixture.run(try make("10m"))
        #expect(watched.outcome == .aborted && !watched.escaped)
    }
}
