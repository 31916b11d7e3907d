import SplitRouter
import Testing

@testable import SplitSim

/// Flagger's Canary, tick by tick, against fluxcd/flagger pkg/controller/scheduler.go
/// (`advanceCanary`, commit 15bd6ad555e6, v1.44.0; "S:" lines below refer to that file).
///
/// The scenarios start pods in exactly 30 s (no jitter) and tick every minute, so the canary is
/// ready by the first tick after the one that scaled it up.
@Suite struct FlaggerTests {
    static let interval = 60.0
    static let replicas = 10
    static let healthy = #"{"errorRate": 0}"#
    static let faulty = #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1, "after": "0s"}}"#
    static let analysis = #"{"interval": "1m", "maxErrorRate": 0.01, "minRequests": 10}"#

    static func scenario(
        _ strategy: String, candidate: String = healthy, duration: String = "15m", extraTraffic: String = ""
    ) throws -> Scenario {
        try ScenarioFixture.make(
            strategy: strategy, replicas: replicas, rps: 100, users: 5_000, duration: duration, startup: "30s",
            shutdown: "30s", candidate: candidate, analysis: analysis, extraTraffic: extraTraffic)
    }

    static func seconds(_ event: TraceEvent) -> Double { Double(event.time) / 1e9 }

    /// The times of the trace events that `matches` picks.
    static func times(_ trace: [TraceEvent], _ matches: (TraceDetail) -> Bool) -> [Double] {
        trace.filter { matches($0.detail) }.map(seconds)
    }

    /// The first moment after `start` at which the primary's rollout is done: the new
    /// ReplicaSet has R ready pods and the old primary wants none (deployment_ready.go).
    static func primaryRolledOut(_ trace: [TraceEvent], after start: Double) -> Double? {
        trace.first { event in
            guard seconds(event) >= start else { return false }
            let next = event.replicaSets.first { $0.name == "primary-next" }
            let old = event.replicaSets.first { $0.name == "primary" }
            return next?.ready == replicas && (old == nil || old?.spec == 0)
        }.map(seconds)
    }

    // (1) stepWeight 10, maxWeight 50, all checks pass (facts timeline (a)): T0 = 0 scales the
    // canary up (checkCanaryStatus, S:886-933, returns before any check); T1 sets 0 → 10 with
    // no check (S:449-459: weight 0 and iterations 0 run only the pre-rollout hooks); T2…T5
    // check and add 10 (runCanary, S:565-637); T6 checks at 50 and Promotes (S:604-630);
    // the first tick on which the primary is ready routes 100/0 (runPromotionTrafficShift,
    // S:508-529); the next one scales the canary to 0 (Finalising, S:393-411).
    @Test func aHealthyCanaryFollowsFlaggersTicks() throws {
        let scenario = try Self.scenario(
            #"{"name": "f", "kind": "flagger", "interval": "1m", "threshold": 5, "stepWeight": 10, "maxWeight": 50}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = try #require(result.trace)
        #expect(result.outcome == .promoted)

        #expect(Self.times(trace) { $0 == .scaled(replicaSet: "canary", from: 0, to: 10) } == [0])
        var weights: [Int] = []
        for event in trace {
            if case .weightSet(let weight, 100, _) = event.detail { weights.append(weight) }
        }
        #expect(weights == [10, 20, 30, 40, 50])
        #expect(
            Self.times(trace) {
                if case .weightSet = $0 { true } else { false }
            } == [60, 120, 180, 240, 300])
        // The first check comes one tick after the first step, at weight 10; five in all.
        let checks = trace.filter {
            if case .metricChecked = $0.detail { true } else { false }
        }
        #expect(checks.map(Self.seconds) == [120, 180, 240, 300, 360])
        #expect(
            checks.allSatisfy {
                if case .metricChecked(_, _, _, true, 0, 5) = $0.detail { true } else { false }
            })

        // Promote copies the spec to the primary at T0 + 6 intervals.
        let copied = Self.times(trace) { $0 == .promotion(.specCopiedToPrimary) }
        #expect(copied == [6 * Self.interval])
        let rolledOut = try #require(Self.primaryRolledOut(trace, after: 6 * Self.interval))
        let rollout = rolledOut - 6 * Self.interval
        #expect(rollout > 0)
        // Traffic goes back to the primary on the first tick after its rollout, and the
        // canary is scaled to 0 on the next tick, which ends the release.
        let back = try #require(Self.times(trace) { $0 == .promotion(.trafficBackToPrimary) }.first)
        #expect(back >= rolledOut && back <= rolledOut + Self.interval)
        #expect(back.truncatingRemainder(dividingBy: Self.interval) == 0)
        let canaryGone = Self.times(trace) { $0 == .scaled(replicaSet: "canary", from: 10, to: 0) }
        #expect(canaryGone == [back + Self.interval])
        #expect(result.durationSeconds == back + Self.interval)
        #expect(result.durationSeconds >= Self.interval * 6 + rollout)
        #expect(result.durationSeconds <= Self.interval * 8 + rollout)
        // Production is all on the new version once no old primary pod is ready.
        let full = try #require(Self.times(trace) { $0 == .fullTraffic }.first)
        #expect(full > copied[0] && full <= back)

        // Each weight's realised share is close to the weight (100 requests/s for a minute).
        for (weight, share) in zip(weights, result.realizedShares) {
            let expected = Double(weight) / 100
            let realized = try #require(share)
            #expect(abs(realized - expected) < ScenarioFixture.binomialBound(share: expected, trials: 6_000))
        }
    }

    // (2) A faulty canary with threshold 2 (facts timeline (c)): T1 steps to 10 unchecked, T2
    // and T3 fail (failedChecks 1, 2; the weight stays, S:461-466), and T4's threshold test,
    // which comes before the check (S:430-440, >=), rolls back: weight 0 and the canary scaled
    // to 0 on that one tick (rollback, S:948-998).
    @Test func aFaultyCanaryRollsBackOnTheTickAfterTheThresholdthFailedCheck() throws {
        let scenario = try Self.scenario(
            #"{"name": "f", "kind": "flagger", "threshold": 2, "stepWeight": 10, "maxWeight": 50}"#,
            candidate: Self.faulty)
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = try #require(result.trace)
        #expect(result.outcome == .aborted)
        #expect(!result.escaped)

        var checks: [(Double, Bool, Int)] = []
        for event in trace {
            if case .metricChecked(_, _, _, let passed, let failed, 2) = event.detail {
                checks.append((Self.seconds(event), passed, failed))
            }
        }
        #expect(checks.map(\.0) == [120, 180])
        #expect(checks.map(\.1) == [false, false])
        #expect(checks.map(\.2) == [1, 2])
        #expect(Self.times(trace) { if case .weightSet = $0 { true } else { false } } == [60])

        let rollback = 4 * Self.interval
        let abort = try #require(trace.first { $0.kind == "abort" })
        #expect(abort.detail == .aborted(AbortReason(.failedChecks(2), .weightAndCanaryToZero)))
        #expect(Self.seconds(abort) == rollback)
        #expect(Self.times(trace) { $0 == .weightCleared } == [rollback])
        #expect(Self.times(trace) { $0 == .scaled(replicaSet: "canary", from: 10, to: 0) } == [rollback])
        #expect(trace.last { $0.detail == .weightCleared }?.candidateShare == 0)
        #expect(result.durationSeconds == rollback)
    }

    // (3) A/B testing with iterations 3 and a header match (facts timeline (b)): T1 routes
    // the match to the canary and everything else to the primary (runAB, S:644-657), T2 and
    // T3 check and count iterations 2 and 3, T4 checks and Promotes (S:660-679): detection →
    // Promote = iterations + 1 intervals.
    @Test func abTestingRoutesOnlyMatchingRequestsAndPromotesAfterTheIterations() throws {
        let strategy =
            #"{"name": "ab", "kind": "flagger", "router": "ingress-nginx", "iterations": 3, "match": {"header": {"name": "x-canary", "value": "insider"}}}"#
        let headers = #", "headers": [{"name": "x-canary", "value": "insider", "share": 0.2}]"#

        // Up to T4, before Promote: only the 20 % of requests with the header reach the canary,
        // from T1 on, i.e. 0.2 × 3/4 of all requests (arrivals are uniform in time).
        let early = ScenarioFixture.run(try Self.scenario(strategy, duration: "4m", extraTraffic: headers))
        let expected = 0.2 * 3 / 4
        #expect(early.requests > 20_000)
        #expect(
            abs(early.candidateUserRequests / early.requests - expected)
                < ScenarioFixture.binomialBound(share: expected, trials: early.requests))

        let result = ScenarioFixture.run(try Self.scenario(strategy, extraTraffic: headers), tracing: true)
        let trace = try #require(result.trace)
        #expect(result.outcome == .promoted)
        #expect(
            Self.times(trace) {
                $0 == .matchRouted(header: HeaderMatch(name: "x-canary", value: "insider"), cookie: nil)
            }
                == [60])
        #expect(Self.times(trace) { if case .weightSet = $0 { true } else { false } }.isEmpty)
        let checks = trace.filter {
            if case .metricChecked(_, _, _, true, 0, 5) = $0.detail { true } else { false }
        }
        #expect(checks.map(Self.seconds) == [120, 180, 240])
        #expect(Self.times(trace) { $0 == .promotion(.specCopiedToPrimary) } == [4 * Self.interval])
        let rolledOut = try #require(Self.primaryRolledOut(trace, after: 4 * Self.interval))
        let back = try #require(Self.times(trace) { $0 == .promotion(.trafficBackToPrimary) }.first)
        #expect(back >= rolledOut && back <= rolledOut + Self.interval)
        #expect(result.durationSeconds == back + Self.interval)
    }

    // (4) The canary runs at the primary's replicas for the whole analysis (ScaleFromZero,
    // deployment_controller.go:166-211), so R primary and R canary pods exist at once.
    @Test func theCanaryRunsAtFullReplicas() throws {
        let scenario = try Self.scenario(#"{"name": "f", "kind": "flagger"}"#)
        let result = ScenarioFixture.run(scenario)
        #expect(result.outcome == .promoted)
        #expect(result.peakPods >= Double(2 * Self.replicas))
        #expect(result.extraPodSeconds >= Double(Self.replicas) * 6 * Self.interval)
    }

    // Blue/Green with mirror (facts §6, runBlueGreen S:682-750): T1 starts mirroring every
    // request with no check; T2 checks the mirrored traffic (allowed by `!(Mirror && mirrored)`,
    // S:450) and counts iteration 2; T3 checks, stops the mirror and routes everything to the
    // canary; T4 checks under live traffic and Promotes: N + 1 checks, Promote at N + 2.
    @Test func blueGreenMirrorsTheIterationsThenSwitches() throws {
        let strategy = #"{"name": "bg", "kind": "flagger", "iterations": 2, "mirror": true}"#
        let result = ScenarioFixture.run(try Self.scenario(strategy), tracing: true)
        let trace = try #require(result.trace)
        #expect(result.outcome == .promoted)
        #expect(Self.times(trace) { $0 == .mirrorRouted(percentage: 100) } == [60])
        #expect(Self.times(trace) { $0 == .mirrorRouted(percentage: 0) } == [180])
        #expect(Self.times(trace) { $0 == .weightSet(weight: 100, scale: 100, share: 1) } == [180])
        #expect(Self.times(trace) { $0 == .fullTraffic } == [180])
        let checks = trace.filter {
            if case .metricChecked(_, _, _, true, 0, 5) = $0.detail { true } else { false }
        }
        #expect(checks.map(Self.seconds) == [120, 180, 240])
        #expect(Self.times(trace) { $0 == .promotion(.specCopiedToPrimary) } == [240])
    }

    // Mirrored requests load the canary and its metric, but their responses are dropped
    // (virtual_service.go:349-354): a faulty canary fails its checks while no user sees a
    // failure, and is rolled back on the tick after the threshold-th failed check.
    @Test func aMirroredFaultFailsChecksWithoutFailingUsers() throws {
        let strategy = #"{"name": "bg", "kind": "flagger", "threshold": 2, "iterations": 5, "mirror": true}"#
        let result = ScenarioFixture.run(try Self.scenario(strategy, candidate: Self.faulty), tracing: true)
        let trace = try #require(result.trace)
        #expect(result.outcome == .aborted)
        var failed: [Double] = []
        for event in trace {
            if case .metricChecked(_, _, _, false, _, 2) = event.detail { failed.append(Self.seconds(event)) }
        }
        #expect(failed == [120, 180])
        #expect(
            Self.times(trace) { $0 == .aborted(AbortReason(.failedChecks(2), .weightAndCanaryToZero)) }
                == [240])
        #expect(result.candidateUserRequests == 0)
        #expect(result.usersFailed == 0)
        #expect(result.usersExposed == 0)
    }

    // runCanary caps the weight only at 100, not at maxWeight (S:565-637); nextStepWeight
    // walks a stepWeights list (S:58-88; docs example [1, 2, 10, 80]).
    @Test func weightsFollowNextStepWeight() throws {
        #expect(FlaggerSpec(progression: .stepWeight(20, maxWeight: 50)).weights == [20, 40, 60])
        #expect(FlaggerSpec(progression: .stepWeight(10, maxWeight: 50)).weights == [10, 20, 30, 40, 50])
        #expect(FlaggerSpec(progression: .stepWeights([1, 2, 10, 80])).weights == [1, 2, 10, 80])
        #expect(FlaggerSpec(progression: .stepWeight(30, maxWeight: 100)).weights == [30, 60, 90, 100])
        let plan = FlaggerSpec(progression: .stepWeight(20, maxWeight: 50)).granularity(replicas: 4)
        #expect(plan.steps.map(\.label) == ["stepWeight 20", "stepWeight 40", "stepWeight 60"])
        #expect(plan.minShare == 0.01)
        #expect(FlaggerSpec(progression: .blueGreen(iterations: 3)).weights.isEmpty)
    }

    @Test func decodesTheKeysAndRejectsWhatItCannotSimulate() throws {
        let decoded = try Self.scenario(
            #"{"name": "f", "kind": "flagger", "router": "gateway-api", "interval": "30s", "stepWeights": [5, 25, 50], "primaryRollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}"#
        )
        let spec = try #require(decoded.strategies[0].kind.settings(as: FlaggerSpec.self))
        #expect(
            spec
                == FlaggerSpec(
                    router: .gatewayAPI, interval: .seconds(30), progression: .stepWeights([5, 25, 50]),
                    maxSurge: .count(1), maxUnavailable: .count(0)))
        let cookie = try Self.scenario(
            #"{"name": "f", "kind": "flagger", "iterations": 2, "match": {"cookie": "canary"}}"#)
        #expect(
            cookie.strategies[0].kind.settings(as: FlaggerSpec.self)?.progression
                == .abTesting(iterations: 2, match: .cookie("canary")))

        let problems = { (strategy: String) in
            ScenarioFixtures.problems(in: ScenarioFixtures.scenario(strategy: strategy))
        }
        // Mirroring where Flagger's router would not mirror is refused: ingress-nginx ignores
        // it (ingress.go SetRoutes), Gateway API mirrors only with iterations (gateway_api.go),
        // and the A/B route carries no mirror (istio.go).
        #expect(
            problems(#"{"name": "f", "kind": "flagger", "router": "ingress-nginx", "iterations": 5, "mirror": true}"#)
                .count == 1)
        #expect(problems(#"{"name": "f", "kind": "flagger", "router": "gateway-api", "mirror": true}"#).count == 1)
        #expect(
            problems(#"{"name": "f", "kind": "flagger", "iterations": 2, "mirror": true, "match": {"cookie": "c"}}"#)
                .count == 1)
        #expect(
            problems(#"{"name": "f", "kind": "flagger", "router": "gateway-api", "iterations": 2, "mirror": true}"#)
                .isEmpty)
        #expect(problems(#"{"name": "f", "kind": "flagger", "match": {"cookie": "c"}}"#).count == 1)
        #expect(problems(#"{"name": "f", "kind": "flagger", "stepWeight": 5, "stepWeights": [5, 10]}"#).count == 1)
        #expect(problems(#"{"name": "f", "kind": "flagger", "stepWeights": [10, 5]}"#).count == 1)
        #expect(problems(#"{"name": "f", "kind": "flagger", "interval": "5s"}"#).count == 1)
        #expect(
            problems(#"{"name": "f", "kind": "flagger", "iterations": 2, "match": {"header": {"name": "x"}}}"#).count
                == 1)
    }
}
