import SplitSim

/// The default `compare` output: an aligned terminal table per scenario, one row per
/// strategy with the key figures and their spread, then the per-step granularity and warnings.
public enum TableReport {
    /// Renders the comparisons for a terminal.
    public static func render(_ scenarios: [ScenarioComparison]) -> String {
        scenarios.map(scenario).joined(separator: "\n")
    }

    static func scenario(_ scenario: ScenarioComparison) -> String {
        var text = "\(scenario.name)\n"
        text +=
            "\(scenario.file) · \(Format.count(scenario.runs, "run")) · seed \(scenario.seed) · \(Format.count(scenario.replicas, "replica")) · \(Format.duration(scenario.durationSeconds))\n"
        if let recommendation = scenario.recommendation {
            text += RecommendationSentence.summary(recommendation) + "\n"
            text += "Pareto front: " + recommendation.paretoFront.joined(separator: ", ") + "\n"
        }
        text += AssumptionSentence.all(scenario).map { "assumes: \($0)\n" }.joined() + "\n"
        let exposureHeader = [
            "strategy", "kind", "min share", "outcome", "users exposed", "users failed",
            "excess failures", "detect", "escaped", "false aborts",
        ]
        var exposureRows: [[String]] = [exposureHeader]
        let costHeader = [
            "strategy", "peak pods", "extra pod-h", "cost \(scenario.currency)", "duration", "saw both versions",
            "no ready pod",
            "overload failures",
        ]
        var costRows: [[String]] = [costHeader]
        for strategy in scenario.strategies {
            exposureRows.append([
                strategy.name,
                strategy.kind,
                Format.percent(strategy.granularity.minCandidateShare),
                Format.outcome(strategy.outcome),
                Format.spread(strategy.exposure.usersExposed),
                Format.spread(strategy.exposure.usersFailed),
                Format.spread(strategy.exposure.excessFailedUserRequests),
                Format.seconds(strategy.exposure.detectionSeconds),
                Format.percent(strategy.exposure.escaped),
                Format.percent(strategy.decision.falseAbortRate),
            ])
            costRows.append([
                strategy.name,
                Format.spread(strategy.cost.peakPods),
                Format.hours(strategy.cost.extraPodSeconds),
                Format.money(strategy.cost.money),
                Format.seconds(strategy.durationSeconds),
                Format.spread(strategy.usersSawBoth),
                Format.seconds(strategy.availability.noReadyPodSeconds),
                Format.spread(strategy.availability.capacityFailedRequests),
            ])
        }
        text += "Exposure to the candidate\n"
        text += Format.table(exposureRows, rightAligned: Set(2..<exposureHeader.count))
        text += "\nCost and duration\n"
        text += Format.table(costRows, rightAligned: Set(1..<costHeader.count))
        text += """

            figures are mean [p5–p95] over runs
            min share    the smallest non-zero candidate share the mechanism can set
            users failed users who got a failure stable would not have given them
            excess failures  failed candidate requests stable would have served (baseline errors apart)
            detect       from the first faulty user request to the failed check (0: caught before any user)
            escaped      runs in which the fault still reached users when the run ended
            false aborts healthy runs (the same runs without the fault) that the strategy stopped
            extra pod-h  pod-hours above the stable baseline; cost: all pod-hours at podHourlyCost, in the scenario's currency
            saw both     users who got responses from both versions before the release ended
            no ready pod time production had no ready pod to go to; overload failures: requests failed for capacity

            """

        var details = ""
        for strategy in scenario.strategies {
            let steps = strategy.granularity.steps
            guard !steps.isEmpty || !strategy.warnings.isEmpty else { continue }
            details += "\n\(strategy.name)\n"
            if !steps.isEmpty {
                var stepRows = [["  step", "asked", "can set", "realised", "peak, time at it"]]
                for step in steps {
                    stepRows.append([
                        "  " + step.label, Format.percent(step.requested), Format.percent(step.effective),
                        Format.realized(step), Format.peak(step),
                    ])
                }
                details += Format.table(stepRows, rightAligned: [1, 2, 3, 4])
            }
            for warning in strategy.warnings {
                details += "  ! \(WarningSentence.text(warning))\n"
            }
        }
        return text + details
    }
}
