import Foundation
import SplitReport
import SplitSim

/// `splitsim sweep plan|run|merge`: a parameter study split into shards for a Kubernetes
/// Indexed Job, a SLURM array or a shell loop, and merged exactly once (DESIGN §6).
enum SweepCommand: Command {
    static let name = "sweep"
    static let summary = "Plan, run in shards and merge a parameter study"
    static let help = """
        Usage: splitsim sweep plan FILE --vary PATH=V1,V2,... [--vary ...] [--output PLAN.jsonl] [--yes]
               splitsim sweep run PLAN.jsonl (--shard I/N | --shards N) --output-dir DIR [--jobs J] [--quiet]
               splitsim sweep merge DIR [--format json|csv|html|markdown] [--output FILE]

        plan   writes one JSON line per point of the cartesian product of the --vary values
               (the last --vary varies fastest), with a stable id (p0000, p0001, ...) and the
               whole scenario, so a shard needs only the plan. PATH is a dotted scenario path
               such as analysis.interval, versions.candidate.fault.errorRate or
               strategies[1].steps[0].setWeight; a value is JSON if it parses as JSON (0.05,
               true), else a string (1m). Every point's scenario is checked before anything runs,
               and a point past compare's work limits needs --yes, as compare does.
        run    runs the points with index mod N == I and writes DIR/shard-I-of-N.jsonl whole
               after each point (temp file + rename); run again, it skips the points already
               there. With --shards N, I comes from JOB_COMPLETION_INDEX (a Kubernetes Indexed
               Job) or SLURM_ARRAY_TASK_ID.
        merge  checks that the shard files in DIR hold every planned point exactly once (else
               exit 65 naming the missing and duplicated ids) and writes the study: JSON
               {"plan", "points"} (the same bytes for any number of shards), CSV (a row per
               point and strategy), Markdown, or HTML with the operating-characteristic curves
               and the risk/cost Pareto view.

        Every point keeps the scenario's seed and runs unless the study varies them. Put first
        the condition you do not choose (the fault size, the traffic): it is the x axis of the
        curves, and the Pareto front compares the choices under the same condition.

        Exit status: 0 success, 64 usage error, 65 invalid scenario, point or shard file,
        66 input missing, 73 output cannot be created.

        Examples:
          splitsim sweep plan scenarios/sweep-fault-size.json \\
              --vary versions.candidate.fault.errorRate=0.01,0.02,0.05 \\
              --vary analysis.maxErrorRate=0.0075,0.01,0.02 --output plan.jsonl
          for i in 0 1 2; do splitsim sweep run plan.jsonl --shard $i/3 --output-dir results; done
          splitsim sweep merge results --output study.html

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        switch try arguments.verb(among: ["plan", "run", "merge"]) {
        case "plan": try plan(&arguments)
        case "run": try runShard(&arguments)
        default: try merge(&arguments)
        }
    }

    // MARK: - plan

    private static func plan(_ arguments: inout ArgumentList) throws(CLIError) {
        let varyTexts = try arguments.values(of: "--vary")
        let output = try arguments.value(of: "--output")
        let confirmed = arguments.flag("--yes")
        let files = try arguments.positionals(known: ["--vary", "--output", "--yes"])
        guard files.count == 1, let file = files.first else {
            throw arguments.usage("plan: expected one scenario FILE, found \(files.count)")
        }
        guard !varyTexts.isEmpty else {
            throw arguments.usage("plan: expected at least one --vary PATH=V1,V2,... such as analysis.interval=30s,1m")
        }
        var axes: [SweepAxis] = []
        for text in varyTexts {
            do {
                axes.append(try SweepAxis(parsing: text))
            } catch {
                throw arguments.usage("plan: \(error.description)")
            }
        }
        for (index, axis) in axes.enumerated() where axes[..<index].contains(where: { $0.path == axis.path }) {
            throw arguments.usage("plan: --vary \(axis.path) is given twice; expected each path once")
        }
        _ = try ScenarioFiles.load(file)
        let text = try ScenarioFiles.text(of: file, expected: "a JSON or YAML scenario")
        let plan: SweepPlan
        do {
            plan = try SweepPlan(file: file, scenarioText: text, axes: axes)
        } catch {
            switch error {
            case .tooManyPoints, .badVary: throw arguments.usage("plan: \(error.description)")
            default: throw .invalidScenario(error.description)
            }
        }
        if !confirmed {
            for index in 0..<plan.count {
                let point = plan.point(index)
                let scenario: Scenario
                do {
                    scenario = try plan.scenario(for: point)
                } catch {
                    throw .invalidScenario(error.description)
                }
                if let excess = WorkLimit.excess(of: [(scenario, [])]) {
                    throw arguments.usage("plan: point \(point.id): \(excess); give --yes to plan it anyway")
                }
            }
        }
        let lines = (0..<plan.count).map { SweepLines.plan(plan, point: plan.point($0)) + "\n" }.joined()
        if let output { try Console.write(lines, toFile: output) } else { Console.write(lines) }
    }

    // MARK: - run

    private static func runShard(_ arguments: inout ArgumentList) throws(CLIError) {
        let shardText = try arguments.value(of: "--shard")
        let shards = try arguments.integer("--shards", in: 1...100_000)
        let directory = try arguments.value(of: "--output-dir")
        let jobs = try arguments.integer("--jobs", in: 1...256) ?? 1
        let quiet = arguments.flag("--quiet")
        let files = try arguments.positionals(known: ["--shard", "--shards", "--output-dir", "--jobs", "--quiet"])
        guard files.count == 1, let planFile = files.first else {
            throw arguments.usage("run: expected one PLAN file, found \(files.count)")
        }
        guard let directory else { throw arguments.usage("run: expected --output-dir DIR for the shard file") }
        let (shard, count) = try Self.shard(shardText, shards: shards, arguments)

        let lines = try planLines(planFile)
        guard let first = lines.first else { throw .invalidScenario("\(planFile): the plan has no points") }
        let mine = lines.filter { $0.index % count == shard }
        let path = directory + "/shard-\(shard)-of-\(count).jsonl"
        try makeDirectory(directory)
        var written = try existingResults(path, fingerprint: first.fingerprint)
        let done = Set(written.map(\.index))
        let todo = mine.filter { !done.contains($0.index) }
        if !quiet && !done.isEmpty {
            Console.writeError(
                "splitsim sweep run: \(path) holds \(done.count) of \(mine.count) points; running the other \(todo.count)"
            )
        }
        var scenarios: [Scenario] = []
        for line in todo {
            do {
                scenarios.append(try line.scenario(in: planFile))
            } catch {
                throw .invalidScenario(error.description)
            }
        }
        let work = scenarios.map { $0.requestsToSimulate(strategies: $0.strategies.count) }
        let progress =
            quiet
            ? nil
            : ProgressLine.start(
                "splitsim sweep run", runs: scenarios.map { $0.runs * $0.strategies.count }, work: work, unit: "point")
        for (number, (line, scenario)) in zip(todo, scenarios).enumerated() {
            progress?.begin(scenario: number)
            let comparison = Comparison.run(scenario, jobs: jobs)
            written.append((line.index, SweepLines.result(of: line, comparison)))
            written.sort { $0.index < $1.index }
            try Console.write(written.map { $0.text + "\n" }.joined(), toFile: path)
            progress?.finish(runs: scenario.runs * scenario.strategies.count, work: work[number])
        }
        progress?.stop()
        if todo.isEmpty && mine.isEmpty {
            // An empty shard still says it ran, so that a merge can tell it from a lost one.
            try Console.write("", toFile: path)
        }
    }

    /// Shard `I` of `N`, from `--shard I/N` or from `--shards N` and the job's index.
    private static func shard(
        _ text: String?, shards: Int?, _ arguments: ArgumentList
    ) throws(CLIError) -> (index: Int, count: Int) {
        switch (text, shards) {
        case (let text?, nil):
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
                (0..<count).contains(index)
            else {
                throw arguments.usage("run: --shard \(text): expected I/N with 0 <= I < N, such as 0/4")
            }
            return (index, count)
        case (nil, let count?):
            let environment = ProcessInfo.processInfo.environment
            for variable in ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"] {
                guard let value = environment[variable] else { continue }
                guard let index = Int(value), (0..<count).contains(index) else {
                    throw arguments.usage(
                        "run: --shards \(count): \(variable) is \"\(value)\"; expected an index from 0 to \(count - 1)")
                }
                return (index, count)
            }
            throw arguments.usage(
                "run: --shards \(count) reads the shard index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID, and neither is set; give --shard I/\(count)"
            )
        case (_?, _?):
            throw arguments.usage("run: give --shard I/N or --shards N, not both")
        case (nil, nil):
            throw arguments.usage("run: expected --shard I/N, or --shards N with JOB_COMPLETION_INDEX set")
        }
    }

    /// The result lines a shard file already holds, for resuming; none when it does not exist.
    private static func existingResults(
        _ path: String, fingerprint: String
    ) throws(CLIError) -> [(index: Int, text: String)] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let lines = try sweepLines(of: path)
        for (number, entry) in lines.enumerated() where entry.line.fingerprint != fingerprint {
            throw .invalidScenario(
                "\(path):\(number + 1): written for another plan (\(entry.line.fingerprint), this one is \(fingerprint)); expected an empty directory or one of this plan's shards"
            )
        }
        return lines.map { ($0.line.index, $0.text) }
    }

    // MARK: - merge

    private static func merge(_ arguments: inout ArgumentList) throws(CLIError) {
        let explicitFormat = try arguments.value(of: "--format")
        let output = try arguments.value(of: "--output")
        let directories = try arguments.positionals(known: ["--format", "--output"])
        guard directories.count == 1, let directory = directories.first else {
            throw arguments.usage("merge: expected one DIR of shard files, found \(directories.count)")
        }
        let formats = ["json", "csv", "html", "markdown"]
        var format = explicitFormat ?? "json"
        if let explicitFormat, !formats.contains(explicitFormat) {
            throw arguments.usage(
                "merge: --format \(explicitFormat): expected one of \(formats.joined(separator: ", "))")
        }
        if explicitFormat == nil, let output {
            let inferred = try CompareCommand.format(of: output, arguments)
            guard formats.contains(inferred.rawValue) else {
                throw arguments.usage("merge: --output \(output): sweep merge writes .json, .csv, .html or .md")
            }
            format = inferred.rawValue
        }
        let (summary, fingerprint, results) = try collect(directory)
        let text: String
        switch format {
        case "csv": text = SweepCSVReport.render(summary)
        case "html": text = SweepHTMLReport.render(summary, version: SplitsimCommandLine.version)
        case "markdown": text = SweepMarkdownReport.render(summary)
        default: text = SweepLines.merged(summary, fingerprint: fingerprint, results: results)
        }
        if let output { try Console.write(text, toFile: output) } else { Console.write(text) }
    }

    /// Every result line of the shard files in `directory`, checked exactly once against the plan.
    private static func collect(
        _ directory: String
    ) throws(CLIError) -> (SweepSummary, fingerprint: String, results: [String]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .inputMissing("\(directory): no such directory")
        }
        let shardFiles = names.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".jsonl") }.sorted()
        guard !shardFiles.isEmpty else {
            throw .inputMissing("\(directory): no shard files (shard-I-of-N.jsonl); run 'splitsim sweep run' first")
        }
        var lines: [(line: SweepLine, text: String)] = []
        for name in shardFiles { lines += try sweepLines(of: directory + "/" + name) }
        guard let first = lines.first?.line else {
            throw .invalidScenario("\(directory): the shard files hold no points")
        }
        if let other = lines.first(where: { $0.line.fingerprint != first.fingerprint || $0.line.points != first.points }
        ) {
            throw .invalidScenario(
                "\(directory): the shard files come from two plans (\(first.fingerprint) and \(other.line.fingerprint)); expected the shards of one plan"
            )
        }
        var seen = [Int](repeating: 0, count: first.points)
        for entry in lines { seen[entry.line.index] += 1 }
        let missing = seen.indices.filter { seen[$0] == 0 }.map(SweepPoint.id)
        let duplicated = seen.indices.filter { seen[$0] > 1 }.map(SweepPoint.id)
        guard missing.isEmpty && duplicated.isEmpty else {
            throw .invalidScenario(
                "splitsim sweep merge: \(directory): "
                    + SweepError.notExactlyOnce(missing: missing, duplicated: duplicated).description)
        }
        lines.sort { $0.line.index < $1.line.index }
        var axes = first.vary.map { SweepSummary.Axis(path: $0.path, values: []) }
        for entry in lines {
            for (slot, value) in entry.line.vary.enumerated() where slot < axes.count {
                if !axes[slot].values.contains(value.value) { axes[slot].values.append(value.value) }
            }
        }
        let name: String
        if case .string(let text)? = first.node["name"]?.value { name = text } else { name = first.file }
        let summary = SweepSummary(
            file: first.file, name: name, axes: axes,
            points: lines.map { entry in
                SweepSummary.Point(
                    id: entry.line.id, index: entry.line.index, values: entry.line.vary.map(\.value),
                    strategies: entry.line.figures)
            })
        return (summary, first.fingerprint, lines.map(\.text))
    }

    // MARK: - Files

    /// The plan's lines, checked.
    private static func planLines(_ path: String) throws(CLIError) -> [SweepLine] {
        let lines = try sweepLines(of: path).map(\.line)
        if let first = lines.first,
            let stray = lines.first(where: { $0.fingerprint != first.fingerprint || $0.points != lines.count })
        {
            throw .invalidScenario(
                "\(path): line \(stray.index + 1) does not belong to a plan of \(lines.count) points; expected the file sweep plan wrote"
            )
        }
        return lines
    }

    /// Every line of a plan or shard file, parsed, with its text as written.
    private static func sweepLines(of path: String) throws(CLIError) -> [(line: SweepLine, text: String)] {
        let text = try ScenarioFiles.text(of: path, expected: "the JSON lines sweep writes")
        var lines: [(line: SweepLine, text: String)] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            do {
                lines.append((try SweepLine(parsing: String(line), file: path, number: number + 1), String(line)))
            } catch {
                throw .invalidScenario(error.description)
            }
        }
        return lines
    }

    private static func makeDirectory(_ path: String) throws(CLIError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateOutput("splitsim sweep run: cannot create \(path): \(error.localizedDescription)")
        }
    }
}
