import Testing

@testable import SplitReport

@Suite struct ReportFormatTests {
    @Test func spellingsAreTheCommandLinesInHelpOrder() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["table", "markdown", "json", "csv", "html"])
    }

    @Test func eachFormatRendersWithItsRenderer() {
        let comparisons = [ComparisonFixture.scenario]
        #expect(ReportFormat.table.render(comparisons, version: "9.9") == TableReport.render(comparisons))
        #expect(ReportFormat.markdown.render(comparisons, version: "9.9") == MarkdownReport.render(comparisons))
        #expect(
            ReportFormat.json.render(comparisons, version: "9.9") == JSONReport.render(comparisons, version: "9.9"))
        #expect(ReportFormat.csv.render(comparisons, version: "9.9") == CSVReport.render(comparisons))
        #expect(
            ReportFormat.html.render(comparisons, version: "9.9") == HTMLReport.render(comparisons, version: "9.9"))
    }
}
