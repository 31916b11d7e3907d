import Foundation

/// Operations per second — simulated requests, or router picks — with the process's peak
/// resident memory, printed as an aligned table or as JSON
/// (`{"results": [{"name", "requests", "nsPerRequest", "medianNsPerRequest", "requestsPerSecond",
/// "peakRSSBytes"}]}`, and any summaries as members beside `results`).
struct ThroughputReport {
    struct Row {
        var name: String
        /// Simulated requests per run; nil for router picks, which have no run.
        var requests: Int?
        /// The fastest repetition's, which is the headline figure.
        var nsPerRequest: Double
        var medianNsPerRequest: Double
        var peakRSSBytes: Int

        var requestsPerSecond: Int { Int(1e9 / nsPerRequest) }
    }

    /// A figure about the rows as a whole: a line under the table, a member beside `results`.
    struct Summary {
        var key: String
        var label: String
        var value: Double
    }

    var rows: [Row] = []
    var summaries: [Summary] = []

    /// The report; `heading` is the text table's first line, saying what the rows measured.
    func render(_ format: BenchmarkOptions.Format, heading: String) -> String {
        switch format {
        case .json:
            let results = rows.map { row in
                let requests = row.requests.map { "\"requests\": \($0), " } ?? ""
                return "    {\"name\": \"\(row.name)\", \(requests)\"nsPerRequest\": \(Self.fixed(row.nsPerRequest)), "
                    + "\"medianNsPerRequest\": \(Self.fixed(row.medianNsPerRequest)), "
                    + "\"requestsPerSecond\": \(row.requestsPerSecond), \"peakRSSBytes\": \(row.peakRSSBytes)}"
            }
            let members = summaries.map { ",\n\"\($0.key)\": \(String(format: "%.3f", $0.value))" }.joined()
            return "{\"results\": [\n" + results.joined(separator: ",\n") + "\n]" + members + "}\n"
        case .text:
            let header = ["workload", "requests/run", "ns/req min", "ns/req median", "M req/s", "peak RSS MiB"]
            let cells = rows.map { row in
                [
                    row.name, row.requests.map(String.init) ?? "-", Self.fixed(row.nsPerRequest),
                    Self.fixed(row.medianNsPerRequest), String(format: "%.1f", Double(row.requestsPerSecond) / 1e6),
                    String(format: "%.1f", Double(row.peakRSSBytes) / 1_048_576),
                ]
            }
            let table = TextTable(header: header, rows: cells).lines
            let notes = summaries.map { "\($0.label): \(String(format: "%.3f", $0.value))" }
            return ([heading] + table + notes).joined(separator: "\n") + "\n"
        }
    }

    private static func fixed(_ value: Double) -> String {
        String(format: value < 100 ? "%.2f" : "%.0f", value)
    }
}
