import Foundation
import SplitSim

/// `splitsim-bench simulation`: whole-simulation throughput — nanoseconds per simulated
/// request, event loop and strategy logic included — for each kind of routing the engine has.
enum SimulationBenchmark {
    /// One workload: a scenario whose single strategy streams requests for a long time.
    struct Workload {
        let name: String
        let strategy: String
        /// The `traffic` keys that say who balances requests.
        let callers: String
    }

    static let proxy = #""callers": {"via": "proxy", "endpointDelay": "1s"}"#
    static let pool =
        #""callers": {"via": "cluster-ip", "instances": 20, "connectionsPerInstance": 4, "maxRequestsPerConnection": 1000}"#
    static func clients(_ requestsPerConnection: Int, idleTimeout: String = "0s") -> String {
        #""requestsPerConnection": \#(requestsPerConnection), "callers": {"via": "clients", "idleTimeout": "\#(idleTimeout)"}"#
    }

    static let workloads = [
        Workload(
            name: "per-request (ingress-nginx 10 %)",
            strategy:
                #"{"name": "l7", "kind": "service-split", "header": {"name": "x-canary", "value": "true"}, "cookie": "canary", "steps": [{"setWeight": 10}, {"pause": "2h"}]}"#,
            callers: proxy),
        Workload(
            name: "proxy (second Deployment)",
            strategy: #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2h"}]}"#,
            callers: proxy),
        Workload(
            name: "cluster-ip pool (second Deployment)",
            strategy: #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2h"}]}"#,
            callers: pool),
        Workload(
            name: "clients, 75 s idle timeout (second Deployment)",
            strategy: #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2h"}]}"#,
            callers: clients(20, idleTimeout: "75s")),
        Workload(
            name: "clients (second Deployment)",
            strategy: #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2h"}]}"#,
            callers: clients(20)),
        Workload(
            name: "clients, new connection each request",
            strategy: #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "2h"}]}"#,
            callers: clients(1)),
        Workload(
            name: "rolling update with analysis (proxy)",
            strategy: #"{"name": "roll", "kind": "rolling-update"}"#,
            callers: proxy),
    ]

    static func run(_ arguments: [String]) -> Int32 {
        let options: BenchmarkOptions
        switch BenchmarkOptions.parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error):
            FileHandle.standardError.write(Data("splitsim-bench simulation: \(error.message)\n".utf8))
            return 64
        }
        var rows: [(name: String, requests: Double, minimum: Double, median: Double, peakRSS: Int)] = []
        var checksum = 0.0
        for workload in workloads {
            let text = """
                {"name": "bench", "seed": 1, "runs": 1, "duration": "1h",
                 "traffic": {"rps": 1000, "users": 100000, \(workload.callers),
                             "headers": [{"name": "x-canary", "value": "true", "share": 0.001}],
                             "cookies": [{"name": "canary", "value": "always", "userShare": 0.01}]},
                 "cluster": {"replicas": 10, "podCapacityRps": 200, "podHourlyCost": 0.1},
                 "versions": {"stable": {"errorRate": 0.001}, "candidate": {"errorRate": 0.001}},
                 "analysis": {"interval": "1m", "maxErrorRate": 0.05, "initialDelay": "1m30s"},
                 "strategies": [\(workload.strategy)]}
                """
            guard let scenario = try? Scenario(decoding: text, file: "bench") else {
                FileHandle.standardError.write(
                    Data("splitsim-bench simulation: workload \(workload.name) does not decode\n".utf8))
                return 70
            }
            let traffic = Simulation.trafficModel(for: scenario)
            var perRequest: [Double] = []
            var requests = 0.0
            for repetition in 0...options.repetitions {
                let clock = ContinuousClock()
                let start = clock.now
                let result = Simulation.run(scenario.strategies[0], of: scenario, run: repetition, traffic: traffic)
                let elapsed = start.duration(to: clock.now)
                let nanoseconds =
                    Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9
                checksum += result.candidateUserRequests
                requests = result.requests
                // The first run warms caches and page tables.
                if repetition > 0 { perRequest.append(nanoseconds / max(result.requests, 1)) }
            }
            perRequest.sort()
            rows.append((workload.name, requests, perRequest[0], perRequest[perRequest.count / 2], Self.peakRSSBytes()))
        }
        switch options.format {
        case .json:
            let items = rows.map { row in
                #"{"name": "\#(row.name)", "requests": \#(Int(row.requests)), "nsPerRequest": \#(format(row.minimum)), "medianNsPerRequest": \#(format(row.median)), "requestsPerSecond": \#(Int(1e9 / row.minimum)), "peakRSSBytes": \#(row.peakRSS)}"#
            }
            print(#"{"results": ["# + items.joined(separator: ", ") + "]}")
        case .text:
            print(
                "simulated requests per run: 1,000 rps for 1 h; ns per request (min / median of \(options.repetitions) runs)"
            )
            for row in rows {
                let name = row.name.padding(toLength: 46, withPad: " ", startingAt: 0)
                print(
                    "\(name)  \(format(row.minimum)) / \(format(row.median)) ns   \(Int(1e9 / row.minimum / 1e6)) M requests/s"
                )
            }
        }
        FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
        return 0
    }

    /// The process's peak resident set so far, in bytes (Linux reports kilobytes, macOS bytes).
    private static func peakRSSBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) * 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)
        #endif
    }

    private static func format(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }
}
