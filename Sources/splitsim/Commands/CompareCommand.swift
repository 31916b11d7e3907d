import Foundation
import SplitReport
import SplitSim

/// `splitsim compare`: runs every strategy of each scenario and compares them.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "Run each strategy of a scenario many times and compare them"
    /// Above this many simulated requests the command warns that it will take a while.
    static let longRunRequests = 3e9
    static let help = """
        Usage: splitsim compare [FILE|DIR|- ...] [--runs N] [--seed S] [--strategy NAME ...]
                                [--format table|markdown|json|csv|html] [--output PATH] [--jobs N]
                                [--assert 'STRATEGY: PATH OP NUMBER' ...] [--quiet]
           or: splitsim compare MANIFEST|DIR ... --base SCENARIO [options]

        Runs every strategy of each scenario N times with seeded randomness and compares, side
        by side: traffic granularity (share asked, share the mechanism can set, share realised),
        user exposure to a faulty candidate (requests, users, time to detect and to roll back,
        escapes) and cost in pods (pod-hours, peak pods, money). Figures are the mean with the
        5th–95th percentile over runs. With no FILE, runs the built-in gateway example
        (\(BuiltInScenario.file)). A DIR means every *.json, *.yaml and *.yml scenario in it;
        - reads one scenario from standard input (named stdin in reports and errors).

        Options:
          --runs N          runs per strategy (default: the scenario's "runs")
          --seed S          seed (default: the scenario's "seed"); same seed, same output
          --strategy NAME   only this strategy; repeat for several
          --format F        table, markdown, json, csv or html (default: from the --output
                            name's extension .txt, .md, .json, .csv or .html; else table)
          --output PATH     write the report to PATH (whole or not at all) instead of stdout
          --jobs N          runs in parallel (default 1; results do not depend on it)
          --assert A        a gate for pipelines, 'STRATEGY: PATH OP NUMBER': STRATEGY a strategy
                            name or * (every strategy), PATH a dotted path in the strategy's
                            object of --format json (exposure.usersFailed.p95, outcome.aborted,
                            cost.peakPods.max), OP one of < <= > >= ==. Repeatable. Each failed
                            assertion prints one line to stderr and the exit status is 1; a
                            figure no run produced (null) fails. The report is written anyway.
          --quiet           no notes on stderr (errors and failed assertions still print)
          --estimate        time one run of each strategy and print how long the comparison would take
          --yes             run a comparison past the work limits: more than 100 billion requests,
                            or more than 10 million analysis scrapes and measurements in one run
          --base SCENARIO   the FILEs are Kubernetes manifests: import them onto this
                            scenario's traffic, cluster and versions as splitsim import does
                            (its notes go to stderr) and compare the strategies they describe

        While it works, and stderr is a terminal, a progress line shows the scenarios and runs
        done, the time elapsed and an estimate of the time left.

        Exit status: 0 success (every assertion holds), 1 an assertion failed, 64 usage error
        (a malformed assertion, an unknown strategy or path, work past the limits without --yes),
        65 invalid scenario, 66 input missing, 73 output cannot be created.

        Examples:
          splitsim compare
          splitsim compare scenarios/ --output report.md
          splitsim compare scenarios/long-lived-connections.json --runs 50 --format json
          splitsim compare scenarios/x.json --runs 20 --assert '*: exposure.usersFailed.p95 <= 50' \\
              --output report.html
          splitsim init | splitsim compare - --runs 2

        """

    /// Times one run of every strategy (healthy twins included) and scales it to the
    /// scenario's runs: aborted releases stop early, so a pilot beats counting requests.
    static func estimate(_ planned: [(scenario: Scenario, strategies: [String])], jobs: Int) -> String {
        var lines: [String] = []
        var total = 0.0
        for (scenario, selected) in planned {
            var pilot = scenario
            pilot.runs = 1
            let clock = ContinuousClock()
            let start = clock.now
            _ = Comparison.run(pilot, strategies: selected)
            let elapsed = start.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let estimated =
                seconds * Double(scenario.runs)
                / Double(max(min(jobs, ProcessInfo.processInfo.activeProcessorCount), 1))
            total += estimated
            let twin = scenario.versions.candidate.fault == nil ? "" : ", healthy twins included"
            lines.append(
                "\(scenario.file): \(scenario.runs) run\(scenario.runs == 1 ? "" : "s")\(twin): about \(Self.seconds(estimated))"
            )
        }
        lines.append("total: about \(Self.seconds(total)) with --jobs \(jobs)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded(.up))) ms" : "\(Int(value.rounded(.up))) s"
    }

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let runs = try arguments.integer("--runs", in: 1...10_000)
        let seed = try arguments.unsignedInteger("--seed")
        let strategyNames = try arguments.values(of: "--strategy")
        let explicitFormat = try arguments.choice("--format", as: ReportFormat.self)
        let output = try arguments.value(of: "--output")
        let jobs = try arguments.integer("--jobs", in: 1...256) ?? 1
        let assertionTexts = try arguments.values(of: "--assert")
        let quiet = arguments.flag("--quiet")
        let estimateOnly = arguments.flag("--estimate")
        let confirmed = arguments.flag("--yes")
        let base = try arguments.value(of: "--base")
        let paths = try arguments.positionals(known: [
            "--runs", "--seed", "--strategy", "--format", "--output", "--jobs", "--assert", "--quiet", "--estimate",
            "--base", "--yes",
        ])
        var format = explicitFormat ?? .table
        if explicitFormat == nil, let output { format = try Self.format(of: output, arguments) }
        let assertions = try Self.assertions(assertionTexts, arguments)

        let scenarios: [Scenario]
        if let base {
            guard !paths.isEmpty else { throw arguments.usage("--base: expected the MANIFEST files to import") }
            let imported = try ImportCommand.importScenario(paths, base: base, file: paths.joined(separator: ", "))
            if !quiet { for line in imported.lines { Console.writeError(line) } }
            scenarios = [imported.scenario]
        } else {
            scenarios = try Self.load(paths)
        }
        let known = scenarios.flatMap { $0.strategies.map(\.name) }
        for name in strategyNames where !known.contains(name) {
            throw arguments.usage("--strategy: " + Self.noStrategy(named: name, among: known))
        }
        try Self.checkStrategies(of: assertions, among: known, selected: strategyNames, arguments)

        var planned: [(scenario: Scenario, strategies: [String])] = []
        for var scenario in scenarios {
            if let runs { scenario.runs = runs }
            if let seed { scenario.seed = seed }
            let selected = strategyNames.filter { name in scenario.strategies.contains { $0.name == name } }
            if !strategyNames.isEmpty && selected.isEmpty { continue }
            planned.append((scenario, selected))
        }
        let counts = planned.map { $0.strategies.isEmpty ? $0.scenario.strategies.count : $0.strategies.count }
        let work = zip(planned, counts).map { $0.scenario.requestsToSimulate(strategies: $1) }
        if estimateOnly {
            Console.write(Self.estimate(planned, jobs: jobs))
            return
        }
        if !confirmed, let excess = WorkLimit.excess(of: planned) {
            throw arguments.usage(
                excess + "; run with --yes to simulate it anyway, or --estimate to see how long it would take")
        }
        let progress =
            quiet
            ? nil
            : ProgressLine.start(
                "splitsim compare", runs: zip(planned, counts).map { $0.scenario.runs * $1 }, work: work)
        var comparisons: [ScenarioComparison] = []
        for (index, (scenario, selected)) in planned.enumerated() {
            progress?.begin(scenario: index)
            if work[index] > Self.longRunRequests && !quiet {
                // About 20 ns per request on one core; say so before a long wait.
                let minutes = Int((work[index] * 20e-9 / Double(jobs) / 60).rounded(.up))
                let note =
                    "splitsim compare: \(scenario.file) simulates up to \(Int(work[index] / 1e9)) billion requests, up to \(minutes) min; less when releases stop early (--estimate times one run of each strategy)"
                if let progress { progress.note(note) } else { Console.writeError(note) }
            }
            comparisons.append(Comparison.run(scenario, strategies: selected, jobs: jobs))
            progress?.finish(runs: scenario.runs * counts[index], work: work[index])
        }
        progress?.stop()

        let report = format.render(comparisons, version: SplitsimCommandLine.version)
        if let output {
            try Console.write(report, toFile: output)
        } else {
            Console.write(report)
        }
        guard !assertions.isEmpty else { return }
        let json = format == .json ? report : JSONReport.render(comparisons, version: SplitsimCommandLine.version)
        try Self.evaluate(assertions, on: json, namingFiles: comparisons.count > 1, arguments)
    }

    /// The scenarios the FILE|DIR|- arguments name, or the built-in one when there are none.
    private static func load(_ paths: [String]) throws(CLIError) -> [Scenario] {
        guard !paths.isEmpty else {
            do {
                return [try BuiltInScenario.load()]
            } catch {
                throw .invalidScenario(error.description)
            }
        }
        var scenarios: [Scenario] = []
        for file in try ScenarioFiles.expand(paths) {
            guard !ScenarioFiles.isSchema(file) else {
                throw .invalidScenario(
                    "\(file): this is the JSON Schema that describes scenarios, not a scenario; expected a scenario file such as \(BuiltInScenario.file)"
                )
            }
            scenarios.append(try ScenarioFiles.load(file))
        }
        return scenarios
    }

    /// The report format an `--output` name's extension implies.
    static func format(of path: String, _ arguments: ArgumentList) throws(CLIError) -> ReportFormat {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let formats: [(String, ReportFormat)] = [
            (".json", .json), (".md", .markdown), (".csv", .csv), (".html", .html), (".txt", .table),
        ]
        let found = dot.map { name[$0...].lowercased() }
        if let found, let format = formats.first(where: { $0.0 == found })?.1 { return format }
        let what = found.map { "its extension \($0)" } ?? "its name (no extension)"
        throw arguments.usage(
            "--output \(path): cannot tell the format from \(what); name it "
                + formats.dropLast().map(\.0).joined(separator: ", ") + " or \(formats.last?.0 ?? ""), or give --format"
        )
    }

    /// Parses the `--assert` values and checks each path against the shape of the JSON report,
    /// before anything is simulated.
    private static func assertions(_ texts: [String], _ arguments: ArgumentList) throws(CLIError) -> [Assertion] {
        guard !texts.isEmpty else { return [] }
        let shape = StrategyJSONShape.object()
        var assertions: [Assertion] = []
        for text in texts {
            let assertion: Assertion
            do {
                assertion = try Assertion(parsing: text)
            } catch {
                throw arguments.usage("--assert '\(text)': \(error.description)")
            }
            if let shape {
                try checkPath(
                    of: assertion, in: PathResolution.resolve(assertion.path, in: shape, emptyListsAccept: true),
                    arguments)
            }
            assertions.append(assertion)
        }
        return assertions
    }

    /// Throws the usage error for a path that names nothing, or something other than a number.
    private static func checkPath(
        of assertion: Assertion, in resolution: PathResolution, _ arguments: ArgumentList
    ) throws(CLIError) {
        switch resolution {
        case .number, .null:
            return
        case .nothing(let index, let reason):
            let segment = assertion.path[...index].joined(separator: ".")
            throw arguments.usage("--assert '\(assertion.text)': \(segment): \(reason)")
        case .notANumber(let what):
            throw arguments.usage(
                "--assert '\(assertion.text)': \(assertion.pathText) is \(what), not a number; expected a path to a number"
            )
        }
    }

    /// Throws the usage error for an assertion about a strategy no scenario has, or one that
    /// `--strategy` leaves out.
    private static func checkStrategies(
        of assertions: [Assertion], among known: [String], selected: [String], _ arguments: ArgumentList
    ) throws(CLIError) {
        for assertion in assertions {
            guard let name = assertion.strategy else { continue }
            guard known.contains(name) else {
                throw arguments.usage("--assert '\(assertion.text)': " + noStrategy(named: name, among: known))
            }
            guard selected.isEmpty || selected.contains(name) else {
                throw arguments.usage(
                    "--assert '\(assertion.text)': strategy \"\(name)\" is not compared; --strategy selects only "
                        + selected.map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
    }

    /// The message for a strategy name no scenario has, with a did-you-mean.
    private static func noStrategy(named name: String, among known: [String]) -> String {
        let names = Set(known).sorted()
        var message =
            "no strategy named \"\(name)\"; expected one of: \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
        if let near = ArgumentList.nearest(to: name, among: names) {
            message += " (did you mean \"\(near)\"?)"
        }
        return message
    }

    /// Checks every assertion against every strategy it is about in the JSON report; prints one
    /// line per failure and throws exit status 1 when any failed.
    private static func evaluate(
        _ assertions: [Assertion], on json: String, namingFiles: Bool, _ arguments: ArgumentList
    ) throws(CLIError) {
        guard let strategies = ReportJSON.strategies(in: json) else {
            Console.writeError("splitsim compare: --assert: the JSON report does not read back; this is a bug")
            throw .reported(exitCode: 70)
        }
        var failures: [String] = []
        for assertion in assertions {
            for strategy in strategies where assertion.applies(to: strategy.name) {
                let resolution = PathResolution.resolve(assertion.path, in: strategy.object)
                try checkPath(of: assertion, in: resolution, arguments)
                let value: Double?
                switch resolution {
                case .number(let number): value = number
                default: value = nil
                }
                if let value, assertion.comparison.holds(value, assertion.bound) { continue }
                failures.append(
                    assertion.failure(
                        strategy: strategy.name, scenario: namingFiles ? strategy.file : nil, value: value))
            }
        }
        guard !failures.isEmpty else { return }
        for line in failures { Console.writeError(line) }
        throw .reported(exitCode: 1)
    }
}
