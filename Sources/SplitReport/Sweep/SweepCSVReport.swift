// Foundation only for `replacingOccurrences`, which takes a `"` followed by a combining mark as one
// character and leaves it; the standard library's clusters differ in places, and `CSVReport` quotes
// the same way.
import Foundation
import SplitSim

/// `sweep merge --format csv`: one row per point and strategy with the point's axis values and
/// the strategy's mean figures, for plotting the study in a spreadsheet.
public enum SweepCSVReport {
    /// Renders the sweep as one CSV table (RFC 4180).
    public static func render(_ summary: SweepSummary) -> String {
        let header =
            ["point", "index"] + summary.axes.map(\.path) + [
                "strategy", "kind", "users_failed_mean", "extra_pod_seconds_mean", "duration_seconds_mean", "aborted",
                "escaped", "false_abort_rate", "detection_power", "detection_seconds_p95", "pareto_front",
            ]
        var lines = [header.map(field).joined(separator: ",")]
        let front = SweepParetoFront.members(summary)
        var entry = 0
        for point in summary.points {
            // A point short of values keeps its later columns under their headings.
            let values = summary.axes.indices.map { $0 < point.values.count ? point.values[$0] : "" }
            for strategy in point.strategies {
                let row =
                    [point.id, String(point.index)] + values + [
                        strategy.name, strategy.kind, optional(strategy.usersFailed),
                        optional(strategy.extraPodSeconds), optional(strategy.durationSeconds),
                        JSONWriter.format(strategy.aborted), JSONWriter.format(strategy.escaped),
                        JSONWriter.format(strategy.falseAbortRate), optional(strategy.detectionPower),
                        optional(strategy.detectionSecondsP95), String(front.contains(entry)),
                    ]
                lines.append(row.map(field).joined(separator: ","))
                entry += 1
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func optional(_ number: Double?) -> String {
        number.map(JSONWriter.format) ?? ""
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
