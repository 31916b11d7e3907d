import SplitSim

/// Wall time of whole runs of a scenario's only strategy, event loop and strategy logic
/// included.
///
/// Run *k* draws from random stream *k*, so the repetitions time different traffic of the same
/// shape rather than one lucky stream.
struct SimulationTiming {
    /// One timed run.
    struct Run {
        var nanoseconds: Double
        /// Production requests the run simulated.
        var requests: Double
    }

    private(set) var runs: [Run] = []
    /// Candidate requests summed over all runs, printed so that the optimizer must keep them.
    private(set) var checksum = 0.0

    /// Times `repetitions` runs of `scenario`, after one untimed run when `warmUp` is set: that
    /// run fills caches and page tables, which matters for short runs.
    init(_ scenario: Scenario, repetitions: Int, warmUp: Bool) {
        let traffic = Simulation.trafficModel(for: scenario)
        let clock = ContinuousClock()
        for run in (warmUp ? 0 : 1)...repetitions {
            let start = clock.now
            let result = Simulation.run(scenario.strategies[0], of: scenario, run: run, traffic: traffic)
            let elapsed = start.duration(to: clock.now)
            checksum += result.candidateUserRequests
            if run > 0 { runs.append(Run(nanoseconds: elapsed.nanoseconds, requests: result.requests)) }
        }
    }

    /// Nanoseconds per simulated request of each timed run, fastest first.
    var nanosecondsPerRequest: [Double] {
        runs.map { $0.nanoseconds / max($0.requests, 1) }.sorted()
    }

    /// The fastest run's wall time in seconds: the least disturbed one on a shared machine.
    var minimumSeconds: Double {
        runs.map(\.nanoseconds).min()! / 1e9
    }
}
