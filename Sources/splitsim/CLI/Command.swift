/// One `splitsim` subcommand.
///
/// Commands parse their own arguments and throw ``CLIError``; `main` renders the error
/// once and exits with its status.
protocol Command {
    /// The word that selects the command, e.g. `compare`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full help text: synopsis, options and an example.
    static var help: String { get }
    /// Runs the command with the arguments that follow its name.
    static func run(_ arguments: inout ArgumentList) throws(CLIError)
}
