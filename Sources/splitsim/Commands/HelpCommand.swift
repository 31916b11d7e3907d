/// `splitsim help [COMMAND]`: the overview or one command's help.
enum HelpCommand: Command {
    static let name = "help"
    static let summary = "Show the help of a command"
    static let help = """
        Usage: splitsim help [COMMAND]

        Shows the list of commands, or the options of COMMAND.

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let words = try arguments.positionals()
        guard let word = words.first else {
            Console.write(SplitsimCommandLine.overview)
            return
        }
        guard words.count == 1 else { throw arguments.usage("expected at most one command name") }
        guard let command = SplitsimCommandLine.command(named: word) else {
            var message = "unknown command \"\(word)\""
            if let near = ArgumentList.nearest(to: word, among: SplitsimCommandLine.commands.map { $0.name }) {
                message += "; did you mean \"\(near)\"?"
            }
            throw arguments.usage(message)
        }
        Console.write(command.help)
    }
}
