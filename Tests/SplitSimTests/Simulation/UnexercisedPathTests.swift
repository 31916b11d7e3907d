import SplitSim
import Testing

/// Simulation paths the strategies take but no other test drives: rollbacks after promotion,
/// header and cookie rules through the engine, a weight turned into pods, a failing blue-green
/// smoke test, an analysis step with several measurements, and an abort while canary pods
/// are still starting.
///
/// Only public entry points are used: a scenario decoded from JSON (``ScenarioFixture``),
/// `Simulation.run`, the `RunResult` figures, and the trace's times, kinds and counts, which
/// only ``moments(_:)`` reads. All pod timings are whole seconds, so event times are exact.
@Suite struct UnexercisedPathTests {
    // MARK: 1. Rollback after promotion

    /// One strategy kind that can roll back after it gave the candidate all traffic.
    struct RollbackCase: Sendable, CustomTestStringConvertible {
        var kind: String
        var strategy: String
        /// When the candidate takes all traffic.
        var fullTrafficAt: Double
        /// When the oldest candidate pod that production reaches turns 3 minutes old.
        var faultFrom: Double
        /// How long the rollback takes from the failed measurement until it is complete.
        var finishedAfterAbort: Double
        /// From the failed measurement until production cannot reach the candidate.
        var rollbackSeconds: Double
        var testDescription: String { kind }

        /// The watchdog's first failing measurement, given its first one with data. It measures
        /// once a minute from there; Prometheus scrapes every 30 s, and a query over the last
        /// minute needs a sample after the fault showed and one before it in its window (DESIGN
        /// §1.5: the metric lags), so it fails once the last scrape at or before it is after
        /// `faultFrom`.
        func abortAt(firstMeasured: Double) -> Double {
            var time = firstMeasured
            while (time / 30).rounded(.down) * 30 <= faultFrom { time += 60 }
            return time
        }
    }

    static let rollbackCases: [RollbackCase] = [
        // Argo Rollouts' traffic-routed canary (DESIGN §1.4): two canary pods ready at 10 s, the
        // pause ends at 70 s, the canary grows to 4 pods (ready 80 s) before weight 100. Undoing
        // a finished rollout: stable back to R first (10 s), then weight 0, and the canary goes
        // abortScaleDownDelaySeconds (default 30 s) later: 40 s after the failed measurement.
        RollbackCase(
            kind: "service-split",
            strategy:
                #"{"name": "svc", "kind": "service-split", "router": "ingress-nginx", "steps": [{"setWeight": 50}, {"pause": "1m"}]}"#,
            fullTrafficAt: 80, faultFrom: 180, finishedAfterAbort: 40, rollbackSeconds: 10),
        // A second Deployment (DESIGN §1): the old Deployment is deleted once the new one has R
        // ready pods (80 s); the rollback is `kubectl rollout undo`, a rolling update by the
        // Kubernetes rules (DESIGN §1.3: 25 % of 4 = one surge, one unavailable): two pod
        // start-ups, 20 s.
        RollbackCase(
            kind: "deployment-split",
            strategy: #"{"name": "dep", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "1m"}]}"#,
            fullTrafficAt: 80, faultFrom: 180, finishedAfterAbort: 20, rollbackSeconds: 30),
        // Argo Rollouts' basic canary (DESIGN §1.4, utils/replicaset/canary.go): weight 100
        // settles at 100 s within maxSurge 1 / maxUnavailable 1; back to the previous ReplicaSet
        // by the rolling-update rules, as deployment-split.
        RollbackCase(
            kind: "replicaset-split",
            strategy: #"{"name": "rs", "kind": "replicaset-split", "steps": [{"setWeight": 50}, {"pause": "1m"}]}"#,
            fullTrafficAt: 100, faultFrom: 180, finishedAfterAbort: 20, rollbackSeconds: 30),
        // The gateway pattern (DESIGN §1): no smoke test and no approval delay, so the production
        // rolling update starts when the copy is ready (10 s) and completes at 30 s; its first
        // pods were created at 10 s, so the fault shows from 190 s. The rollback is a rollout undo.
        // (Its watchdog measures at 30 s + k·60 s, so it fails at 210 s, the others later.)
        RollbackCase(
            kind: "gateway-route",
            strategy: #"{"name": "gw", "kind": "gateway-route", "header": {"name": "x-canary", "value": "true"}}"#,
            fullTrafficAt: 30, faultFrom: 190, finishedAfterAbort: 20, rollbackSeconds: 30),
        // Argo Rollouts' blue-green (DESIGN §1.5): the switch at 10 s, blue scaled down
        // scaleDownDelaySeconds (default 30 s) later. Failing after that, blue must start again
        // (10 s) before the active Service switches back; green goes 30 s later and is gone
        // 10 s after that: 50 s after the failed measurement.
        RollbackCase(
            kind: "blue-green", strategy: #"{"name": "bg", "kind": "blue-green", "previewReplicas": 4}"#,
            fullTrafficAt: 10, faultFrom: 180, finishedAfterAbort: 50, rollbackSeconds: 10),
    ]

    /// Argo terminates the background analysis at full promotion (DESIGN §1.5); only the
    /// labelled `analysis.afterPromotion` watchdog (DESIGN §4.1) watches on. The fault shows at
    /// a pod age of 3 minutes, after every kind here was promoted, and fails the first
    /// measurement whose metric window holds faulty requests (``RollbackCase/abortAt``).
    @Test(arguments: rollbackCases)
    func aWatchdogAfterPromotionRollsTheReleaseBack(_ rollback: RollbackCase) throws {
        let watched = { (afterPromotion: String) in
            try ScenarioFixture.make(
                strategy: rollback.strategy, replicas: 4, rps: 50, users: 1_000, duration: "10m",
                startup: "10s", shutdown: "10s",
                candidate: #"{"errorRate": 0, "fault": {"errorRate": 1, "users": 1, "after": "3m"}}"#,
                analysis:
                    #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 10, "afterPromotion": "\#(afterPromotion)"}"#
            )
        }
        // Without the watchdog, as in Argo, nothing catches the late fault.
        let unwatched = ScenarioFixture.run(try watched("0s"), tracing: true)
        #expect(unwatched.outcome == .promoted)
        #expect(!moments(unwatched).contains { $0.kind == "abort" })
        #expect(unwatched.detectionSeconds == nil)

        let result = ScenarioFixture.run(try watched("10m"), tracing: true)
        let trace = moments(result)

        #expect(result.outcome == .aborted)
        let full = try #require(trace.firstIndex { $0.kind == "full-traffic" })
        #expect(trace[full].seconds == rollback.fullTrafficAt)
        #expect(trace[full].candidateShare == 1)
        let aborts = trace.indices.filter { trace[$0].kind == "abort" }
        #expect(aborts.count == 1)
        let abort = try #require(aborts.first)
        #expect(abort > full)
        // The watchdog measures at once at full promotion; while its window has no data it
        // retries every 10 s (Argo's error retry), so its first reading is within 30 s.
        let measured = (result.trace ?? []).compactMap { event -> Double? in
            guard case .analysisMeasured(.watchdog, let measurement) = event.detail, measurement.hasData
            else { return nil }
            return Double(event.time) / 1e9
        }
        let firstMeasured = try #require(measured.first)
        #expect(firstMeasured >= rollback.fullTrafficAt && firstMeasured <= rollback.fullTrafficAt + 30)
        #expect((firstMeasured - rollback.fullTrafficAt).truncatingRemainder(dividingBy: 10) == 0)
        let abortAt = rollback.abortAt(firstMeasured: firstMeasured)
        #expect(trace[abort].seconds == abortAt)

        // From the first faulty request (just after the fault shows) to the failing measurement.
        let detection = try #require(result.detectionSeconds)
        #expect(detection > abortAt - rollback.faultFrom - 1 && detection <= abortAt - rollback.faultFrom)
        #expect(result.rollbackSeconds == rollback.rollbackSeconds)

        // The release ends rolled back, not at the end of the scenario, and says so last.
        #expect(result.durationSeconds == abortAt + rollback.finishedAfterAbort)
        #expect(result.durationSeconds < 600)
        let done = try #require(trace.lastIndex { $0.kind == "done" })
        #expect(done > abort)
        #expect(trace[done].seconds == abortAt + rollback.finishedAfterAbort)
        let last = try #require(trace.last)
        #expect(last.candidateShare == 0)
        #expect(last.stableReady == 4)
        #expect(last.candidateReady == 0)
        #expect(last.pods == 4)
    }

    // MARK: 2. Header and cookie rules through the engine

    /// A service-split whose weight is 1 out of ingress-nginx's `canary-weight-total` 1,000,000:
    /// the smallest non-zero weight, which sizes the canary to one pod and switches the rules
    /// on. A weight of 0 scales the canary to no pods (Argo: ceil(0·R/100) = 0, DESIGN §1.4),
    /// so this is how a header- or cookie-only canary with a running pod is written. The run
    /// ends during the pause, before promotion exposes anyone else.
    static func ruleOnlyCanary(rules: String, traffic: String, duration: String) throws -> Scenario {
        try ScenarioFixture.make(
            strategy:
                #"{"name": "rules", "kind": "service-split", "router": "ingress-nginx", "weightTotal": 1000000\#(rules), "steps": [{"setWeight": 1}, {"pause": "20m"}]}"#,
            replicas: 4, rps: 100, users: 2_000, duration: duration, startup: "10s", shutdown: "10s",
            extraTraffic: traffic)
    }

    static let headerTraffic = #", "headers": [{"name": "x-canary", "value": "true", "share": 0.05}]"#
    static let cookieTraffic = #", "cookies": [{"name": "canary", "value": "always", "userShare": 0.02}]"#

    /// ingress-nginx `canary-by-header` with `canary-by-header-value` (DESIGN §1.1,
    /// rootfs/etc/nginx/lua/balancer.lua): an exact match goes to the canary before the weight.
    @Test func aHeaderRuleSendsTheHeaderShareOfRequestsToTheCanary() throws {
        let scenario = try Self.ruleOnlyCanary(
            rules: #", "header": {"name": "x-canary", "value": "true"}"#, traffic: Self.headerTraffic,
            duration: "6m")
        let result = ScenarioFixture.run(scenario)
        #expect(result.outcome == .incomplete)
        // The step runs from 10 s (the canary pod is ready) to the end at 360 s: ~35,000
        // requests. Each carries the header independently with p = 0.05 and the weight adds
        // 1e-6, so the step's candidate share is a binomial proportion: four standard
        // deviations, √(0.05·0.95/35,000) ≈ 0.0012 each.
        let share = try #require(result.realizedShares.first ?? nil)
        let requests = 100.0 * 350
        #expect(abs(share - 0.05) < ScenarioFixture.binomialBound(share: 0.05, trials: requests))
        #expect(abs(result.candidateUserRequests - 0.05 * requests) < 4 * (0.05 * requests).squareRoot() + 1)

        // Without the rule, the same requests stay on stable: the weight alone expects 0.035
        // candidate requests over the step.
        let unruled = try Self.ruleOnlyCanary(rules: "", traffic: Self.headerTraffic, duration: "6m")
        #expect(ScenarioFixture.run(unruled).candidateUserRequests <= 3)
    }

    /// ingress-nginx `canary-by-cookie` (DESIGN §1.1): a user whose cookie is `always` goes to
    /// the canary on every request, so the exposed users are exactly the cookie users.
    @Test func aCookieRuleExposesExactlyTheCookieUsers() throws {
        let rules = #", "cookie": "canary""#
        let short = ScenarioFixture.run(
            try Self.ruleOnlyCanary(rules: rules, traffic: Self.cookieTraffic, duration: "4m"))
        let long = ScenarioFixture.run(
            try Self.ruleOnlyCanary(rules: rules, traffic: Self.cookieTraffic, duration: "8m"))

        // Cookie users are 2 % of 2,000 users, drawn per user: binomial, 40 ± 4·√(2,000·0.02·0.98).
        #expect(abs(short.usersExposed - 40) <= 4 * (2_000 * 0.02 * 0.98).squareRoot())
        // Every cookie user sends ~11 requests in the short run (P(none) ≈ e⁻¹¹), and nobody else
        // reaches the canary but by the weight of 10⁻⁶, which expects 0.05 requests over the long
        // run: twice as long a step reaches the same users, give or take that one request.
        #expect(short.usersExposed > 0)
        #expect(long.usersExposed >= short.usersExposed && long.usersExposed <= short.usersExposed + 1)
        #expect(long.candidateUserRequests > 1.8 * short.candidateUserRequests)

        // Each request comes from a uniform user: a binomial share of k / 2,000 for k cookie users.
        let cookieShare = long.usersExposed / 2_000
        let share = try #require(long.realizedShares.first ?? nil)
        #expect(abs(share - cookieShare) < ScenarioFixture.binomialBound(share: cookieShare, trials: 100.0 * 470))
    }

    /// `setWeight: 0` after a positive weight scales the canary to no pods (DESIGN §1.4) while
    /// the header and cookie rules stay on; their requests must then go to stable, as
    /// ingress-nginx routes to the main backend when the canary backend has no endpoints
    /// (balancer.lua `route_to_alternative_balancer`: "no alternative balancer for backend").
    @Test func rulesAtWeightZeroReachNoCanaryWithoutPods() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "zero", "kind": "service-split", "router": "ingress-nginx", "header": {"name": "x-canary", "value": "true"}, "cookie": "canary", "steps": [{"setWeight": 10}, {"pause": "1m"}, {"setWeight": 0}, {"pause": "20m"}]}"#,
            replicas: 4, rps: 100, users: 2_000, duration: "8m", startup: "10s", shutdown: "10s",
            extraTraffic: Self.headerTraffic + Self.cookieTraffic)
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = moments(result)
        // The weight-0 step starts at 70 s; its pod has drained by 80 s.
        let zeroStep = trace.filter { $0.seconds >= 80 }
        #expect(!zeroStep.isEmpty)
        let canaryHasPods = zeroStep.contains { $0.candidateReady > 0 }
        let zeroShare = try #require(result.realizedShares.last ?? nil)
        // Either the canary keeps pods for its rules, or their requests go to stable: with no
        // canary endpoint ingress-nginx keeps a request on the main backend (balancer.lua,
        // route_to_alternative_balancer).
        #expect(canaryHasPods || zeroShare < 0.005)
    }

    // MARK: 3. setWeight in a deployment-split

    /// A `setWeight` step and the canary pods it should become beside `replicas` stable pods.
    struct WeightCase: Sendable, CustomTestStringConvertible {
        var weight: Int
        var replicas: Int
        var pods: Int
        var testDescription: String { "setWeight \(weight) beside \(replicas)" }
    }

    /// A second Deployment can only offer pod ratios: `setWeight` becomes the canary pod count
    /// closest to the weight, at least one (DeploymentSplitStrategy.canaryPods), and kube-proxy
    /// picks a ready endpoint uniformly per connection (DESIGN §1.2: iptables 1/n per endpoint).
    @Test(arguments: [
        WeightCase(weight: 30, replicas: 10, pods: 4),
        WeightCase(weight: 5, replicas: 10, pods: 1),
        WeightCase(weight: 50, replicas: 4, pods: 4),
    ])
    func aWeightInADeploymentSplitRealisesThePodRatio(_ step: WeightCase) throws {
        let (weight, replicas, pods) = (step.weight, step.replicas, step.pods)
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "dep", "kind": "deployment-split", "steps": [{"setWeight": \#(weight)}, {"pause": "10m"}]}"#,
            replicas: replicas, rps: 100, users: 5_000, requestsPerConnection: 1, duration: "11m",
            startup: "15s", shutdown: "15s")
        let result = ScenarioFixture.run(scenario, tracing: true)
        let ratio = Double(pods) / Double(pods + replicas)
        // The pause starts once the canary pods are ready, at the pod ratio exactly.
        let pause = try #require(moments(result).last { $0.kind == "step" && $0.seconds == 15 })
        #expect(pause.candidateReady == pods)
        #expect(pause.candidateShare == ratio)
        // One request per connection: every request is an independent pick with p = ratio over
        // the 10-minute step's ~60,000 requests, a binomial proportion.
        let share = try #require(result.realizedShares.first ?? nil)
        let bound = ScenarioFixture.binomialBound(share: ratio, trials: 100.0 * 600)
        #expect(abs(share - ratio) < bound)
        if abs(ratio - Double(weight) / 100) > 2 * bound {
            #expect(abs(share - Double(weight) / 100) > bound)
        }
    }

    // MARK: 4. A failing blue-green smoke test

    /// Argo Rollouts' blue-green with a pre-promotion check (DESIGN §1.5): the smoke test runs
    /// against the preview Service and blocks the switch; when it fails, the preview is scaled
    /// down and the active Service stays on blue.
    @Test func aFailingSmokeTestKeepsBlueGreenOnBlue() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "bg", "kind": "blue-green", "previewReplicas": 4, "smokeTest": {"requests": 100, "rps": 10, "maxErrorRate": 0.01, "coverage": 1}}"#,
            replicas: 4, rps: 50, users: 1_000, duration: "10m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.9, "users": 1}}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = moments(result)

        #expect(result.outcome == .aborted)
        #expect(result.candidateUserRequests == 0)
        #expect(result.usersExposed == 0)
        #expect(result.smokeRequests == 100)
        #expect(result.peakPods == 8)
        // The preview is ready at 10 s, 100 requests at 10/s end at 20 s; green drains by 30 s.
        #expect(trace.first { $0.kind == "abort" }?.seconds == 20)
        #expect(result.durationSeconds == 30)
        #expect(!trace.contains { $0.kind == "switch" || $0.kind == "full-traffic" })
        #expect(trace.allSatisfy { $0.candidateShare == 0 })
        let last = try #require(trace.last)
        #expect(last.stableReady == 4 && last.candidateReady == 0 && last.pods == 4)
        // Production never reached green, so nothing was left to roll back at detection.
        #expect(result.rollbackSeconds == 0)
    }

    // MARK: 5. An analysis step with several measurements

    /// An Argo analysis step with `count: 3` blocks its step until the run completes (DESIGN
    /// §1.5). Argo measures as the run starts (15 s, when the canary pod is ready), then every
    /// interval; an Error measurement (no data) does not count toward `count`
    /// (analysis/analysis.go). At 15 s the metric window holds one scrape only, so that first
    /// measurement has no data, and so has its retry 10 s later (Argo retries an Error after
    /// 10 s); at 35 s the window holds the scrapes at 0 and 30 s, and the three measurements
    /// that count are at 35, 95 and 155 s. With
    /// `background: false` no background analysis runs beside the step.
    @Test func anAnalysisStepTakesItsThreeMeasurementsThenPromotes() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "dep", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"analysis": {"count": 3}}]}"#,
            replicas: 4, rps: 50, users: 1_000, duration: "10m", startup: "15s", shutdown: "10s",
            analysis: #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 10, "background": false}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = moments(result)

        #expect(result.outcome == .promoted)
        #expect(trace.filter { $0.kind == "analysis-start" }.map(\.seconds) == [15])
        let measurements = (result.trace ?? []).compactMap { event -> (Double, AnalysisRun.MeasurementPhase)? in
            guard case .analysisMeasured(.step(1), let measurement) = event.detail else { return nil }
            return (Double(event.time) / 1e9, measurement.phase)
        }
        #expect(measurements.map(\.0) == [15, 25, 35, 95, 155])
        #expect(measurements.map(\.1) == [.error, .error, .successful, .successful, .successful])
        // The release goes on with the last measurement: 3 more pods (15 s), then the old
        // Deployment drains (10 s).
        let last = 155.0
        #expect(trace.first { $0.kind == "promote" }?.seconds == last)
        #expect(trace.first { $0.kind == "full-traffic" }?.seconds == last + 15)
        #expect(result.durationSeconds == last + 25)
    }

    // MARK: 6. An abort while canary pods are still starting

    /// The scenario for aborts during start-up: pods take 2 minutes to start; the first canary
    /// pod is ready at 120 s; every request it serves fails, so the first measurement, at 180 s
    /// after a 3-minute `initialDelay`, fails while the pods the next step asked for at 150 s
    /// would be ready only at 270 s. (Without the delay, the measurements before the canary
    /// serves would have no data, and five of them in a row would abort at 40 s.)
    static func slowStart(_ strategy: String) throws -> Scenario {
        try ScenarioFixture.make(
            strategy: strategy, replicas: 4, rps: 50, users: 1_000, requestsPerConnection: 1, duration: "10m",
            startup: "2m", shutdown: "10s", candidate: #"{"errorRate": 0, "fault": {"errorRate": 1, "users": 1}}"#,
            analysis: #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 10, "initialDelay": "3m"}"#)
    }

    /// A second Deployment: the abort deletes the canary Deployment, pending pods included
    /// (the ReplicaSet controller removes pending pods first, kubernetes controller_utils.go
    /// ActivePods ranking). They never serve; the ready one drains for `podShutdown`.
    @Test func anAbortDuringStartUpDeletesThePendingCanaryPodsOfADeploymentSplit() throws {
        let scenario = try Self.slowStart(
            #"{"name": "dep", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "30s"}, {"setReplicas": 4}, {"pause": "10m"}]}"#
        )
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = moments(result)

        #expect(result.outcome == .aborted)
        #expect(trace.first { $0.kind == "abort" }?.seconds == 180)
        #expect(result.peakPods == 8)
        // Only the first canary pod was ever ready: 1 of 5 endpoints from 120 s to 180 s.
        #expect(trace.map(\.candidateReady).max() == 1)
        let served = candidateRequestIntegral(trace, rps: 50)
        #expect(abs(served - 600) < 1e-6)
        #expect(abs(result.candidateUserRequests - served) <= 4 * served.squareRoot() + 1)
        #expect(result.failedUserRequests == result.candidateUserRequests)
        // All four canary pods terminate at 180 s and are gone at 190 s.
        #expect(result.durationSeconds == 190)
        let last = try #require(trace.last)
        #expect(last.stableReady == 4 && last.candidateReady == 0 && last.pods == 4)
    }

    /// Argo's basic canary (DESIGN §1.4): the abort sets the weight to 0; the controller drops
    /// the unavailable canary pods first, and keeps the ready one until stable has R −
    /// maxUnavailable available again, which takes a new stable pod's start-up.
    @Test func anAbortDuringStartUpDrainsTheReplicaSetSplitCanaryThroughTheController() throws {
        let scenario = try Self.slowStart(
            #"{"name": "rs", "kind": "replicaset-split", "steps": [{"setWeight": 25}, {"pause": "30s"}, {"setWeight": 100}, {"pause": "10m"}]}"#
        )
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = moments(result)

        #expect(result.outcome == .aborted)
        #expect(trace.first { $0.kind == "abort" }?.seconds == 180)
        #expect(trace.map(\.candidateReady).max() == 1)
        // Whatever the candidate served, the one ready canary pod's share of endpoints over time
        // accounts for it (a pending pod serving would add to it).
        let served = candidateRequestIntegral(trace, rps: 50)
        #expect(abs(result.candidateUserRequests - served) <= 4 * served.squareRoot() + 1)
        // Stable pods asked for at the abort (or at the next reconcile, when the dropped pending
        // pods are gone at 190 s) are ready 2 minutes later; then the canary pod goes.
        #expect(result.durationSeconds >= 300 && result.durationSeconds <= 310)
        let last = try #require(trace.last)
        #expect(last.stableReady == 4 && last.candidateReady == 0 && last.pods == 4)
    }
}

// MARK: - Reading the trace

/// One trace event as these tests read it: when (seconds), what kind, and the counts after it.
private struct Moment {
    var seconds: Double
    var kind: String
    var candidateShare: Double
    var stableReady: Int
    var candidateReady: Int
    var pods: Int
}

/// The events of a run traced with `tracing: true`. The only place that reads trace events,
/// so that a change of their representation is adapted here.
private func moments(_ result: RunResult) -> [Moment] {
    (result.trace ?? []).map { event in
        Moment(
            seconds: Double(event.time) / 1e9, kind: event.kind, candidateShare: event.candidateShare,
            stableReady: event.stableReady, candidateReady: event.candidateReady, pods: event.pods)
    }
}

/// The candidate requests a run's trace accounts for: the rate times the candidate's share of
/// new connections after each event, over the time until the next one. With one request per
/// connection every request is a fresh pick, so the count is Poisson around this.
private func candidateRequestIntegral(_ trace: [Moment], rps: Double) -> Double {
    var total = 0.0
    for (index, moment) in trace.enumerated().dropLast() {
        total += moment.candidateShare * (trace[index + 1].seconds - moment.seconds)
    }
    return total * rps
}
