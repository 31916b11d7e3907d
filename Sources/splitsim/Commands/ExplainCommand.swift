enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "(not built yet)"
    static let help = "Not built yet.\n"

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        throw .notYetBuilt(name)
    }
}
