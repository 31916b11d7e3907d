import SplitSim

/// The sentences that state what a scenario's figures assume.
enum AssumptionSentence {
    /// Who balances requests over the pods, e.g. "requests reach pods through a proxy that
    /// balances each request and sees endpoint changes after 1s".
    static func callers(_ callers: CallersSpec) -> String {
        switch callers {
        case .proxy(let endpointDelay):
            "requests reach pods through a proxy that balances each request and sees endpoint changes after \(endpointDelay)"
        case .clients(let idleTimeout):
            "each user's client keeps its own connection, pinned to a pod by kube-proxy until it closes"
                + (idleTimeout > .zero ? " or stays idle for \(idleTimeout)" : "")
        case .clusterIP(let pool):
            "requests reach pods over a pool of \(pool.instances) × \(pool.connectionsPerInstance) in-cluster connections, "
                + "pinned by kube-proxy and " + recycling(pool)
        }
    }

    /// `recycled after 1000 requests, at 5m of age, after 90s idle`, or `never recycled`.
    private static func recycling(_ pool: ConnectionPoolSpec) -> String {
        var limits: [String] = []
        if pool.maxRequestsPerConnection > 0 { limits.append("after \(pool.maxRequestsPerConnection) requests") }
        if pool.maxConnectionAge > .zero { limits.append("at \(pool.maxConnectionAge) of age") }
        if pool.idleTimeout > .zero { limits.append("after \(pool.idleTimeout) idle") }
        return limits.isEmpty ? "never recycled" : "recycled " + limits.joined(separator: ", ")
    }

    /// Every assumption of a scenario, in the order the reports list them.
    static func all(_ scenario: ScenarioComparison) -> [String] {
        [callers(scenario.callers)]
    }
}
