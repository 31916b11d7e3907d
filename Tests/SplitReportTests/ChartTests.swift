import Foundation
import SplitSim
import Testing

@testable import SplitReport

@Suite struct ChartTests {
    /// The `width` of every data bar, in document order.
    static func barWidths(_ svg: String) -> [Double] {
        svg.components(separatedBy: "<rect class=\"bar\"").dropFirst().compactMap { rect in
            guard let range = rect.range(of: " width=\"") else { return nil }
            return Double(rect[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func chart(_ values: [SummaryStatistics?]) -> String {
        BarChart(
            title: "t", rows: values.indices.map { "row \($0)" },
            panels: [
                BarPanel(
                    title: "users", axisTitle: "users", unit: .count, style: .exposed,
                    values: values.map { BarPanel.Value($0, text: Format.spread($0)) })
            ]
        ).svg()
    }

    @Test func barWidthsAreProportionalToTheirValues() throws {
        let widths = Self.barWidths(Self.chart([ComparisonFixture.stats(100), ComparisonFixture.stats(250)]))
        try #require(widths.count == 2)
        #expect(abs(widths[1] / widths[0] - 2.5) < 0.001)
    }

    @Test func aMissingFigureRendersAsADashAndDrawsNoBar() {
        let svg = Self.chart([ComparisonFixture.stats(100), nil, ComparisonFixture.stats(50)])
        #expect(Self.barWidths(svg).count == 2)
        #expect(svg.contains(">–</text>"))
        #expect(MarkupChecker.problem(in: svg) == nil)
    }

    @Test func whiskersAndBarsStayInsideTheChart() throws {
        let svg = Self.chart([ComparisonFixture.stats(0, 1000, 2000), ComparisonFixture.stats(10)])
        let width = try #require(Double(svg.components(separatedBy: " width=\"")[1].prefix { $0 != "\"" }))
        for attribute in [" x=\"", " x1=\"", " x2=\""] {
            let values = svg.components(separatedBy: attribute).dropFirst().compactMap {
                Double($0.prefix { $0 != "\"" })
            }
            #expect(!values.isEmpty)
            #expect(values.allSatisfy { $0 >= 0 && $0 <= width }, "\(attribute) \(values)")
        }
        let scale = LinearScale(fitting: 1950, unit: .count, start: 0, length: 500)
        #expect(scale.maximum == 2000)
        #expect(scale.position(5000) == 500)
        #expect(scale.position(-3) == 0)
    }

    @Test func allZeroFiguresStillGetAnAxis() {
        let scale = LinearScale(fitting: 0, unit: .count, start: 10, length: 100)
        #expect(scale.maximum == 1)
        #expect(scale.position(0) == 10)
        #expect(Self.barWidths(Self.chart([ComparisonFixture.stats(0)])) == [0])
    }

    @Test func countTicksAreRoundAndGrouped() {
        let scale = LinearScale(fitting: 3700, unit: .count, start: 0, length: 500)
        #expect(scale.ticks.map(\.label) == ["0", "1,000", "2,000", "3,000", "4,000"])
        // Never half a user.
        #expect(LinearScale(fitting: 2, unit: .count, start: 0, length: 500).step == 1)
    }

    @Test func aNarrowAxisGetsFewerTicksSoThatLabelsDoNotCollide() {
        let wide = LinearScale(fitting: 100_000, unit: .count, start: 0, length: 500)
        let narrow = LinearScale(fitting: 100_000, unit: .count, start: 0, length: 120)
        #expect(wide.ticks.count == 6)
        #expect(narrow.ticks.count < wide.ticks.count)
        let spacing = narrow.length * narrow.step / narrow.maximum
        #expect(narrow.ticks.allSatisfy { SVGChart.estimatedWidth(of: $0.label, size: LinearScale.tickSize) < spacing })
    }

    @Test func decimalTicksCarryTheDecimalsTheirStepNeeds() {
        let scale = LinearScale(fitting: 0.37, unit: .decimal, start: 0, length: 500)
        #expect(scale.ticks.map(\.label) == ["0", "0.1", "0.2", "0.3", "0.4"])
    }

    @Test func shareTicksArePercentagesAndStopAtAHundred() {
        #expect(
            LinearScale(fitting: 0.2, unit: .share, start: 0, length: 500).ticks.map(\.label)
                == ["0 %", "5 %", "10 %", "15 %", "20 %"])
        let full = LinearScale(fitting: 1.3, unit: .share, start: 0, length: 500)
        #expect(full.maximum == 1)
        #expect(full.ticks.last?.label == "100 %")
    }

    @Test func durationTicksFallOnClockValues() {
        let scale = LinearScale(fitting: 630, unit: .duration, start: 0, length: 500)
        #expect(scale.ticks.map(\.label) == ["0s", "5m", "10m", "15m"])
    }

    @Test func markupEscapesEverythingThatEndsTextOrAttributes() {
        #expect(Markup.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
    }

    @Test func longLabelsAreShortenedWithTheFullTextAsTooltip() {
        let long = String(repeating: "very long strategy name ", count: 5)
        let svg = BarChart(
            title: "t", rows: [long],
            panels: [
                BarPanel(title: "p", axisTitle: "a", unit: .count, style: .failed, values: [nil])
            ]
        ).svg()
        #expect(svg.contains("<title>\(long)</title>"))
        #expect(svg.contains("…</text>"))
    }
}
