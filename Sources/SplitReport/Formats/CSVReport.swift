// Foundation only for `replacingOccurrences`, which takes a `"` followed by a combining mark as one
// character and leaves it; the standard library's clusters differ in places, and the output is pinned.
import Foundation
import SplitSim

/// `compare --format csv`: one row per strategy with every figure's mean, p5 and p95, for
/// spreadsheets.
public enum CSVReport {
    /// The figures in column order, each expanded to `_mean`, `_p5`, `_p95` columns.
    static let figures: [(String, @Sendable (StrategyComparison) -> SummaryStatistics?)] = [
        ("candidate_user_requests", { $0.exposure.candidateUserRequests }),
        ("failed_user_requests", { $0.exposure.failedUserRequests }),
        ("users_exposed", { $0.exposure.usersExposed }),
        ("users_failed", { $0.exposure.usersFailed }),
        ("detection_seconds", { $0.exposure.detectionSeconds }),
        ("rollback_seconds", { $0.exposure.rollbackSeconds }),
        ("smoke_requests", { $0.exposure.smokeRequests }),
        ("pod_seconds", { $0.cost.podSeconds }),
        ("extra_pod_seconds", { $0.cost.extraPodSeconds }),
        ("peak_pods", { $0.cost.peakPods }),
        ("money", { $0.cost.money }),
        ("under_capacity_seconds", { $0.cost.underCapacitySeconds }),
        ("no_ready_pod_seconds", { $0.availability.noReadyPodSeconds }),
        ("capacity_failed_requests", { $0.availability.capacityFailedRequests }),
        ("duration_seconds", { $0.durationSeconds }),
        ("users_saw_both", { $0.usersSawBoth }),
        ("mirrored_requests", { $0.exposure.mirroredRequests }),
        ("excess_failed_user_requests", { $0.exposure.excessFailedUserRequests }),
        ("baseline_failed_user_requests", { $0.exposure.baselineFailedUserRequests }),
        ("users_exposed_share", { $0.exposure.usersExposedShare }),
        ("users_failed_share", { $0.exposure.usersFailedShare }),
        ("peak_candidate_share", { $0.granularity.peakCandidateShare }),
    ]

    /// Renders one CSV table (RFC 4180) for all scenarios.
    public static func render(_ scenarios: [ScenarioComparison]) -> String {
        var header = [
            "scenario", "file", "runs", "seed", "strategy", "kind", "promoted", "aborted", "incomplete",
            "escaped", "min_candidate_share", "paused",
        ]
        for (name, _) in figures { header += [name + "_mean", name + "_p5", name + "_p95"] }
        header += [
            // The decision's p95 time to detect is `detection_seconds_p95` already.
            "false_abort_rate", "detection_power", "warnings", "warning_messages",
            "recommended", "pareto_front", "assumptions",
        ]
        var lines = [header.map(field).joined(separator: ",")]
        for scenario in scenarios {
            let assumptions = AssumptionSentence.all(scenario).joined(separator: "; ")
            let front = Set(scenario.recommendation?.paretoFront ?? [])
            for strategy in scenario.strategies {
                var row = [
                    scenario.name, scenario.file, String(scenario.runs), String(scenario.seed), strategy.name,
                    strategy.kind, JSONWriter.format(strategy.outcome.promoted),
                    JSONWriter.format(strategy.outcome.aborted),
                    JSONWriter.format(strategy.outcome.incomplete), JSONWriter.format(strategy.exposure.escaped),
                    JSONWriter.format(strategy.granularity.minCandidateShare),
                    JSONWriter.format(strategy.outcome.paused),
                ]
                for (_, figure) in figures {
                    if let stats = figure(strategy) {
                        row += [
                            JSONWriter.format(stats.mean), JSONWriter.format(stats.p5), JSONWriter.format(stats.p95),
                        ]
                    } else {
                        row += ["", "", ""]
                    }
                }
                let decision = strategy.decision
                row += [
                    JSONWriter.format(decision.falseAbortRate), decision.detectionPower.map(JSONWriter.format) ?? "",
                    strategy.warnings.map(\.code).joined(separator: " "),
                    strategy.warnings.map(WarningSentence.text).joined(separator: "; "),
                    String(scenario.recommendation?.strategy == strategy.name), String(front.contains(strategy.name)),
                    assumptions,
                ]
                lines.append(row.map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
