import Foundation

/// The results of the router suite, printed as an aligned table or as JSON
/// (`{"results": [{"name", "backends", "nsPerOp", "minNsPerOp", "buildNs"}]}`).
struct RouterReport {
    struct Row {
        var name: String
        var backends: Int
        var pick: Stopwatch.Measurement
        var build: Stopwatch.Measurement
    }

    var rows: [Row] = []

    func render(_ format: BenchmarkOptions.Format) -> String {
        switch format {
        case .json:
            let results = rows.map { row in
                "    {\"name\": \"\(row.name)\", \"backends\": \(row.backends), "
                    + "\"nsPerOp\": \(Self.fixed(row.pick.median)), \"minNsPerOp\": \(Self.fixed(row.pick.minimum)), "
                    + "\"buildNs\": \(Self.fixed(row.build.median))}"
            }
            return "{\"results\": [\n" + results.joined(separator: ",\n") + "\n]}\n"
        case .text:
            var lines = [
                Self.columns(["policy", "backends", "ns/pick min", "ns/pick median", "build ns median"])
            ]
            for row in rows {
                lines.append(
                    Self.columns([
                        row.name, "\(row.backends)", Self.fixed(row.pick.minimum), Self.fixed(row.pick.median),
                        Self.fixed(row.build.median),
                    ]))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func fixed(_ value: Double) -> String {
        String(format: value < 100 ? "%.2f" : "%.0f", value)
    }

    private static func columns(_ cells: [String]) -> String {
        let widths = [20, 9, 12, 15, 16]
        return zip(cells, widths).enumerated().map { index, pair in
            let padding = String(repeating: " ", count: max(0, pair.1 - pair.0.count))
            return index == 0 ? pair.0 + padding : padding + pair.0
        }.joined(separator: " ")
    }
}
