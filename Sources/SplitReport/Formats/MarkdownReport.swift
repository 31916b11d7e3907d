// Foundation only for `replacingOccurrences`, which takes a `|` followed by a combining mark as one
// character and leaves it; the standard library's clusters differ in places, and the output is pinned.
import Foundation
import SplitSim

/// `compare --format markdown`: the comparison as GitHub-flavoured Markdown, for pull
/// requests and CI summaries.
public enum MarkdownReport {
    /// Renders the comparisons as Markdown.
    public static func render(_ scenarios: [ScenarioComparison]) -> String {
        scenarios.map(scenario).joined(separator: "\n")
    }

    static func scenario(_ scenario: ScenarioComparison) -> String {
        var text = "## \(escape(scenario.name))\n\n"
        // The answer first: a reader of a pull request summary may read nothing else.
        if let recommendation = scenario.recommendation {
            text +=
                "**Recommended: \(escape(recommendation.strategy))** — "
                + recommendation.reasons.map { escape(RecommendationSentence.text($0)) }.joined(separator: "; ")
                + ".\n\n"
            text += "Pareto front: " + recommendation.paretoFront.map(escape).joined(separator: ", ") + ".\n\n"
        }
        if let description = scenario.description { text += escape(description) + "\n\n" }
        text +=
            "`\(Format.sharedPath(scenario.file))` · \(Format.count(scenario.runs, "run")) · seed \(scenario.seed) · \(Format.count(scenario.replicas, "replica")) · \(Format.duration(scenario.durationSeconds))\n\n"
        text += AssumptionSentence.all(scenario).map { "Assumes: \(escape($0)).\n\n" }.joined()
        text +=
            "| strategy | kind | min share | outcome | users exposed | users failed | excess failures | detect | escaped | false aborts | peak pods | extra pod-h | cost \(escape(scenario.currency)) | duration | no ready pod | overload failures |\n"
        text += "|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        for strategy in scenario.strategies {
            let cells = [
                escape(strategy.name), strategy.kind, Format.percent(strategy.granularity.minCandidateShare),
                Format.outcome(strategy.outcome), Format.spread(strategy.exposure.usersExposed),
                Format.spread(strategy.exposure.usersFailed), Format.spread(strategy.exposure.excessFailedUserRequests),
                Format.seconds(strategy.exposure.detectionSeconds), Format.percent(strategy.exposure.escaped),
                Format.percent(strategy.decision.falseAbortRate),
                Format.spread(strategy.cost.peakPods), Format.hours(strategy.cost.extraPodSeconds),
                Format.money(strategy.cost.money), Format.seconds(strategy.durationSeconds),
                Format.seconds(strategy.availability.noReadyPodSeconds),
                Format.spread(strategy.availability.capacityFailedRequests),
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\nFigures: mean [p5–p95] over runs.\n"
        for strategy in scenario.strategies where !strategy.granularity.steps.isEmpty || !strategy.warnings.isEmpty {
            text += "\n### \(escape(strategy.name))\n\n"
            if !strategy.granularity.steps.isEmpty {
                text += "| step | asked | can set | realised | peak, time at it |\n|---|--:|--:|--:|--:|\n"
                for step in strategy.granularity.steps {
                    text +=
                        "| \(step.label) | \(Format.percent(step.requested)) | \(Format.percent(step.effective)) | \(Format.realized(step)) | \(Format.peak(step)) |\n"
                }
                text += "\n"
            }
            for warning in strategy.warnings { text += "- ⚠ \(escape(WarningSentence.text(warning)))\n" }
        }
        return text
    }

    /// Escapes what Markdown tables and HTML-aware renderers would interpret.
    /// Keeps tags and table cells intact; quotes and apostrophes stay as written, since
    /// Markdown text needs no entities for them.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
    }
}
