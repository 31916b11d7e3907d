import Foundation
import SplitSim

/// The scenario every simulation suite runs: one strategy streaming requests from a healthy
/// candidate, 1,000 rps for 1 h over 100,000 users on ten pods unless a suite changes a factor.
///
/// Both versions fail 0.1 % of requests and the analysis tolerates 5 %, so no workload aborts:
/// an aborted release stops streaming, and its run would measure fewer requests. A healthy
/// candidate's requests are counted per capacity second; ``faultyCandidate`` makes each one
/// served on its own, the path of every faulty run.
struct BenchScenario {
    /// The headline strategy: ingress-nginx at 10 % with header and cookie rules, so that every
    /// request also pays for the header draw and the cookie class of its user. It holds the
    /// weight for `pause`, which must outlast the run: after it the candidate would be promoted
    /// and take every request, a different workload.
    static func serviceSplit(pause: String = "2h") -> String {
        #"{"name": "l7", "kind": "service-split", "header": {"name": "x-canary", "value": "true"}, "cookie": "canary", "steps": [{"setWeight": 10}, {"pause": "\#(pause)"}]}"#
    }
    /// A proxy that balances every request: the default caller model.
    static let proxy = #""callers": {"via": "proxy", "endpointDelay": "1s"}"#

    /// A candidate that fails as often as stable.
    static let healthyCandidate = #"{"errorRate": 0.001}"#
    /// A candidate that fails 2 % more of the requests of one user in ten: too few to abort
    /// under the analysis' 5 %, enough that the pod and user of each candidate request matter.
    static let faultyCandidate = #"{"errorRate": 0.001, "fault": {"errorRate": 0.02, "users": 0.1, "after": "0s"}}"#

    /// The strategy's JSON object.
    var strategy: String
    /// The `traffic` members that say who balances requests.
    var callers = Self.proxy
    var users = 100_000
    var rps = 1_000
    var durationSeconds = 3_600
    var replicas = 10
    var podCapacityRps = 200
    /// The candidate version's JSON object.
    var candidate = Self.healthyCandidate

    /// The scenario; when it does not decode, which is a bug in the suite, it prints the
    /// problems for `suite` and returns nil, and the suite exits 70.
    func decoded(suite: String) -> Scenario? {
        let text = """
            {"name": "bench", "seed": 1, "runs": 1, "duration": \(durationSeconds),
             "traffic": {"rps": \(rps), "users": \(users), \(callers),
                         "headers": [{"name": "x-canary", "value": "true", "share": 0.001}],
                         "cookies": [{"name": "canary", "value": "always", "userShare": 0.01}]},
             "cluster": {"replicas": \(replicas), "podCapacityRps": \(podCapacityRps), "podHourlyCost": 0.1},
             "versions": {"stable": {"errorRate": 0.001}, "candidate": \(candidate)},
             "analysis": {"interval": "1m", "maxErrorRate": 0.05, "initialDelay": "1m30s"},
             "strategies": [\(strategy)]}
            """
        do {
            return try Scenario(decoding: text, file: "bench")
        } catch {
            FileHandle.standardError.write(
                Data("splitsim-bench \(suite): the bench scenario does not decode: \(error)\n".utf8))
            return nil
        }
    }
}
