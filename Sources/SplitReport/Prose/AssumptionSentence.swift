import SplitSim

/// The sentences that state what a scenario's figures assume.
enum AssumptionSentence {
    /// Who balances requests over the pods, e.g. "requests reach pods through a proxy that
    /// balances each request and sees endpoint changes after 1s".
    static func callers(_ callers: CallersSpec) -> String {
        switch callers {
        case .proxy(let endpointDelay):
            "requests reach pods through a proxy that balances each request and sees endpoint changes after \(endpointDelay)"
        case .clients:
            "each user's client keeps its own connection, pinned to a pod by kube-proxy until it closes"
        }
    }

    /// Every assumption of a scenario, in the order the reports list them.
    static func all(_ scenario: ScenarioComparison) -> [String] {
        [callers(scenario.callers)]
    }
}
