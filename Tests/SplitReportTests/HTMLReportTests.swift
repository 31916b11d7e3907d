import Foundation
import SplitSim
import Testing

@testable import SplitReport

@Suite struct HTMLReportTests {
    static let html = HTMLReport.render([ComparisonFixture.scenario], version: "0.1.0")

    @Test func theDocumentIsBalanced() {
        #expect(MarkupChecker.problem(in: Self.html) == nil)
        #expect(Self.html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func theCheckerCatchesBrokenMarkup() {
        #expect(MarkupChecker.problem(in: "<p><b>x</p></b>") != nil)
        #expect(MarkupChecker.problem(in: "<p>a < b</p>") != nil)
        #expect(MarkupChecker.problem(in: "<p class=\"x>y</p>") != nil)
        #expect(MarkupChecker.problem(in: "<div><svg><rect x=\"1\"/></svg><meta charset=\"utf-8\"></div>") == nil)
    }

    @Test func aHostileStrategyNameAppearsOnlyEscaped() {
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;canary&quot;"
        #expect(!Self.html.contains("<script"))
        #expect(!Self.html.contains("\"canary\""))
        // Summary table row, strategy heading and the tooltip of each chart's row label.
        #expect(Self.html.components(separatedBy: escaped).count - 1 >= 5)
    }

    @Test func everyStrategyAndTheContextAppear() {
        for strategy in ComparisonFixture.scenario.strategies {
            #expect(Self.html.contains(Markup.escape(strategy.name)))
        }
        #expect(
            Self.html.contains("<code>scenarios/search.json</code> · 3 runs · seed 11 · 4 replicas · 45m simulated"))
        #expect(Self.html.contains("Pods can only split in quarters &amp; fifths."))
    }

    @Test func eachStrategyHasItsWarningsAndItsKindExplained() {
        #expect(Self.html.contains("<li>weight step 1 asks 5 %; with 4 replicas the closest pod split gives 20 %</li>"))
        for kind in ["service-split", "replicaset-split", "blue-green"] {
            let explanation = StrategyExplanation.of(kind: kind)
            #expect(
                Self.html.contains(
                    "<details><summary>How <code>\(kind)</code> works: \(Markup.escape(explanation.title))</summary>"))
            #expect(Self.html.contains(Markup.escape(explanation.failureMode)))
        }
    }

    @Test func theSummaryShowsMeanAndRangeAndADashForMissingFigures() {
        // users failed 8/10/12: mean 10, p5 8.2 → "8.2", p95 11.8 → "12".
        #expect(Self.html.contains("<td class=\"num\">10<span class=\"range\">8.2–12</span></td>"))
        // Every run agreed: no range.
        #expect(Self.html.contains("<td class=\"num\">100</td>"))
        // Blue-green detected nothing.
        #expect(Self.html.contains("<td class=\"num none\">–</td>"))
    }

    @Test func theGranularityChartShowsTheGapAndUnreachedSteps() {
        #expect(Self.html.contains("not reached"))
        #expect(Self.html.contains("font-weight=\"600\">20 %</text>"), "can set differs from asked: bold")
        #expect(Self.html.contains("the smallest share it can express is 100 %"))
    }

    @Test func theDetectionChartDrawsNoBarForAMissingFigure() throws {
        let start = try #require(Self.html.range(of: "<title>Time from fault to detection"))
        let chart = Self.html[start.lowerBound...].prefix { $0 != "\n" }
        #expect(chart.components(separatedBy: "class=\"bar\"").count - 1 == 2)
        #expect(chart.contains(">–</text>"))
    }

    @Test func theReportIsSelfContained() {
        for external in ["http:", "https:", "<script", "<link", "@import", "src="] {
            #expect(!Self.html.contains(external), "\(external)")
        }
        #expect(Self.html.components(separatedBy: "url(").count == Self.html.components(separatedBy: "url(#").count)
    }

    @Test func renderingIsDeterministic() {
        let scenarios = [ComparisonFixture.scenario, ComparisonFixture.scenario]
        #expect(HTMLReport.render(scenarios, version: "1") == HTMLReport.render(scenarios, version: "1"))
        #expect(HTMLReport.render(scenarios, version: "1").contains("<a href=\"#scenario-2\">"))
    }

    @Test func aScenarioWithoutStepsOrDetectionSaysSo() {
        var scenario = ComparisonFixture.scenario
        scenario.strategies = [scenario.strategies[2]]
        let html = HTMLReport.render([scenario], version: "1")
        #expect(html.contains("No strategy in this scenario has weight or replica steps."))
        #expect(html.contains("No run detected a fault"))
        #expect(MarkupChecker.problem(in: html) == nil)
    }
}
