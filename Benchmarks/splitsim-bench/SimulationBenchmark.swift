import Foundation
import SplitSim

/// `splitsim-bench simulation` (or `sim`): whole-simulation throughput — nanoseconds per
/// simulated request, event loop and strategy logic included — for every strategy kind and
/// caller model, followed by the router's picks in the same rows.
enum SimulationBenchmark {
    /// One workload, named "<kind> / <callers>" after its strategy's kind.
    struct Workload {
        /// The caller model as the row names it.
        let callersName: String
        let scenario: BenchScenario
    }

    static let pool =
        #""callers": {"via": "cluster-ip", "instances": 20, "connectionsPerInstance": 4, "maxRequestsPerConnection": 1000}"#
    static func clients(_ requestsPerConnection: Int, idleTimeout: String = "0s") -> String {
        #""requestsPerConnection": \#(requestsPerConnection), "callers": {"via": "clients", "idleTimeout": "\#(idleTimeout)"}"#
    }

    /// One canary pod beside the ten stable ones for the whole hour.
    static let secondDeployment =
        #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2h"}]}"#

    /// The smoke test of the kinds that have one, as in `scenarios/gateway-smoke-test.json`, but
    /// judged on the failed share: failing on any case would abort about one run in five on the
    /// candidate's baseline errors alone.
    static let smokeTest = #""smokeTest": {"requests": 200, "rps": 5, "coverage": 0.005, "maxErrorRate": 0.05}"#

    /// The workloads in the registry's order of kinds, the headline one also with a faulty
    /// candidate, whose requests are served one by one. gateway-route and blue-green switch
    /// half-way through the hour and Flagger steps its weights over it, so that both versions
    /// serve and the release is not over within its first minutes.
    static let workloads = [
        Workload(callersName: "proxy", scenario: BenchScenario(strategy: BenchScenario.serviceSplit())),
        Workload(
            callersName: "proxy, faulty candidate",
            scenario: BenchScenario(strategy: BenchScenario.serviceSplit(), candidate: BenchScenario.faultyCandidate)),
        Workload(callersName: "proxy", scenario: BenchScenario(strategy: secondDeployment)),
        Workload(callersName: "cluster-ip pool", scenario: BenchScenario(strategy: secondDeployment, callers: pool)),
        Workload(
            callersName: "clients rpc=20", scenario: BenchScenario(strategy: secondDeployment, callers: clients(20))),
        Workload(
            callersName: "clients rpc=20 idle 75s",
            scenario: BenchScenario(strategy: secondDeployment, callers: clients(20, idleTimeout: "75s"))),
        Workload(
            callersName: "clients rpc=1", scenario: BenchScenario(strategy: secondDeployment, callers: clients(1))),
        Workload(
            callersName: "proxy",
            scenario: BenchScenario(
                strategy:
                    #"{"name": "basic", "kind": "replicaset-split", "maxSurge": "25%", "maxUnavailable": 0, "steps": [{"setWeight": 10}, {"pause": "2h"}]}"#
            )),
        Workload(
            callersName: "proxy",
            scenario: BenchScenario(
                strategy:
                    #"{"name": "gateway", "kind": "gateway-route", "header": {"name": "x-canary", "value": "true"}, "canaryReplicas": 1, \#(smokeTest), "approvalDelay": "30m", "maxSurge": "25%", "maxUnavailable": 0}"#
            )),
        Workload(
            callersName: "proxy",
            scenario: BenchScenario(
                strategy:
                    #"{"name": "switch", "kind": "blue-green", "previewReplicas": 10, \#(smokeTest), "autoPromotion": "30m", "scaleDownDelay": "2h"}"#
            )),
        Workload(
            callersName: "proxy", scenario: BenchScenario(strategy: #"{"name": "roll", "kind": "rolling-update"}"#)),
        // Ten-minute ticks stretch Flagger's five weights (10 % … 50 %) over the hour.
        Workload(
            callersName: "proxy",
            scenario: BenchScenario(
                strategy:
                    #"{"name": "flagger", "kind": "flagger", "router": "ingress-nginx", "interval": "10m", "threshold": 5, "stepWeight": 10, "maxWeight": 50}"#
            )),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = BenchmarkOptions.parse(arguments, suite: "simulation", repetitions: 7) else { return 64 }
        var report = ThroughputReport()
        var checksum = 0.0
        var kindsMeasured: Set<String> = []
        for workload in workloads {
            guard let scenario = workload.scenario.decoded(suite: "simulation") else { return 70 }
            let kind = scenario.strategies[0].kind.name
            kindsMeasured.insert(kind)
            let timing = SimulationTiming(scenario, repetitions: options.repetitions, warmUp: true)
            checksum += timing.checksum
            let perRequest = timing.nanosecondsPerRequest
            report.rows.append(
                .init(
                    name: "\(kind) / \(workload.callersName)", requests: Int(timing.runs.last!.requests),
                    nsPerRequest: perRequest[0], medianNsPerRequest: perRequest[perRequest.count / 2],
                    peakRSSBytes: ResidentMemory.peakBytes()))
        }
        // A kind added to the registry without a workload would silently go unmeasured.
        for kind in StrategyRegistry.standard.names where !kindsMeasured.contains(kind) {
            FileHandle.standardError.write(Data("splitsim-bench simulation: no workload for kind \(kind)\n".utf8))
        }
        let picks: (report: RouterReport, checksum: UInt64)
        do {
            picks = try RouterBenchmark.measure(repetitions: options.repetitions)
        } catch {
            FileHandle.standardError.write(Data("splitsim-bench simulation: cannot build a policy: \(error)\n".utf8))
            return 70
        }
        let peakRSS = ResidentMemory.peakBytes()
        for row in picks.report.rows {
            report.rows.append(
                .init(
                    name: "router / \(row.name) / \(row.backends) backends", requests: nil,
                    nsPerRequest: row.pick.minimum, medianNsPerRequest: row.pick.median, peakRSSBytes: peakRSS))
        }
        let heading =
            "simulated requests per run: 1,000 rps for 1 h over 100,000 users; ns per request (min and median of "
            + "\(options.repetitions) runs after a warm-up); router rows: ns per pick"
        FileHandle.standardOutput.write(Data(report.render(options.format, heading: heading).utf8))
        FileHandle.standardError.write(Data("checksum \(checksum) \(picks.checksum)\n".utf8))
        return 0
    }
}
