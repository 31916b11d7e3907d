import SplitReport
import SplitSim

/// `splitsim compare`: runs every strategy of each scenario and compares them.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "Run each strategy of a scenario many times and compare them"
    /// Above this many simulated requests the command warns that it will take a while.
    static let longRunRequests = 3e9
    static let help = """
        Usage: splitsim compare [FILE|DIR ...] [--runs N] [--seed S] [--strategy NAME ...]
                                [--format table|markdown|json|csv|html] [--output PATH] [--jobs N]

        Runs every strategy of each scenario N times with seeded randomness and compares, side
        by side: traffic granularity (share asked, share the mechanism can set, share realised),
        user exposure to a faulty candidate (requests, users, time to detect and to roll back,
        escapes) and cost in pods (pod-hours, peak pods, money). Figures are the mean with the
        5th–95th percentile over runs. With no FILE, runs the built-in gateway example
        (\(BuiltInScenario.file)). A DIR means every *.json scenario in it.

        Options:
          --runs N          runs per strategy (default: the scenario's "runs")
          --seed S          seed (default: the scenario's "seed"); same seed, same output
          --strategy NAME   only this strategy; repeat for several
          --format F        table (default), markdown, json, csv or html
          --output PATH     write the report to PATH (whole or not at all) instead of stdout
          --jobs N          runs in parallel (default 1; results do not depend on it)

        Examples:
          splitsim compare
          splitsim compare scenarios/ --format markdown --output report.md
          splitsim compare scenarios/long-lived-connections.json --runs 50 --format json

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let runs = try arguments.integer("--runs", in: 1...10_000)
        let seed = try arguments.unsignedInteger("--seed")
        let strategyNames = try arguments.values(of: "--strategy")
        let format = try arguments.choice("--format", as: ReportFormat.self) ?? .table
        let output = try arguments.value(of: "--output")
        let jobs = try arguments.integer("--jobs", in: 1...256) ?? 1
        let paths = try arguments.positionals(known: [
            "--runs", "--seed", "--strategy", "--format", "--output", "--jobs",
        ])

        var scenarios: [Scenario] = []
        if paths.isEmpty {
            do {
                scenarios = [try BuiltInScenario.load()]
            } catch {
                throw .invalidScenario(error.description)
            }
        } else {
            for file in try ScenarioFiles.expand(paths) {
                guard !ScenarioFiles.isSchema(file) else {
                    throw .invalidScenario(
                        "\(file): this is the JSON Schema that describes scenarios, not a scenario; expected a scenario file such as \(BuiltInScenario.file)"
                    )
                }
                scenarios.append(try ScenarioFiles.load(file))
            }
        }
        if !strategyNames.isEmpty {
            let known = Set(scenarios.flatMap { $0.strategies.map(\.name) })
            for name in strategyNames where !known.contains(name) {
                var message =
                    "--strategy: no strategy named \"\(name)\"; expected one of: \(known.sorted().map { "\"\($0)\"" }.joined(separator: ", "))"
                if let near = ArgumentList.nearest(to: name, among: Array(known)) {
                    message += " (did you mean \"\(near)\"?)"
                }
                throw arguments.usage(message)
            }
        }

        var comparisons: [ScenarioComparison] = []
        for var scenario in scenarios {
            if let runs { scenario.runs = runs }
            if let seed { scenario.seed = seed }
            let selected = strategyNames.filter { name in scenario.strategies.contains { $0.name == name } }
            if !strategyNames.isEmpty && selected.isEmpty { continue }
            let requests = scenario.requestsToSimulate(
                strategies: selected.isEmpty ? scenario.strategies.count : selected.count)
            if requests > Self.longRunRequests {
                // About 20 ns per request on one core; say so before a long wait.
                let minutes = Int((requests * 20e-9 / Double(jobs) / 60).rounded(.up))
                Console.writeError(
                    "splitsim compare: \(scenario.file) simulates up to \(Int(requests / 1e9)) billion requests; this may take \(minutes) min or more (fewer --runs or a shorter duration is faster)"
                )
            }
            comparisons.append(Comparison.run(scenario, strategies: selected, jobs: jobs))
        }

        let report = format.render(comparisons, version: SplitsimCommandLine.version)
        if let output {
            try Console.write(report, toFile: output)
        } else {
            Console.write(report)
        }
    }
}
