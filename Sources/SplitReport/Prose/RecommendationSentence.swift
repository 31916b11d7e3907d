import SplitSim

/// The sentences that say which strategy a scenario recommends and why.
enum RecommendationSentence {
    /// One reason, e.g. "fewest users failed: 42 vs 68 (second Deployment)".
    static func text(_ reason: Recommendation.Reason) -> String {
        switch reason {
        case .best(let priority, let value, let runnerUp, let runnerUpValue):
            let unit = priority == .cost ? " extra pod-hours" : ""
            // People come whole: a fractional count of users can only be a mean, so it says so.
            let fractional =
                priority == .usersFailed && (value != value.rounded() || runnerUpValue != runnerUpValue.rounded())
            return
                "\(superlative(priority)): \(fractional ? "mean " : "")\(figure(value, priority)) vs \(figure(runnerUpValue, priority))\(unit) (\(runnerUp))"
        case .tied(let priorities, let others):
            return
                "ties with \(others.joined(separator: ", ")) on \(list(priorities.map(noun))) (inside the runs' p5–p95 noise)"
        case .falseAborts(let rate, let healthyRuns, let limit):
            let runs = healthyRuns > 0 ? "\(Format.count(healthyRuns, "healthy run"))" : "its runs"
            if rate == 0 { return "no false aborts in \(runs)" }
            let share = Format.percent(rate, style: .sentence)
            return "stops \(share) of healthy releases in \(runs)"
                + (rate > limit
                    ? ", above the \(Format.percent(limit, style: .sentence)) limit: every strategy does" : "")
        case .excludedForFalseAborts(let names, let limit):
            return "\(names.joined(separator: ", ")) \(names.count == 1 ? "stops" : "stop") more than "
                + "\(Format.percent(limit, style: .sentence)) of healthy releases, so \(names.count == 1 ? "it is" : "they are") not recommended"
        }
    }

    /// "recommended: NAME — reason; reason".
    static func summary(_ recommendation: Recommendation) -> String {
        "recommended: \(recommendation.strategy) — " + recommendation.reasons.map(text).joined(separator: "; ")
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    private static func superlative(_ priority: DecisionPolicy.Priority) -> String {
        switch priority {
        case .usersFailed: "fewest users failed"
        case .falseAborts: "fewest false aborts"
        case .duration: "shortest release"
        case .cost: "lowest extra cost"
        }
    }

    private static func noun(_ priority: DecisionPolicy.Priority) -> String {
        switch priority {
        case .usersFailed: "users failed"
        case .falseAborts: "false aborts"
        case .duration: "duration"
        case .cost: "extra cost"
        }
    }

    private static func figure(_ value: Double, _ priority: DecisionPolicy.Priority) -> String {
        switch priority {
        case .usersFailed: Format.number(value)
        case .falseAborts: Format.percent(value, style: .sentence)
        case .duration: Format.duration(value)
        case .cost: Format.trimmed(value / 3600, decimals: 2)
        }
    }
}
