import Testing

@testable import SplitReport

@Suite struct TableReportTests {
    static let text = TableReport.scenario(ComparisonFixture.scenario)

    /// Every aligned table in the report: its header, underline and rows, as characters so
    /// that `–` and `─` count as one column each.
    static func tables() -> [[[Character]]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        return lines.indices.filter { lines[$0].first == "─" }.map { underline in
            // A table ends at a blank line or at the warnings under a step table.
            let rows = lines[(underline + 1)...].prefix { !$0.isEmpty && !String($0).hasPrefix("  ! ") }
            return [lines[underline - 1], lines[underline]] + rows
        }
    }

    /// The character columns of each underline segment.
    static func columns(_ underline: [Character]) -> [Range<Int>] {
        var columns: [Range<Int>] = []
        var start: Int?
        for (index, character) in (underline + [" "]).enumerated() {
            if character == "─", start == nil { start = index }
            if character == " ", let begin = start {
                columns.append(begin..<index)
                start = nil
            }
        }
        return columns
    }

    @Test func everyRowStartsItsColumnsWhereTheHeaderDoes() {
        let tables = Self.tables()
        #expect(tables.count >= 2, "the exposure, cost and step tables")
        for table in tables {
            let columns = Self.columns(table[1])
            let width = columns.last?.upperBound ?? 0
            let pad = { (line: [Character]) in line + Array(repeating: " ", count: max(0, width - line.count)) }
            let header = pad(table[0])
            for line in table.dropFirst(2) {
                let row = pad(line)
                #expect(row.count == width, "a row longer than its underline: \(String(line))")
                for (index, column) in columns.enumerated() where row.count == width {
                    // Two spaces between columns: no cell spills into its neighbour.
                    if index > 0 {
                        #expect(
                            row[column.lowerBound - 2..<column.lowerBound].allSatisfy { $0 == " " }, "\(String(line))")
                    }
                    // A cell aligns to the same edge as its heading: a left-aligned heading is
                    // padded on the right, a right-aligned one on the left.
                    let heading = header[column]
                    let cell = row[column]
                    if heading.last == " " {
                        #expect(
                            cell.firstIndex { $0 != " " } == heading.firstIndex { $0 != " " },
                            "column \(index) of \(String(line))")
                    } else if heading.first == " " {
                        #expect(cell.last != " ", "column \(index) of \(String(line))")
                    } else {
                        #expect(cell.first != " " || cell.last != " ", "column \(index) of \(String(line))")
                    }
                }
            }
        }
    }

    @Test func theTablesHoldEveryStrategyInOrder() {
        let tables = Self.tables()
        #expect(tables.first.map { String($0[0]).hasPrefix("strategy  ") } == true)
        for table in tables.prefix(2) {
            let names = table.dropFirst(2).map { String($0) }
            #expect(names.count == 3)
            #expect(names.first?.hasPrefix("ingress weight 5 %") == true)
            #expect(names.last?.hasPrefix(ComparisonFixture.hostileName) == true)
        }
    }
}
