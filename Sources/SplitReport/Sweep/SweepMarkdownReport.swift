// Foundation only for `replacingOccurrences`, which takes a `|` followed by a combining mark as one
// character and leaves it; the standard library's clusters differ in places, and `MarkdownReport`
// escapes the same way.
import Foundation
import SplitSim

/// `sweep merge --format markdown`: the study as one GitHub-flavoured Markdown table, one row
/// per point and strategy, for pull requests and CI summaries.
public enum SweepMarkdownReport {
    /// Renders the sweep as Markdown.
    public static func render(_ summary: SweepSummary) -> String {
        var text = "## Sweep: \(escape(summary.name))\n\n"
        let axes = summary.axes.map { "`\($0.path)` = " + $0.values.map(escape).joined(separator: ", ") }
        text +=
            ([
                "`\(Format.sharedPath(summary.file))`", Format.count(summary.points.count, "point"),
            ] + axes).joined(separator: " · ") + "\n\n"
        let headings =
            summary.axes.map { escape($0.path) } + [
                "strategy", "users failed", "false aborts", "detection power", "detect p95", "extra pod-h",
                "Pareto front",
            ]
        text += "| " + headings.joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: summary.axes.count + 1) + "--:|--:|--:|--:|--:|:-:|\n"
        let front = SweepParetoFront.members(summary)
        var entry = 0
        for point in summary.points {
            let values = summary.axes.indices.map { $0 < point.values.count ? escape(point.values[$0]) : "" }
            for strategy in point.strategies {
                let cells =
                    values + [
                        escape(strategy.name), strategy.usersFailed.map(Format.number) ?? "–",
                        Format.percent(strategy.falseAbortRate),
                        strategy.detectionPower.map { Format.percent($0) } ?? "–",
                        strategy.detectionSecondsP95.map(Format.duration) ?? "–",
                        strategy.extraPodSeconds.map { Format.trimmed($0 / 3600, decimals: 2) } ?? "–",
                        front.contains(entry) ? "●" : "",
                    ]
                text += "| " + cells.joined(separator: " | ") + " |\n"
                entry += 1
            }
        }
        text +=
            "\nFigures: means over each point's runs; – : no run produced the figure. "
            + "● Pareto front: no other choice under the same \(summary.axes.first.map { "`\($0.path)`" } ?? "condition") "
            + "is at least as good on users failed, false aborts and extra pod-hours and better on one.\n"
        return text
    }

    /// Escapes what Markdown tables and HTML-aware renderers would interpret, as `MarkdownReport` does.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
    }
}
