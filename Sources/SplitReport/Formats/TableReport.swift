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
        text += "\(scenario.file) · \(scenario.runs) runs · seed \(scenario.seed) · \(scenario.replicas) replicas · \(Format.duration(scenario.durationSeconds))\n\n"
        let header = ["strategy", "kind", "min share", "outcome", "users exposed", "users failed",
                      "failed requests", "detect", "escaped", "peak pods", "extra pod-h", "cost", "duration"]
        var rows: [[String]] = [header]
        for strategy in scenario.strategies {
            rows.append([
                strategy.name,
                strategy.kind,
                Format.percent(strategy.granularity.minCandidateShare),
                Format.outcome(strategy.outcome),
                Format.spread(strategy.exposure.usersExposed),
                Format.spread(strategy.exposure.usersFailed),
                Format.spread(strategy.exposure.failedUserRequests),
                Format.seconds(strategy.exposure.detectionSeconds),
                Format.percent(strategy.exposure.escaped),
                Format.spread(strategy.cost.peakPods),
                Format.hours(strategy.cost.extraPodSeconds),
                Format.money(strategy.cost.money),
                Format.seconds(strategy.durationSeconds),
            ])
        }
        text += Format.table(rows, rightAligned: Set(2..<header.count))
        text += "\nfigures: mean [p5–p95] over runs; detect: fault live → caught; escaped: runs where a faulty candidate reached 100 %\n"

        var details = ""
        for strategy in scenario.strategies {
            let steps = strategy.granularity.steps
            guard !steps.isEmpty || !strategy.warnings.isEmpty else { continue }
            details += "\n\(strategy.name)\n"
            if !steps.isEmpty {
                var stepRows = [["  step", "asked", "can set", "realised"]]
                for step in steps {
                    stepRows.append(["  " + step.label, Format.percent(step.requested), Format.percent(step.effective),
                                     step.realized.map { Format.percent($0.mean) + " [" + Format.percent($0.p5) + "–" + Format.percent($0.p95) + "]" } ?? "not reached"])
                }
                details += Format.table(stepRows, rightAligned: [1, 2, 3])
            }
            for warning in strategy.warnings {
                details += "  ! \(warning)\n"
            }
        }
        return text + details
    }
}
