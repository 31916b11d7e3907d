/// `splitsim trace`: one run's control events in order.
enum TraceCommand: Command {
    static let name = "trace"
    static let summary = "Show one run's control events in plain language (not built yet)"
    static let help = """
        Usage: splitsim trace FILE --strategy NAME [--run K] [--format text|json]

        Prints the control events of one run of one strategy (pods ready, steps, analysis,
        weight changes, abort, promotion), one per line.

        Not built yet in this version.

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        throw .notYetBuilt(name)
    }
}
