import SplitSim

/// `splitsim validate`: checks scenario files and reports every problem.
enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check scenario files and report every problem"
    static let help = """
        Usage: splitsim validate FILE|DIR ...

        Decodes and validates each scenario file (a DIR means its *.json files) and prints every problem, one line each:
          FILE: json.path: what is wrong; what is expected
        Prints "FILE: ok (N strategies)" for a valid file. Exits 65 when a file is invalid,
        66 when one is missing.

        Example:
          splitsim validate scenarios/*.json

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let paths = try arguments.positionals()
        guard !paths.isEmpty else { throw arguments.usage("expected at least one scenario FILE") }
        var status: Int32 = 0
        for path in paths {
            let files: [String]
            do {
                files = try ScenarioFiles.expand([path])
            } catch {
                Console.writeError(error.description)
                status = max(status, error.exitCode)
                continue
            }
            for file in files {
                if ScenarioFiles.isSchema(file) {
                    Console.write("\(file): skipped (the JSON Schema for editors, not a scenario)\n")
                    continue
                }
                do {
                    let scenario = try ScenarioFiles.load(file)
                    Console.write("\(file): ok (\(scenario.strategies.count) strategies)\n")
                } catch {
                    Console.writeError(error.description)
                    // A missing file (66) outranks an invalid one (65).
                    status = max(status, error.exitCode)
                }
            }
        }
        if status != 0 { throw .reported(exitCode: status) }
    }
}
