/// Which strategy a scenario's figures recommend, and why, in terms a reader can check against
/// the table (DESIGN §2): the Pareto front over users failed, false-abort rate, extra cost and
/// duration, and one strategy picked by the scenario's priorities.
public struct Recommendation: Sendable, Equatable {
    /// Why the strategy was picked; `SplitReport` writes the sentence.
    public enum Reason: Sendable, Equatable {
        /// It had the best mean of `priority` among those still in the running, ahead of
        /// `runnerUp`'s `runnerUpValue`.
        case best(DecisionPolicy.Priority, value: Double, runnerUp: String, runnerUpValue: Double)
        /// It tied on these priorities with these strategies: their p5–p95 ranges overlap.
        case tied([DecisionPolicy.Priority], with: [String])
        /// Its false-abort rate over `healthyRuns` healthy runs (0 runs: the scenario's own).
        case falseAborts(rate: Double, healthyRuns: Int, limit: Double)
        /// These strategies stop more healthy releases than the limit allows.
        case excludedForFalseAborts([String], limit: Double)
    }

    /// The recommended strategy's name.
    public var strategy: String
    /// The strategies no other beats on all four figures at once, in the scenario's order.
    public var paretoFront: [String]
    /// Two to four reasons, most decisive first.
    public var reasons: [Reason]

    /// Creates a recommendation.
    public init(strategy: String, paretoFront: [String], reasons: [Reason]) {
        self.strategy = strategy
        self.paretoFront = paretoFront
        self.reasons = reasons
    }

    /// The recommendation for `strategies` under `policy`; nil without strategies.
    ///
    /// Strategies above `maxFalseAbortRate` drop out while another stays within it. Then each
    /// priority in turn keeps the strategies whose range overlaps the best one's (their
    /// difference is inside the runs' noise); the first priority that leaves one strategy
    /// decides, else the best mean of the first priority among those left.
    ///
    /// - Complexity: O(*p* · *s*²) for *p* priorities and *s* strategies.
    public static func of(_ strategies: [StrategyComparison], policy: DecisionPolicy) -> Recommendation? {
        guard !strategies.isEmpty else { return nil }
        let front = strategies.filter { candidate in
            !strategies.contains { other in dominates(other, candidate) }
        }.map(\.name)
        let within = strategies.filter { $0.decision.falseAbortRate <= policy.maxFalseAbortRate }
        let excluded =
            within.isEmpty ? [] : strategies.filter { strategy in !within.contains { $0.name == strategy.name } }
        var left = within.isEmpty ? strategies : within
        var steps: [(priority: DecisionPolicy.Priority, kept: [StrategyComparison], runnerUp: StrategyComparison?)] = []
        for priority in policy.priorities where left.count > 1 {
            guard let best = left.min(by: { mean($0, priority) < mean($1, priority) }) else { break }
            let kept = left.filter { $0.name == best.name || overlaps($0, best, priority) }
            let runnerUp = left.filter { $0.name != best.name }.min { mean($0, priority) < mean($1, priority) }
            steps.append((priority, kept, runnerUp))
            left = kept
        }
        let first = policy.priorities.first ?? .usersFailed
        guard let chosen = left.min(by: { mean($0, first) < mean($1, first) }) else { return nil }
        var reasons: [Reason] = []
        for step in steps {
            if step.kept.count == 1, let runnerUp = step.runnerUp {
                reasons.append(
                    .best(
                        step.priority, value: mean(chosen, step.priority), runnerUp: runnerUp.name,
                        runnerUpValue: mean(runnerUp, step.priority)))
            } else if step.kept.count > 1 {
                let others = step.kept.map(\.name).filter { $0 != chosen.name }
                if case .tied(let priorities, others)? = reasons.last {
                    reasons[reasons.count - 1] = .tied(priorities + [step.priority], with: others)
                } else {
                    reasons.append(.tied([step.priority], with: others))
                }
            }
        }
        reasons.append(
            .falseAborts(
                rate: chosen.decision.falseAbortRate, healthyRuns: chosen.decision.healthyTwinRuns,
                limit: policy.maxFalseAbortRate))
        if !excluded.isEmpty {
            reasons.append(.excludedForFalseAborts(excluded.map(\.name), limit: policy.maxFalseAbortRate))
        }
        return Recommendation(strategy: chosen.name, paretoFront: front, reasons: reasons)
    }

    /// The figure's mean; a figure no run produced counts as 0.
    static func mean(_ strategy: StrategyComparison, _ priority: DecisionPolicy.Priority) -> Double {
        switch priority {
        case .usersFailed: strategy.exposure.usersFailed?.mean ?? 0
        case .falseAborts: strategy.decision.falseAbortRate
        case .duration: strategy.durationSeconds?.mean ?? 0
        case .cost: strategy.cost.extraPodSeconds?.mean ?? 0
        }
    }

    /// Whether two strategies' figures are inside each other's noise: their p5–p95 ranges
    /// overlap, or, for a false-abort rate, they differ by at most two standard errors.
    static func overlaps(_ a: StrategyComparison, _ b: StrategyComparison, _ priority: DecisionPolicy.Priority) -> Bool
    {
        let range = { (strategy: StrategyComparison) -> (Double, Double)? in
            let statistics: SummaryStatistics? =
                switch priority {
                case .usersFailed: strategy.exposure.usersFailed
                case .duration: strategy.durationSeconds
                case .cost: strategy.cost.extraPodSeconds
                case .falseAborts: nil
                }
            return statistics.map { ($0.p5, $0.p95) }
        }
        if priority == .falseAborts {
            let runs = Double(max(a.decision.healthyTwinRuns, b.decision.healthyTwinRuns, 1))
            let pooled = (a.decision.falseAbortRate + b.decision.falseAbortRate) / 2
            let standardError = (pooled * (1 - pooled) / runs).squareRoot()
            return abs(a.decision.falseAbortRate - b.decision.falseAbortRate) <= 2 * standardError
        }
        guard let left = range(a), let right = range(b) else { return mean(a, priority) == mean(b, priority) }
        return left.0 <= right.1 && right.0 <= left.1
    }

    /// Whether `a` is at least as good as `b` on every figure and better on one.
    static func dominates(_ a: StrategyComparison, _ b: StrategyComparison) -> Bool {
        let figures = DecisionPolicy.Priority.allCases
        return figures.allSatisfy { mean(a, $0) <= mean(b, $0) } && figures.contains { mean(a, $0) < mean(b, $0) }
    }
}
