/// The top level of the tool: picks the command, runs it, and renders any error once.
enum SplitsimCommandLine {
    /// The tool's version, reported by `--version` and in JSON output.
    static let version = "0.1.0"

    /// Every command, in the order `help` lists them.
    static var commands: [any Command.Type] {
        [
            CompareCommand.self,
            ValidateCommand.self,
            TraceCommand.self,
            RouteCommand.self,
            ReplicasCommand.self,
            ExplainCommand.self,
            InitCommand.self,
            ImportCommand.self,
            SweepCommand.self,
            HelpCommand.self,
        ]
    }

    /// Runs the tool on the arguments after the program name and returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            try dispatch(arguments)
            return 0
        } catch {
            if case .reported = error {} else { Console.writeError(error.description) }
            return error.exitCode
        }
    }

    private static func dispatch(_ arguments: [String]) throws(CLIError) {
        guard let first = arguments.first else {
            Console.write(overview)
            return
        }
        switch first {
        case "--help", "-h":
            Console.write(overview)
            return
        case "--version", "-V", "version":
            Console.write("splitsim \(version)\n")
            return
        default:
            break
        }
        guard let command = command(named: first) else {
            var message = "splitsim: unknown command \"\(first)\""
            if let near = ArgumentList.nearest(to: first, among: commands.map { $0.name }) {
                message += "; did you mean \"\(near)\"?"
            }
            throw .usage(message + "; run 'splitsim --help' for the list")
        }
        var list = ArgumentList(command: command.name, arguments: Array(arguments.dropFirst()))
        if list.wantsHelp() {
            Console.write(command.help)
            return
        }
        try command.run(&list)
    }

    /// The command with the given name, if any.
    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
    }

    /// The text of `splitsim --help`.
    static var overview: String {
        var text = """
            splitsim \(version) — simulate and compare how Kubernetes progressive-delivery strategies
            split traffic: granularity, user exposure to a bad release, and cost in pods.

            Usage: splitsim COMMAND [OPTIONS]

            Commands:

            """
        let width = commands.map { $0.name.count }.max() ?? 0
        for command in commands {
            text +=
                "  " + command.name + String(repeating: " ", count: width - command.name.count + 2)
                + command.summary + "\n"
        }
        text += """

            Run 'splitsim help COMMAND' for a command's options; 'splitsim --version' for the version.
            Exit status: 0 success, 64 usage error, 65 invalid scenario, 66 input missing,
            73 output cannot be created.

            """
        return text
    }
}
