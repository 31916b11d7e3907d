import SplitSim

/// The formats a comparison renders in; each raw value is the spelling `compare --format` takes.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    /// GitHub-flavoured Markdown, for pull requests and wikis.
    case markdown
    /// One JSON document with a stable schema, for pipelines.
    case json
    /// One row per strategy, for spreadsheets.
    case csv
    /// A self-contained page with SVG charts.
    case html

    /// Renders `comparisons` in this format; `version` is the tool's, which JSON and HTML record.
    public func render(_ comparisons: [ScenarioComparison], version: String) -> String {
        switch self {
        case .table: TableReport.render(comparisons)
        case .markdown: MarkdownReport.render(comparisons)
        case .json: JSONReport.render(comparisons, version: version)
        case .csv: CSVReport.render(comparisons)
        case .html: HTMLReport.render(comparisons, version: version)
        }
    }
}
