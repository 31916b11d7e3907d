import SplitRouter
import Testing

@testable import SplitSim

/// Every generated request is served by one pod of one version or fails because no ready pod
/// could take it, whatever the kind and the caller model (property over random scenarios).
@Suite struct ConservationTests {
    static let kinds = [
        #"{"name": "s", "kind": "service-split", "steps": [{"setWeight": 20}, {"pause": "2m"}, {"setWeight": 60}, {"pause": "2m"}]}"#,
        #"{"name": "s", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2m"}, {"setWeight": 50}, {"pause": "2m"}]}"#,
        #"{"name": "s", "kind": "replicaset-split", "maxSurge": 0, "maxUnavailable": 1, "steps": [{"setWeight": 50}, {"pause": "2m"}]}"#,
        #"{"name": "s", "kind": "gateway-route", "header": {"name": "x-canary", "value": "1"}, "smokeTest": {"requests": 20, "rps": 10}}"#,
        #"{"name": "s", "kind": "blue-green", "autoPromotion": "1m", "scaleDownDelay": "20s"}"#,
        #"{"name": "s", "kind": "rolling-update", "maxSurge": 0, "maxUnavailable": "50%"}"#,
    ]

    static let callers = [
        #""callers": {"via": "proxy", "endpointDelay": "1s"}"#,
        #""callers": {"via": "proxy", "endpointDelay": "0s"}"#,
        #""requestsPerConnection": 5, "callers": {"via": "clients"}"#,
        #""requestsPerConnection": 50, "callers": {"via": "clients", "idleTimeout": "20s"}"#,
        #""callers": {"via": "cluster-ip", "instances": 3, "connectionsPerInstance": 2, "maxRequestsPerConnection": 50}"#,
        #""callers": {"via": "cluster-ip", "instances": 2, "connectionsPerInstance": 1, "maxRequestsPerConnection": 0, "idleTimeout": "0s"}"#,
    ]

    @Test(arguments: 0..<30)
    func requestsAreServedOrRefused(_ index: Int) throws {
        var generator = Xoshiro256StarStar(seed: 99, stream: index)
        let kind = Self.kinds[generator.uniform(below: Self.kinds.count)]
        let callers = Self.callers[generator.uniform(below: Self.callers.count)]
        let replicas = 1 + generator.uniform(below: 6)
        let fault =
            generator.uniform(below: 2) == 0 ? "" : #", "fault": {"errorRate": 0.3, "users": 0.5, "after": "0s"}"#
        let text = """
            {"name": "random \(index)", "seed": \(index), "runs": 1, "duration": "12m",
             "traffic": {"rps": \(5 + generator.uniform(below: 60)), "users": \(1 + generator.uniform(below: 500)), \(callers)},
             "cluster": {"replicas": \(replicas), "podStartup": "\(5 + generator.uniform(below: 30))s",
                         "podShutdown": "\(generator.uniform(below: 30))s", "podCapacityRps": \(5 + generator.uniform(below: 40))},
             "versions": {"stable": {"errorRate": 0.01}, "candidate": {"errorRate": 0.01\(fault)}},
             "analysis": {"interval": "1m", "maxErrorRate": 0.05, "minRequests": 10},
             "strategies": [\(kind)]}
            """
        let scenario = try Scenario(decoding: text, file: "random.json")
        let result = ScenarioFixture.run(scenario)
        let context = "\(kind) with \(callers), \(replicas) replicas"
        #expect(result.requests > 0, "\(context)")
        #expect(
            result.requests == result.candidateUserRequests + result.stableRequests + result.refusedRequests,
            "\(context)")
        #expect(result.failedUserRequests <= result.candidateUserRequests, "\(context)")
        #expect(result.usersFailed <= result.usersExposed, "\(context)")
        #expect(result.capacityFailedRequests <= result.requests - result.refusedRequests, "\(context)")
        if result.refusedRequests > 0 {
            #expect(result.noReadyPodSeconds > 0, "refused requests without a moment without ready pods: \(context)")
        }
        #expect(result.peakPods >= Double(replicas), "\(context)")
        // No production request reaches the candidate before its first pod is ready, nor
        // after production can no longer reach it (drained connections included).
        let record = result.record
        if let span = result.candidateRequestSpan {
            let ready = try #require(
                record.firstCandidateReadyAt, "a candidate request without a ready pod: \(context)")
            #expect(span.lowerBound >= ready, "\(context)")
            if let unreachable = record.candidateUnreachableAt {
                #expect(span.upperBound <= unreachable, "a candidate request after it became unreachable: \(context)")
            }
        }
        #expect((result.candidateRequestSpan == nil) == (result.candidateUserRequests == 0), "\(context)")
    }

    /// With nothing to stop the release, the same draws judge every request (common random
    /// numbers): a worse fault can only fail more requests and more users, run by run. A
    /// smoke test is a check that can stop it, so its kind is left out.
    @Test(arguments: 0..<12)
    func aWorseFaultNeverFailsFewerUsersWhenNothingStopsIt(_ index: Int) throws {
        var generator = Xoshiro256StarStar(seed: 7, stream: index)
        let unchecked = Self.kinds.filter { !$0.contains("smokeTest") }
        let kind = unchecked[generator.uniform(below: unchecked.count)]
        let callers = Self.callers[generator.uniform(below: Self.callers.count)]
        let results = try [0.05, 0.2, 0.6].map { errorRate in
            let text = """
                {"name": "monotone \(index)", "seed": \(index), "runs": 1, "duration": "8m",
                 "traffic": {"rps": 40, "users": 300, \(callers)},
                 "cluster": {"replicas": 3, "podStartup": "10s", "podShutdown": "10s"},
                 "versions": {"stable": {"errorRate": 0.01},
                              "candidate": {"errorRate": 0.01, "fault": {"errorRate": \(errorRate), "users": 0.5}}},
                 "analysis": null,
                 "strategies": [\(kind)]}
                """
            return ScenarioFixture.run(try Scenario(decoding: text, file: "monotone.json"))
        }
        for (milder, worse) in zip(results, results.dropFirst()) {
            #expect(milder.candidateUserRequests == worse.candidateUserRequests, "\(kind): the same traffic")
            #expect(milder.excessFailedUserRequests <= worse.excessFailedUserRequests, "\(kind) with \(callers)")
            #expect(milder.usersFailed <= worse.usersFailed, "\(kind) with \(callers)")
        }
    }
}
