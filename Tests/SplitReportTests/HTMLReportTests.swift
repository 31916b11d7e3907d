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
        #expect(
            Self.html.contains(
                "<td data-label=\"users failed\" class=\"num\">10<span class=\"range\">8.2–12</span></td>"))
        // Every run agreed: no range.
        #expect(Self.html.contains("<td data-label=\"users exposed\" class=\"num\">100</td>"))
        // Blue-green detected nothing.
        #expect(Self.html.contains("<td data-label=\"detect\" class=\"num none\">–</td>"))
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

    /// A faulty scenario with a recommendation: both trade-off charts, the Pareto front
    /// filled, the recommended point ringed, and the numbered list naming every point.
    @Test func theTradeOffChartsMarkTheFrontAndTheRecommendation() throws {
        var scenario = ComparisonFixture.scenario
        for index in scenario.strategies.indices {
            scenario.strategies[index].decision = Decision(
                falseAbortRate: [0, 0.25, 0][index], detectionPower: [1, 0.5, 0][index], detectionSecondsP95: 40,
                healthyTwinRuns: 3)
        }
        scenario.recommendation = Recommendation(
            strategy: "ingress weight 5 %", paretoFront: ["ingress weight 5 %", ComparisonFixture.hostileName],
            reasons: [])
        let html = HTMLReport.render([scenario], version: "1")
        #expect(MarkupChecker.problem(in: html) == nil)
        let start = try #require(html.range(of: "<h3>Trade-offs: risk, cost and decision quality</h3>"))
        let section = html[start.lowerBound...].prefix { $0 != "\n" } + html[start.upperBound...].prefix(20_000)
        #expect(section.contains("<title>Users failed against extra cost</title>"))
        #expect(section.contains("<title>Detection power against false aborts</title>"))
        // Two charts: two front points and one ring in each.
        #expect(section.components(separatedBy: "class=\"point front\"").count - 1 == 4)
        #expect(section.components(separatedBy: "class=\"recommended\"").count - 1 == 2)
        #expect(
            section.contains(
                "<li><b>ingress weight 5 %</b> <span class=\"tag\">recommended</span> <span class=\"tag front\">Pareto front</span> <span class=\"context\">users failed 10 · extra 0.75 pod-h · false aborts 0 % · detection power 100 %</span></li>"
            ))
        #expect(
            section.contains(
                "<li><b>basic canary</b> <span class=\"context\">users failed 35 · extra 0.75 pod-h · false aborts 25 % · detection power 50 %</span></li>"
            ))
    }

    /// A healthy candidate: the risk is a false abort, so one chart puts it against cost.
    @Test func aHealthyScenarioPlotsFalseAbortsAgainstCost() {
        let html = HTMLReport.render([ComparisonFixture.scenario], version: "1")
        #expect(html.contains("<title>False aborts against extra cost</title>"))
        #expect(!html.contains("<title>Detection power against false aborts</title>"))
        var single = ComparisonFixture.scenario
        single.strategies = [single.strategies[0]]
        #expect(!HTMLReport.render([single], version: "1").contains("Trade-offs"))
    }

    /// On a phone the summary tables become cards: each cell names its column.
    @Test func narrowScreensReadTheTablesAsCards() {
        #expect(Self.html.contains("<table class=\"cards\">"))
        #expect(Self.html.contains(".cards td::before{content:attr(data-label)"))
        #expect(Self.html.contains("@media (max-width:640px)"))
        #expect(!Self.html.contains("<td class="), "every cell carries its column name")
    }

    @Test func anAbsolutePathIsShownByItsNameOnly() {
        var scenario = ComparisonFixture.scenario
        scenario.file = "/home/alice/work/search.json"
        let html = HTMLReport.render([scenario], version: "1")
        #expect(html.contains("<code>search.json</code>"))
        #expect(!html.contains("/home/alice"))
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
