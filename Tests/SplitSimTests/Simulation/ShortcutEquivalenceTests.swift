import SplitRouter
import Testing

@testable import SplitSim

/// The request path's shortcuts — the candidate's requests served one by one at the
/// candidate's share of the rate, stable requests counted per capacity second and class with
/// their users collected (docs/performance.md) — give the same distribution of every figure
/// as serving each request, run by run, at fixed seeds.
///
/// Each figure's mean over 200 runs of each path must agree within five standard errors of
/// the difference (Welch), and its spread within a factor: a shortcut that dropped a rule —
/// a cookie class, a capacity second, a pod's fault onset — moves a mean by far more.
@Suite struct ShortcutEquivalenceTests {
    static let runs = 200

    /// The figures whose means alone are compared: a rare long gap before the candidate's first
    /// or after its last request (a connection that leaves the candidate pod just before the
    /// end) dominates their variance, whose estimate from 200 runs then swings by more than
    /// the factor, though their quantiles agree to tenths of a second.
    static let meanOnly: Set<String> = ["first candidate request", "last candidate request"]

    static let figures: [(name: String, value: @Sendable (RunResult) -> Double)] = [
        ("requests", \.requests),
        ("stable requests", \.stableRequests),
        ("candidate requests", \.candidateUserRequests),
        ("failed candidate requests", \.failedUserRequests),
        ("excess failures", \.excessFailedUserRequests),
        ("users exposed", \.usersExposed),
        ("users failed", \.usersFailed),
        ("users who saw both", \.usersSawBoth),
        ("capacity failures", \.capacityFailedRequests),
        ("detection seconds", { $0.detectionSeconds ?? -1 }),
        ("peak candidate share", { $0.peakCandidateShare ?? -1 }),
        ("first candidate request", { Double($0.candidateRequestSpan?.lowerBound ?? -1) }),
        ("last candidate request", { Double($0.candidateRequestSpan?.upperBound ?? -1) }),
    ]

    /// Compares the figures of both paths; each figure named in `exercised` must be above 0
    /// on average, so that the scenario tests the branch it is meant to.
    static func compare(_ scenario: Scenario, exercised: [String]) {
        let traffic = Simulation.trafficModel(for: scenario)
        let strategy = scenario.strategies[0]
        let shortcut = (0..<runs).map { Simulation.run(strategy, of: scenario, run: $0, traffic: traffic) }
        let reference = (0..<runs).map {
            Simulation.runServingEveryRequest(strategy, of: scenario, run: $0 + runs, traffic: traffic)
        }
        for figure in figures {
            let (meanA, varianceA) = moments(shortcut.map(figure.value))
            let (meanB, varianceB) = moments(reference.map(figure.value))
            if exercised.contains(figure.name) { #expect(meanB > 0, "\(figure.name) is never exercised") }
            let standardError = ((varianceA + varianceB) / Double(runs)).squareRoot()
            #expect(
                abs(meanA - meanB) <= 5 * standardError + 1e-9 * max(abs(meanB), 1),
                "\(figure.name): shortcut \(meanA) vs every request \(meanB) (standard error \(standardError))")
            if varianceB > 1 && !meanOnly.contains(figure.name) {
                #expect(
                    varianceA > varianceB / 2 && varianceA < varianceB * 2,
                    "\(figure.name): variance \(varianceA) vs \(varianceB)")
            }
        }
    }

    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    /// ingress-nginx header, cookie and weight rules at once, a fault that starts 40 s into a
    /// pod's life for a third of users, and stable pods too few for the rate every other
    /// second: every branch of the L7 split at work. Detection varies run to run.
    @Test func anIngressSplitWithRulesFaultAndCapacity() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "l7", "kind": "service-split", "header": {"name": "x-canary", "value": "true"}, "cookie": "canary", "steps": [{"setWeight": 20}, {"pause": "2m"}, {"setWeight": 50}, {"pause": "3m"}]}"#,
            replicas: 4, rps: 50, users: 3_000, callers: #"{"via": "proxy", "endpointDelay": "1s"}"#, duration: "6m",
            startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0.002, "fault": {"errorRate": 0.3, "users": 0.3, "after": "40s"}}"#,
            stable: #"{"errorRate": 0.01}"#,
            analysis: #"{"interval": "30s", "maxErrorRate": 0.06, "initialDelay": "30s", "failureLimit": 2}"#,
            extraTraffic:
                #", "headers": [{"name": "x-canary", "value": "true", "share": 0.03}], "cookies": [{"name": "canary", "value": "always", "userShare": 0.15}, {"name": "canary", "value": "never", "userShare": 0.1}]"#,
            capacity: #", "podCapacityRps": 13"#)
        Self.compare(
            scenario, exercised: ["capacity failures", "excess failures", "detection seconds", "users who saw both"])
    }

    /// A healthy candidate that fails more often than stable, behind header and cookie rules,
    /// with one canary pod too few for its share every few seconds: its requests are counted
    /// per capacity second, class and outcome, never served one by one. The first weight
    /// is small, so the first request's time varies run to run. No analysis: its aborts would
    /// make every count's spread too unsteady to compare.
    @Test func aHealthyIngressSplitCountedBySecond() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "l7", "kind": "service-split", "header": {"name": "x-canary", "value": "true"}, "cookie": "canary", "canaryReplicas": 1, "steps": [{"setWeight": 2}, {"pause": "2m"}, {"setWeight": 40}, {"pause": "3m"}]}"#,
            replicas: 4, rps: 40, users: 2_000, callers: #"{"via": "proxy", "endpointDelay": "1s"}"#, duration: "6m",
            startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0.03}"#, stable: #"{"errorRate": 0.01}"#,
            extraTraffic:
                #", "headers": [{"name": "x-canary", "value": "true", "share": 0.02}], "cookies": [{"name": "canary", "value": "always", "userShare": 0.1}, {"name": "canary", "value": "never", "userShare": 0.2}]"#,
            capacity: #", "podCapacityRps": 17"#)
        Self.compare(
            scenario,
            exercised: [
                "capacity failures", "excess failures", "users failed", "users who saw both", "first candidate request",
            ])
    }

    /// A healthy second Deployment behind a balancing proxy, failing less often than stable:
    /// every candidate failure is one stable would have had too, and none is the release's.
    @Test func aHealthyProxyDeploymentSplitCounted() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2m"}, {"setReplicas": 3}, {"pause": "2m"}]}"#,
            replicas: 5, rps: 50, users: 1_500, callers: #"{"via": "proxy", "endpointDelay": "2s"}"#, duration: "5m",
            startup: "15s", shutdown: "5s",
            candidate: #"{"errorRate": 0.004}"#, stable: #"{"errorRate": 0.02}"#)
        Self.compare(scenario, exercised: ["failed candidate requests", "users exposed", "users who saw both"])
    }

    /// A second Deployment behind a balancing proxy that learns of endpoints 2 s late, so a
    /// request can land on a pod that is gone and be sent on: the pod weights of the split.
    @Test func aProxyBalancingOverAStaleEndpointList() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2m"}, {"setReplicas": 3}, {"pause": "2m"}, {"setReplicas": 0}, {"pause": "2m"}]}"#,
            replicas: 5, rps: 50, users: 1_000, callers: #"{"via": "proxy", "endpointDelay": "2s"}"#, duration: "7m",
            startup: "15s", shutdown: "5s",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 0.5, "after": "30s"}}"#,
            stable: #"{"errorRate": 0.005}"#)
        Self.compare(scenario, exercised: ["excess failures", "users failed"])
    }

    /// In-cluster callers over pinned connections: stable users are collected after each
    /// stretch instead of drawn per request.
    @Test func aClusterIPPoolWithRecycledConnections() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 2}, {"pause": "4m"}]}"#,
            replicas: 6, rps: 40, users: 600,
            callers:
                #"{"via": "cluster-ip", "instances": 3, "connectionsPerInstance": 2, "maxRequestsPerConnection": 100}"#,
            duration: "5m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.2, "users": 0.5}}"#)
        Self.compare(scenario, exercised: ["users exposed", "users who saw both"])
    }

    /// The pool served connection by connection through every limit at once: requests per
    /// connection, a jittered maximum age, an idle timeout the quiet connections outlast, a
    /// fault that starts 20 s into a pod's life, and too few pods for the rate, so that
    /// capacity fails requests in time order within a second.
    @Test func aClusterIPPoolThroughEveryConnectionLimit() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "90s"}, {"setReplicas": 3}, {"pause": "2m"}]}"#,
            replicas: 4, rps: 30, users: 800,
            callers:
                #"{"via": "cluster-ip", "instances": 6, "connectionsPerInstance": 4, "maxRequestsPerConnection": 40, "maxConnectionAge": "50s", "idleTimeout": "2s"}"#,
            duration: "4m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0.01, "fault": {"errorRate": 0.4, "users": 0.5, "after": "20s"}}"#,
            stable: #"{"errorRate": 0.01}"#,
            analysis: #"{"interval": "30s", "maxErrorRate": 0.08, "initialDelay": "30s", "failureLimit": 2}"#,
            capacity: #", "podCapacityRps": 7"#)
        Self.compare(
            scenario,
            exercised: [
                "users exposed", "users failed", "excess failures", "capacity failures", "users who saw both",
                "detection seconds",
            ])
    }

    /// Few busy connections that never idle out, counted a second at a time, with the request
    /// and age limits falling inside seconds every few seconds: those seconds are walked one
    /// request at a time, and a reopen can move the rest of a second to the candidate. No
    /// analysis: an abort that now and then comes late or not at all makes the spread of every
    /// count too unsteady over 200 runs to compare.
    @Test func aClusterIPPoolCountedBySecond() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "90s"}, {"setReplicas": 3}, {"pause": "2m"}]}"#,
            replicas: 4, rps: 60, users: 800,
            callers:
                #"{"via": "cluster-ip", "instances": 2, "connectionsPerInstance": 2, "maxRequestsPerConnection": 25, "maxConnectionAge": "20s", "idleTimeout": "0s"}"#,
            duration: "4m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0.01, "fault": {"errorRate": 0.4, "users": 0.5, "after": "20s"}}"#,
            stable: #"{"errorRate": 0.01}"#,
            capacity: #", "podCapacityRps": 14"#)
        Self.compare(
            scenario,
            exercised: ["users exposed", "users failed", "excess failures", "capacity failures", "users who saw both"])
    }

    /// Client-IP affinity pins each calling pod's connections to one pod: the pool's reopens
    /// share the calling pod's choice, whichever connection reopens first.
    @Test func aClusterIPPoolWithClientIPAffinity() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 2}, {"pause": "3m"}]}"#,
            replicas: 5, rps: 40, users: 600,
            callers:
                #"{"via": "cluster-ip", "instances": 8, "connectionsPerInstance": 3, "maxRequestsPerConnection": 50}"#,
            duration: "4m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.3, "users": 0.5}}"#,
            extraTraffic: #", "sessionAffinity": "client-ip""#)
        Self.compare(scenario, exercised: ["users exposed", "users failed", "users who saw both"])
    }

    /// Clients that open a new connection for every request: kube-proxy draws a ready
    /// endpoint per request, so the requests split independently, as through a proxy.
    @Test func clientsWithANewConnectionPerRequest() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2m"}, {"setReplicas": 3}, {"pause": "2m"}]}"#,
            replicas: 4, rps: 30, users: 900, requestsPerConnection: 1, duration: "5m", startup: "10s",
            shutdown: "10s",
            candidate: #"{"errorRate": 0.005, "fault": {"errorRate": 0.4, "users": 0.5, "after": "30s"}}"#,
            stable: #"{"errorRate": 0.005}"#, capacity: #", "podCapacityRps": 8"#)
        Self.compare(scenario, exercised: ["users exposed", "users failed", "capacity failures", "users who saw both"])
    }
}
