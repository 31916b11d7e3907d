import Testing

@testable import SplitSim

/// kube-proxy decides once per connection; L7 proxies decide per request.
@Suite struct ConnectionBalancingTests {
    static let oneCanaryBesideNine =
        #"{"name": "one of ten", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "25m"}]}"#

    @Test func oneCanaryPodInTenRealisesTenPercentWithOneRequestPerConnection() throws {
        let scenario = try ScenarioFixture.make(
            strategy: Self.oneCanaryBesideNine, replicas: 9, rps: 100, requestsPerConnection: 1)
        let result = ScenarioFixture.run(scenario)
        let share = try #require(result.realizedShares.first ?? nil)
        // 25 minutes at 100 requests/s: about 150,000 independent per-connection picks.
        let trials = 100.0 * 25 * 60
        #expect(abs(share - 0.1) < ScenarioFixture.binomialBound(share: 0.1, trials: trials))
    }

    @Test func longLivedConnectionsMakeThePodSplitLagAndSwing() throws {
        let shortStep =
            #"{"name": "one of ten", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2m"}, {"setReplicas": 0}, {"pause": "1m"}]}"#
        let perRequest = try ScenarioFixture.make(
            strategy: shortStep, replicas: 9, rps: 100, users: 20, requestsPerConnection: 1)
        let keepAlive = try ScenarioFixture.make(
            strategy: shortStep, replicas: 9, rps: 100, users: 20, requestsPerConnection: 1000)
        let runs = 0..<30
        let fresh = runs.compactMap { ScenarioFixture.run(perRequest, run: $0).realizedShares.first ?? nil }
        let pinned = runs.compactMap { ScenarioFixture.run(keepAlive, run: $0).realizedShares.first ?? nil }
        #expect(fresh.count == 30 && pinned.count == 30)
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        let deviation = { (values: [Double]) -> Double in
            let m = mean(values)
            return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        }
        // 2 minutes at 100 requests/s: 12,000 picks per run, a binomial spread of about 0.0027.
        #expect(abs(mean(fresh) - 0.1) < 0.005)
        #expect(deviation(fresh) < 0.006)
        // With 20 clients reconnecting every ~200 s, a new pod gets only the few connections
        // opened during the step: on average about 3 % instead of 10 %, and very unevenly.
        #expect(mean(pinned) < 0.06)
        #expect(deviation(pinned) > 5 * deviation(fresh))
        #expect(pinned.contains { $0 == 0 })
    }

    @Test func anIngressWeightRealisesItsShareRegardlessOfKeepAlive() throws {
        let ingress =
            #"{"name": "ten percent", "kind": "service-split", "router": "ingress-nginx", "canaryReplicas": 1, "steps": [{"setWeight": 10}, {"pause": "25m"}]}"#
        let scenario = try ScenarioFixture.make(strategy: ingress, rps: 100, users: 20, requestsPerConnection: 1000)
        let result = ScenarioFixture.run(scenario)
        let share = try #require(result.realizedShares.first ?? nil)
        #expect(abs(share - 0.1) < ScenarioFixture.binomialBound(share: 0.1, trials: 100.0 * 25 * 60))
    }

    @Test func aSeedGivesTheSameTraceAndDifferentRunsDiffer() throws {
        let scenario = try ScenarioFixture.make(
            strategy: Self.oneCanaryBesideNine, replicas: 9, requestsPerConnection: 20,
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5}}"#,
            analysis: #"{"interval": "1m", "maxErrorRate": 0.05}"#)
        let first = ScenarioFixture.run(scenario, run: 0, tracing: true)
        let again = ScenarioFixture.run(scenario, run: 0, tracing: true)
        let other = ScenarioFixture.run(scenario, run: 1, tracing: true)
        #expect(first.trace == again.trace)
        #expect(first.candidateUserRequests == again.candidateUserRequests)
        #expect(first.candidateUserRequests != other.candidateUserRequests)
        #expect((first.trace ?? []).contains { $0.kind == "abort" })
    }
}
