import Dispatch

/// Runs every strategy of a scenario `runs` times and aggregates the figures.
public enum Comparison {
    /// Compares the strategies of `scenario`.
    ///
    /// Runs are handed to `jobs` threads one at a time as each finishes its last; each run's
    /// result lands in its own slot, so the output does not depend on the number of jobs or
    /// on scheduling.
    ///
    /// - Parameter strategies: names to keep; empty keeps all.
    public static func run(_ scenario: Scenario, strategies names: [String] = [], jobs: Int = 1) -> ScenarioComparison {
        let strategies = names.isEmpty ? scenario.strategies : scenario.strategies.filter { names.contains($0.name) }
        // A faulty candidate's healthy twin: the same scenario and seeds without the fault, to
        // count how often noise alone stops a good release (DESIGN §2, decision quality).
        var twin = scenario
        twin.versions.candidate.fault = nil
        let scenarios = scenario.versions.candidate.fault == nil ? [scenario] : [scenario, twin]
        let traffics = scenarios.map(Simulation.trafficModel(for:))
        let runs = scenario.runs
        let perScenario = strategies.count * runs
        let total = perScenario * scenarios.count
        let results = ResultSlots(count: total)
        let work: @Sendable (Int) -> Void = { index in
            let which = index / perScenario
            let slot = index % perScenario
            let strategy = strategies[slot / runs]
            results.store(
                Simulation.run(
                    strategy, of: scenarios[which], run: slot % runs, traffic: traffics[which], outcomeOnly: which > 0),
                at: index)
        }
        if jobs > 1 && total > 1 {
            let queue = WorkQueue(count: total)
            DispatchQueue.concurrentPerform(iterations: min(jobs, total)) { _ in
                while let index = queue.take() { work(index) }
            }
        } else {
            for index in 0..<total { work(index) }
        }
        let all = results.values
        let comparisons = strategies.enumerated().map { offset, strategy in
            let own = Array(all[offset * runs..<(offset + 1) * runs])
            let healthy =
                scenarios.count > 1 ? Array(all[perScenario + offset * runs..<perScenario + (offset + 1) * runs]) : own
            return aggregate(own, healthyTwin: healthy, strategy: strategy, scenario: scenario)
        }
        var comparison = ScenarioComparison(
            name: scenario.name, description: scenario.description, file: scenario.file,
            runs: runs, seed: scenario.seed, replicas: scenario.cluster.replicas,
            durationSeconds: scenario.duration.seconds, callers: scenario.traffic.callers,
            analyses: AnalysisUse.of(strategies), strategies: comparisons)
        comparison.recommendation = Recommendation.of(comparisons, policy: scenario.decisionPolicy)
        comparison.currency = scenario.cluster.currency
        return comparison
    }

    /// Aggregates a strategy's runs; `healthyTwin` are its runs without the fault (the runs
    /// themselves when the candidate is healthy).
    static func aggregate(
        _ runs: [RunResult], healthyTwin: [RunResult], strategy: StrategySpec, scenario: Scenario
    ) -> StrategyComparison {
        let count = Double(max(runs.count, 1))
        let fraction = { (outcome: RunOutcome) in Double(runs.filter { $0.outcome == outcome }.count) / count }
        let stats = { (figure: (RunResult) -> Double?) in SummaryStatistics(runs.compactMap(figure)) }
        let spec = strategy.kind.spec
        let plan = spec.granularity(replicas: scenario.cluster.replicas)
        let steps = plan.steps.enumerated().map { index, step in
            StepGranularity(
                label: step.label, requested: step.requested, effective: step.effective,
                realized: SummaryStatistics(runs.compactMap { $0.realizedShares[safe: index] ?? nil }),
                peak: SummaryStatistics(runs.compactMap { $0.stepPeaks[safe: index]??.share }),
                secondsAtPeak: SummaryStatistics(runs.compactMap { $0.stepPeaks[safe: index]??.seconds }))
        }
        var warnings = spec.warnings(in: scenario, plan: plan)
        for step in steps {
            if let realized = step.realized?.mean, step.effective > 0, realized < step.effective / 2 {
                warnings.append(.shareNotRealized(step: step.label, effective: step.effective, realized: realized))
            }
        }
        let measures = strategy.analysis.map { spec.runsAnalysis || $0.afterPromotion > .zero } ?? false
        if !measures, scenario.versions.candidate.fault != nil {
            warnings.append(.noAnalysis)
        }
        if measures, let metric = strategy.analysis?.metric, metric.window <= metric.scrapeInterval {
            warnings.append(.metricWindowTooShort(window: metric.window, scrapeInterval: metric.scrapeInterval))
        }
        let escaped = Double(runs.filter(\.escaped).count) / count
        if escaped > 0 {
            warnings.append(.faultEscaped(runShare: escaped))
        }
        let incomplete = fraction(.incomplete)
        if incomplete > 0 {
            warnings.append(.runsIncomplete(runShare: incomplete))
        }
        let paused = fraction(.paused)
        if paused > 0 {
            warnings.append(.runsPaused(runShare: paused))
        }
        let unmeasured =
            Double(
                runs.filter { $0.outcome == .promoted && $0.analysisMeasurements > 0 && $0.measurementsWithData == 0 }
                    .count) / count
        if unmeasured > 0 {
            warnings.append(.promotedUnmeasured(runShare: unmeasured))
        }
        let starved = Double(healthyTwin.filter(\.abortedWithoutData).count) / Double(max(healthyTwin.count, 1))
        if starved > 0, let analysis = strategy.analysis {
            warnings.append(.abortedWithoutData(runShare: starved, minRequests: analysis.minRequests))
        }
        return StrategyComparison(
            name: strategy.name,
            kind: strategy.kind.name,
            outcome: .init(
                promoted: fraction(.promoted), aborted: fraction(.aborted), paused: paused, incomplete: incomplete),
            granularity: Granularity(
                minCandidateShare: plan.minShare, steps: steps, peakCandidateShare: stats { $0.peakCandidateShare }),
            exposure: .init(
                candidateUserRequests: stats { $0.candidateUserRequests },
                failedUserRequests: stats { $0.failedUserRequests },
                usersExposed: stats { $0.usersExposed },
                usersFailed: stats { $0.usersFailed },
                detectionSeconds: stats { $0.detectionSeconds },
                rollbackSeconds: stats { $0.rollbackSeconds },
                escaped: escaped,
                smokeRequests: stats { $0.smokeRequests },
                mirroredRequests: stats { $0.mirroredRequests },
                excessFailedUserRequests: stats { $0.excessFailedUserRequests },
                baselineFailedUserRequests: stats { $0.baselineFailedUserRequests },
                usersExposedShare: stats { $0.usersExposedShare },
                usersFailedShare: stats { $0.usersFailedShare }),
            cost: .init(
                podSeconds: stats { $0.podSeconds },
                extraPodSeconds: stats { $0.extraPodSeconds },
                peakPods: stats { $0.peakPods },
                money: stats { $0.money },
                underCapacitySeconds: stats { $0.underCapacitySeconds }),
            availability: .init(
                underCapacitySeconds: stats { $0.underCapacitySeconds },
                noReadyPodSeconds: stats { $0.noReadyPodSeconds },
                capacityFailedRequests: stats { $0.capacityFailedRequests }),
            durationSeconds: stats { $0.durationSeconds },
            usersSawBoth: stats { $0.usersSawBoth },
            decision: Decision.of(runs, healthyTwin: healthyTwin, faulty: scenario.versions.candidate.fault != nil),
            warnings: warnings
        )
    }
}

/// Per-run result slots written from several threads, each slot by one run only.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [RunResult?]
    private let lock = DispatchQueue(label: "splitsim.results")

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: RunResult, at index: Int) {
        lock.sync { slots[index] = result }
    }

    var values: [RunResult] {
        lock.sync { slots.compactMap { $0 } }
    }
}
