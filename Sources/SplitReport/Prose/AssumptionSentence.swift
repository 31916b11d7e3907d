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

    /// How an analysis reads the metric and what it does without data, and the external
    /// watchdog when there is one, e.g. "analysis of every strategy reads Prometheus samples
    /// scraped every 30s over a 1m window, and counts a measurement without data as an error".
    static func analysis(_ use: AnalysisUse) -> String {
        let spec = use.spec
        let whose = use.coversAll ? "every strategy" : use.strategies.joined(separator: ", ")
        let noData =
            switch spec.noData {
            case .error: "an error (\(spec.consecutiveErrorLimit + 1) in a row abort)"
            case .success: "a success (an unmeasured canary passes)"
            case .inconclusive: "inconclusive (the rollout pauses)"
            }
        let guardText = spec.minRequests > 1 ? " (fewer than \(spec.minRequests) requests)" : ""
        let metric =
            "Prometheus samples scraped every \(spec.metric.scrapeInterval) over a \(spec.metric.window) window"
        var sentence: String
        switch use.style {
        case .analysisRun:
            sentence =
                "analysis of \(whose) reads \(metric), and counts a measurement without data\(guardText) as \(noData)"
        case .flaggerChecks:
            sentence =
                "Flagger's checks of \(whose) read \(metric); a check without data\(guardText) fails, "
                + "and threshold failed checks roll back"
        }
        if spec.afterPromotion > .zero {
            sentence +=
                "; an external watchdog, not Argo Rollouts or Flagger behaviour, keeps measuring for "
                + "\(spec.afterPromotion) after full promotion and rolls back on failure"
        }
        return sentence
    }

    /// Every assumption of a scenario, in the order the reports list them.
    static func all(_ scenario: ScenarioComparison) -> [String] {
        [callers(scenario.callers)] + scenario.analyses.map(analysis)
    }
}
