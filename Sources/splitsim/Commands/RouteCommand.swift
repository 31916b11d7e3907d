/// `splitsim route`: how a routing policy distributes requests over backends.
enum RouteCommand: Command {
    static let name = "route"
    static let summary = "Show how a routing policy distributes requests (not built yet)"
    static let help = """
        Usage: splitsim route --policy random|alias|smooth-wrr|edf|ring-hash|maglev|split-clients
                              --backends a=5,b=1,c=1 [--count N] [--seed S] [--keys K1,K2,...]

        Not built yet in this version.

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        throw .notYetBuilt(name)
    }
}
