/// `splitsim compare`: runs every strategy of each scenario and compares them.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "Run each strategy of a scenario many times and compare them (not built yet)"
    static let help = """
        Usage: splitsim compare [FILE|DIR ...] [--runs N] [--seed S] [--strategy NAME ...]
                                [--format table|markdown|json|csv|html] [--output PATH] [--jobs N]

        Runs every strategy of each scenario N times with seeded randomness and compares traffic
        granularity, user exposure to a faulty candidate and cost in pods. With no FILE, runs the
        built-in gateway example.

        Not built yet in this version.

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        throw .notYetBuilt(name)
    }
}
