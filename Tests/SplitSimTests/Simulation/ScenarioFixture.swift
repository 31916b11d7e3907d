@testable import SplitSim

/// Builds small scenarios for simulation tests from a strategy and a few overrides.
enum ScenarioFixture {
    /// A scenario with one strategy; the strings are spliced into the JSON as written.
    static func make(
        strategy: String,
        replicas: Int = 10,
        rps: Double = 100,
        users: Int = 10_000,
        requestsPerConnection: Double = 1,
        callers: String? = nil,
        duration: String = "30m",
        runs: Int = 1,
        seed: UInt64 = 42,
        startup: String = "30s",
        shutdown: String = "30s",
        candidate: String = #"{"errorRate": 0}"#,
        stable: String = #"{"errorRate": 0}"#,
        analysis: String = "null",
        extraTraffic: String = "",
        capacity: String = ""
    ) throws -> Scenario {
        // Without `callers`, each user's client keeps its own connection, as these tests assume.
        let callersText =
            callers.map { #""callers": \#($0)"# }
            ?? #""requestsPerConnection": \#(requestsPerConnection), "callers": {"via": "clients", "idleTimeout": "0s"}"#
        let text = """
            {"name": "fixture", "seed": \(seed), "runs": \(runs), "duration": "\(duration)",
             "traffic": {"rps": \(rps), "users": \(users), \(callersText)\(extraTraffic)},
             "cluster": {"replicas": \(replicas), "podStartup": "\(startup)", "podShutdown": "\(shutdown)", "podHourlyCost": 0.1, "podStartupJitter": 0, "podShutdownJitter": 0\(capacity)},
             "versions": {"stable": \(stable), "candidate": \(candidate)},
             "analysis": \(analysis),
             "strategies": [\(strategy)]}
            """
        return try Scenario(decoding: text, file: "fixture.json")
    }

    /// Runs the scenario's only strategy once.
    static func run(_ scenario: Scenario, run: Int = 0, tracing: Bool = false) -> RunResult {
        Simulation.run(
            scenario.strategies[0], of: scenario, run: run,
            traffic: Simulation.trafficModel(for: scenario), tracing: tracing)
    }

    /// Four standard deviations of a binomial proportion: the tolerance of a share
    /// estimated from `trials` independent requests.
    static func binomialBound(share: Double, trials: Double) -> Double {
        4 * (share * (1 - share) / max(trials, 1)).squareRoot()
    }
}
