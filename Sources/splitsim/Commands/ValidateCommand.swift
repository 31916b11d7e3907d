/// `splitsim validate`: checks scenario files and reports every problem.
enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check scenario files and report every problem"
    static let help = """
        Usage: splitsim validate FILE ...

        Not built yet in this version.

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        throw .notYetBuilt(name)
    }
}
