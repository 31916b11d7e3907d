import SplitSim
import Testing

@testable import SplitReport

/// The spreadsheet carries what the other formats say in words: warnings with their
/// messages, the recommendation, the Pareto front and the assumptions behind every figure.
@Suite struct CSVReportTests {
    private static func rows() -> [[String: String]] {
        var scenario = ComparisonFixture.scenario
        scenario.recommendation = Recommendation(
            strategy: "basic canary", paretoFront: ["basic canary", "ingress weight 5 %"], reasons: [])
        let records = parse(CSVReport.render([scenario]))
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0], $0)) }
    }

    /// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
    private static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch (quoted, character) {
            case (true, "\""):
                if characters.first == "\"" {
                    field.append("\"")
                    characters.removeFirst()
                } else {
                    quoted = false
                }
            case (true, _): field.append(character)
            case (false, "\""): quoted = true
            case (false, ","):
                record.append(field)
                field = ""
            case (false, "\r\n"), (false, "\n"):
                records.append(record + [field])
                record = []
                field = ""
            default: field.append(character)
            }
        }
        return records
    }

    @Test func everyColumnHasItsOwnName() {
        let header = Self.parse(CSVReport.render([ComparisonFixture.scenario]))[0]
        #expect(Set(header).count == header.count)
        #expect(header.count == 12 + 3 * CSVReport.figures.count + 7)
    }

    @Test func theRecommendationFrontWarningsAndAssumptionsHaveColumns() {
        let rows = Self.rows()
        #expect(rows.map { $0["recommended"] } == ["false", "true", "false"])
        #expect(rows.map { $0["pareto_front"] } == ["true", "true", "false"])
        #expect(rows[1]["warnings"] == "pod-split-rounded")
        #expect(
            rows[1]["warning_messages"] == "weight step 1 asks 5 %; with 4 replicas the closest pod split gives 20 %")
        #expect(rows[0]["warning_messages"] == "")
        #expect(
            rows[0]["assumptions"]
                == "requests reach pods through a proxy that balances each request and sees endpoint changes after 1s")
    }
}
