/// `splitsim replicas`: one reconcile of the rollout controller.
enum ReplicasCommand: Command {
    static let name = "replicas"
    static let summary = "Compute the rollout controller's replica counts for a state (not built yet)"
    static let help = """
        Usage: splitsim replicas --replicas R --weight W [--max-surge X] [--max-unavailable Y]
                                 [--stable SPEC/AVAILABLE] [--canary SPEC/AVAILABLE]
                                 [--older SPEC/AVAILABLE] [--traffic-routing] [--format text|json]

        Not built yet in this version.

        """

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        throw .notYetBuilt(name)
    }
}
