import SplitSim

/// The size of a comparison above which `compare` asks for `--yes` (issue 16): a typo in a
/// duration or a rate should not quietly occupy a machine for hours.
enum WorkLimit {
    /// Production requests of a whole comparison, healthy twins aside.
    static let requests = 1e11
    /// Analysis scrapes and measurements in one run of one strategy.
    static let analysisTicks = 1e7

    /// Why the planned comparison needs `--yes`, or nil when it is within both limits.
    static func excess(of planned: [(scenario: Scenario, strategies: [String])]) -> String? {
        var requests = 0.0
        for (scenario, selected) in planned {
            let strategies = scenario.strategies.filter { selected.isEmpty || selected.contains($0.name) }
            requests += scenario.requestsToSimulate(strategies: strategies.count)
            for strategy in strategies {
                let ticks = scenario.analysisTicksPerRun(of: strategy)
                guard ticks <= analysisTicks else {
                    return
                        "\(scenario.file): the analysis of \(strategy.name) takes up to \(Self.amount(ticks)) scrapes and measurements per run, more than \(Self.amount(analysisTicks)) (a long duration or a short interval)"
                }
            }
        }
        guard requests <= Self.requests else {
            return
                "the comparison simulates up to \(Self.amount(requests)) requests, more than \(Self.amount(Self.requests)) (fewer runs, a shorter duration or a lower rate)"
        }
        return nil
    }

    /// A large count in words: `3.2 trillion`, `14 billion`, `12 million`.
    static func amount(_ value: Double) -> String {
        let scales: [(Double, String)] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
        for (scale, name) in scales where value >= scale {
            let scaled = value / scale
            let text = scaled >= 100 ? String(Int(scaled.rounded())) : String((scaled * 10).rounded() / 10)
            return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + " " + name
        }
        return String(Int(value.rounded()))
    }
}
