import Foundation
import SplitSim
import Testing

@testable import SplitReport

/// The sweep renderers: exact CSV and Markdown for a hand-built study of three error rates ×
/// two analysis intervals × two strategies, the Pareto front, and an HTML page that is
/// balanced, self-contained, escaped and draws one line per strategy and interval.
@Suite struct SweepReportTests {
    static let hostile = "<script>alert(1)</script> & \"x\""

    static func figures(
        _ name: String, _ kind: String, failed: Double?, extra: Double?, duration: Double?, aborted: Double,
        falseAborts: Double, power: Double?, p95: Double?
    ) -> SweepSummary.Figures {
        SweepSummary.Figures(
            name: name, kind: kind, usersFailed: failed, extraPodSeconds: extra, durationSeconds: duration,
            aborted: aborted, escaped: 1 - aborted, falseAbortRate: falseAborts, detectionPower: power,
            detectionSecondsP95: p95)
    }

    static func argo(
        _ failed: Double, _ extra: Double, _ duration: Double, _ power: Double, _ falseAborts: Double,
        _ p95: Double
    ) -> SweepSummary.Figures {
        figures(
            "Argo 1m steps", "service-split", failed: failed, extra: extra, duration: duration, aborted: power,
            falseAborts: falseAborts, power: power, p95: p95)
    }

    static func blueGreen(_ failed: Double?, _ extra: Double?, power: Double?, falseAborts: Double, p95: Double?)
        -> SweepSummary.Figures
    {
        figures(
            hostile, "blue-green", failed: failed, extra: extra, duration: extra.map { _ in 1200 },
            aborted: power ?? 0, falseAborts: falseAborts, power: power, p95: p95)
    }

    static let summary = SweepSummary(
        file: "/home/someone/scenarios/search.json", name: "search | rates",
        axes: [
            .init(path: "versions.candidate.fault.errorRate", values: ["0.02", "0.05", "0.1"]),
            .init(path: "analysis.interval", values: ["30s", "1m"]),
        ],
        points: [
            .init(
                id: "p0000", index: 0, values: ["0.02", "30s"],
                strategies: [
                    argo(2, 1800, 900, 0.5, 0, 240), blueGreen(nil, 7200, power: 0, falseAborts: 0, p95: nil),
                ]),
            .init(
                id: "p0001", index: 1, values: ["0.02", "1m"],
                strategies: [
                    argo(3.5, 1800, 960, 0.25, 0, 300), blueGreen(nil, 7200, power: 0, falseAborts: 0, p95: nil),
                ]),
            .init(
                id: "p0002", index: 2, values: ["0.05", "30s"],
                strategies: [
                    argo(4, 1440, 700, 0.75, 0.05, 180), blueGreen(12, 7200, power: 0.5, falseAborts: 0.1, p95: 600),
                ]),
            .init(
                id: "p0003", index: 3, values: ["0.05", "1m"],
                strategies: [
                    argo(6, 1620, 800, 0.5, 0, 200), blueGreen(20, nil, power: nil, falseAborts: 0.1, p95: nil),
                ]),
            .init(
                id: "p0004", index: 4, values: ["0.1", "30s"],
                strategies: [
                    argo(5, 900, 450, 1, 0.05, 90), blueGreen(30, 7200, power: 1, falseAborts: 0.1, p95: 420),
                ]),
            .init(
                id: "p0005", index: 5, values: ["0.1", "1m"],
                strategies: [
                    argo(9, 1080, 500, 1, 0, 150), blueGreen(40, 7200, power: 1, falseAborts: 0.2, p95: 480),
                ]),
        ])

    /// The same plan with a healthy candidate: nothing to detect anywhere.
    static let healthy = SweepSummary(
        file: summary.file, name: summary.name, axes: summary.axes,
        points: summary.points.map { point in
            var point = point
            point.strategies = point.strategies.map { strategy in
                var strategy = strategy
                strategy.detectionPower = nil
                strategy.detectionSecondsP95 = nil
                return strategy
            }
            return point
        })

    static let html = SweepHTMLReport.render(summary, version: "0.1.0")

    /// The `<svg>` element whose title starts with `title`.
    static func chart(_ html: String, titled title: String) throws -> String {
        let title = try #require(html.range(of: "<title>" + title))
        let start = try #require(html[..<title.lowerBound].range(of: "<svg", options: .backwards))
        let end = try #require(html[title.upperBound...].range(of: "</svg>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theFrontKeepsWhatNothingBeatsAndBothOfATie() {
        let point = { (id: Int, strategies: [SweepSummary.Figures]) in
            SweepSummary.Point(id: "p\(id)", index: id, values: ["\(id)"], strategies: strategies)
        }
        let entry = { (failed: Double?, falseAborts: Double, extra: Double?) -> SweepSummary.Figures in
            Self.figures(
                "s", "k", failed: failed, extra: extra, duration: nil, aborted: 0, falseAborts: falseAborts,
                power: nil, p95: nil)
        }
        let summary = SweepSummary(
            file: "f", name: "n", axes: [.init(path: "a", values: ["0", "1", "2"])],
            points: [
                point(0, [entry(1, 0, 100), entry(1, 0, 200)]),  // the second costs more for nothing
                point(1, [entry(0, 0.1, 300), entry(nil, 0.1, 300)]),  // a tie: nil users failed counts as 0
                point(2, [entry(2, 0, nil), entry(2, 0.05, 0)]),  // nil extra cost counts as 0; more false aborts
            ])
        #expect(SweepParetoFront.members(summary) == [0, 2, 3, 4])
        #expect(SweepParetoFront.members(Self.summary) == [0, 1, 3, 4, 6, 7, 8, 10])
    }

    /// The first axis is the condition: a choice is compared only with the others under the
    /// same condition, so a bigger fault's worse figures do not push it off the front.
    @Test func theFrontComparesChoicesUnderTheSameCondition() {
        let entry = { (failed: Double) -> SweepSummary.Figures in
            Self.figures(
                "s", "k", failed: failed, extra: 100, duration: nil, aborted: 0, falseAborts: 0, power: nil, p95: nil)
        }
        let summary = SweepSummary(
            file: "f", name: "n",
            axes: [.init(path: "fault", values: ["small", "big"]), .init(path: "interval", values: ["30s", "1m"])],
            points: [
                SweepSummary.Point(id: "p0000", index: 0, values: ["small", "30s"], strategies: [entry(1)]),
                SweepSummary.Point(id: "p0001", index: 1, values: ["small", "1m"], strategies: [entry(2)]),
                SweepSummary.Point(id: "p0002", index: 2, values: ["big", "30s"], strategies: [entry(10)]),
                SweepSummary.Point(id: "p0003", index: 3, values: ["big", "1m"], strategies: [entry(20)]),
            ])
        #expect(SweepParetoFront.members(summary) == [0, 2])
    }

    @Test func theCSVHasOneRowPerPointAndStrategy() {
        let expected = [
            "point,index,versions.candidate.fault.errorRate,analysis.interval,strategy,kind,users_failed_mean,"
                + "extra_pod_seconds_mean,duration_seconds_mean,aborted,escaped,false_abort_rate,detection_power,"
                + "detection_seconds_p95,pareto_front",
            "p0000,0,0.02,30s,Argo 1m steps,service-split,2,1800,900,0.5,0.5,0,0.5,240,true",
            "p0000,0,0.02,30s,\"<script>alert(1)</script> & \"\"x\"\"\",blue-green,,7200,1200,0,1,0,0,,true",
            "p0001,1,0.02,1m,Argo 1m steps,service-split,3.5,1800,960,0.25,0.75,0,0.25,300,false",
            "p0001,1,0.02,1m,\"<script>alert(1)</script> & \"\"x\"\"\",blue-green,,7200,1200,0,1,0,0,,true",
            "p0002,2,0.05,30s,Argo 1m steps,service-split,4,1440,700,0.75,0.25,0.05,0.75,180,true",
            "p0002,2,0.05,30s,\"<script>alert(1)</script> & \"\"x\"\"\",blue-green,12,7200,1200,0.5,0.5,0.1,0.5,600,false",
            "p0003,3,0.05,1m,Argo 1m steps,service-split,6,1620,800,0.5,0.5,0,0.5,200,true",
            "p0003,3,0.05,1m,\"<script>alert(1)</script> & \"\"x\"\"\",blue-green,20,,,0,1,0.1,,,true",
            "p0004,4,0.1,30s,Argo 1m steps,service-split,5,900,450,1,0,0.05,1,90,true",
            "p0004,4,0.1,30s,\"<script>alert(1)</script> & \"\"x\"\"\",blue-green,30,7200,1200,1,0,0.1,1,420,false",
            "p0005,5,0.1,1m,Argo 1m steps,service-split,9,1080,500,1,0,0,1,150,true",
            "p0005,5,0.1,1m,\"<script>alert(1)</script> & \"\"x\"\"\",blue-green,40,7200,1200,1,0,0.2,1,480,false",
        ]
        #expect(SweepCSVReport.render(Self.summary) == expected.joined(separator: "\r\n") + "\r\n")
    }

    @Test func theMarkdownNamesTheAxesAndTabulatesEveryPoint() {
        let markdown = SweepMarkdownReport.render(Self.summary)
        let name = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\""
        let expected = [
            "## Sweep: search \\| rates",
            "",
            "`search.json` · 6 points · `versions.candidate.fault.errorRate` = 0.02, 0.05, 0.1 · "
                + "`analysis.interval` = 30s, 1m",
            "",
            "| versions.candidate.fault.errorRate | analysis.interval | strategy | users failed | false aborts "
                + "| detection power | detect p95 | extra pod-h | Pareto front |",
            "|---|---|---|--:|--:|--:|--:|--:|:-:|",
            "| 0.02 | 30s | Argo 1m steps | 2 | 0 % | 50 % | 4m | 0.5 | ● |",
            "| 0.02 | 30s | \(name) | – | 0 % | 0 % | – | 2 | ● |",
            "| 0.02 | 1m | Argo 1m steps | 3.5 | 0 % | 25 % | 5m | 0.5 |  |",
            "| 0.02 | 1m | \(name) | – | 0 % | 0 % | – | 2 | ● |",
            "| 0.05 | 30s | Argo 1m steps | 4 | 5 % | 75 % | 3m | 0.4 | ● |",
            "| 0.05 | 30s | \(name) | 12 | 10 % | 50 % | 10m | 2 |  |",
            "| 0.05 | 1m | Argo 1m steps | 6 | 0 % | 50 % | 3m20s | 0.45 | ● |",
            "| 0.05 | 1m | \(name) | 20 | 10 % | – | – | – | ● |",
            "| 0.1 | 30s | Argo 1m steps | 5 | 5 % | 100 % | 1m30s | 0.25 | ● |",
            "| 0.1 | 30s | \(name) | 30 | 10 % | 100 % | 7m | 2 |  |",
            "| 0.1 | 1m | Argo 1m steps | 9 | 0 % | 100 % | 2m30s | 0.3 | ● |",
            "| 0.1 | 1m | \(name) | 40 | 20 % | 100 % | 8m | 2 |  |",
            "",
            "Figures: means over each point's runs; – : no run produced the figure. ● Pareto front: no other choice "
                + "under the same `versions.candidate.fault.errorRate` is at least as good on users failed, false "
                + "aborts and extra pod-hours and better on one.",
            "",
        ]
        #expect(markdown == expected.joined(separator: "\n"))
    }

    @Test func thePageIsBalancedSelfContainedAndDeterministic() {
        #expect(MarkupChecker.problem(in: Self.html) == nil)
        #expect(Self.html.hasPrefix("<!DOCTYPE html>"))
        for external in ["http:", "https:", "<script", "<link", "@import", "src=", "url("] {
            #expect(!Self.html.contains(external), "\(external)")
        }
        #expect(SweepHTMLReport.render(Self.summary, version: "0.1.0") == Self.html)
        #expect(!Self.html.contains("/home/someone"))
        #expect(
            Self.html.contains(
                "<p class=\"context\"><code>search.json</code> · 6 points × 2 strategies</p>\n"
                    + "<p class=\"context\">Varied: <code>versions.candidate.fault.errorRate</code> = 0.02, 0.05, 0.1"
                    + " · <code>analysis.interval</code> = 30s, 1m</p>"))
    }

    @Test func aHostileStrategyNameAppearsOnlyEscaped() {
        #expect(!Self.html.contains("\"x\""))
        #expect(!Self.html.contains("alert(1)</script>"))
        // In each curve chart the tooltips of its two legend labels, which are cut to fit; the tooltip of each of its
        // markers (3 + 2 with detection power, 3 + 3 false aborts); the scatter's legend and the tooltips of its
        // six points; and the six table rows.
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"
        #expect(Self.count(escaped, in: Self.html) == 2 * 2 + (3 + 2) + (3 + 3) + (1 + 6) + 6)
    }

    /// Two strategies × five thresholds are ten lines: past eight, each strategy gets its own
    /// pair of charts, one line per threshold.
    @Test func manyLinesAreSplitIntoOnePairOfChartsPerStrategy() {
        let thresholds = ["0.005", "0.01", "0.02", "0.05", "0.1"]
        var points: [SweepSummary.Point] = []
        for fault in ["0.01", "0.1"] {
            for threshold in thresholds {
                let entry = { (name: String) in
                    Self.figures(
                        name, "k", failed: 1, extra: 60, duration: 60, aborted: 1, falseAborts: 0, power: 1, p95: 30)
                }
                points.append(
                    .init(
                        id: SweepPoint.id(points.count), index: points.count, values: [fault, threshold],
                        strategies: [entry("Argo"), entry("Flagger")]))
            }
        }
        let summary = SweepSummary(
            file: "s.json", name: "s",
            axes: [
                .init(path: "fault", values: ["0.01", "0.1"]), .init(path: "analysis.maxErrorRate", values: thresholds),
            ],
            points: points)
        let html = SweepHTMLReport.render(summary, version: "1")
        #expect(MarkupChecker.problem(in: html) == nil)
        #expect(html.contains("<h4>Argo</h4>") && html.contains("<h4>Flagger</h4>"))
        #expect(Self.count("<title>Detection power against fault</title>", in: html) == 2)
        #expect(Self.count("<polyline class=\"series\"", in: html) == 4 * 5)
        #expect(html.contains(">Flagger · maxErrorRate=0.05</text>"))
        // Four lines stay in one pair.
        #expect(!SweepHTMLReport.render(Self.summary, version: "1").contains("<h4>"))
    }

    /// An axis with one value is a setting of the whole study: it names no line.
    @Test func anAxisWithOneValueStaysOutOfTheLegend() throws {
        var summary = Self.summary
        summary.axes.append(.init(path: "runs", values: ["6"]))
        for index in summary.points.indices { summary.points[index].values.append("6") }
        let html = SweepHTMLReport.render(summary, version: "1")
        let power = try Self.chart(html, titled: "Detection power against versions.candidate.fault.errorRate")
        #expect(Self.count("<polyline class=\"series\"", in: power) == 4)
        #expect(power.contains(">Argo 1m steps · interval=30s</text>"))
        #expect(!power.contains("runs=6"))
    }

    @Test func eachCurveHasOneLinePerStrategyAndInterval() throws {
        let power = try Self.chart(Self.html, titled: "Detection power against versions.candidate.fault.errorRate")
        let falseAborts = try Self.chart(Self.html, titled: "False-abort rate against versions")
        for chart in [power, falseAborts] {
            #expect(Self.count("<polyline class=\"series\"", in: chart) == 4)
            #expect(MarkupChecker.problem(in: chart) == nil)
            for label in ["Argo 1m steps · interval=30s", "Argo 1m steps · interval=1m"] {
                #expect(chart.contains(">\(label)</text>"))
            }
            // The categories as written, equally spaced over the 372 px plot from x = 52.
            #expect(
                chart.contains(
                    "<text x=\"114\" y=\"234\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">0.02</text>"))
            #expect(
                chart.contains(
                    "<text x=\"238\" y=\"234\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">0.05</text>"))
            #expect(
                chart.contains(
                    "<text x=\"362\" y=\"234\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">0.1</text>"))
        }
        // Blue-green at 1m has no detection power at 0.05: its line joins 0.02 and 0.1 only.
        #expect(Self.count("class=\"marker\"", in: power) == 3 + 3 + 3 + 2)
        #expect(Self.count("class=\"marker\"", in: falseAborts) == 4 * 3)
        #expect(power.contains("100 %</text>"))
    }

    @Test func linesDifferInColourAndInDashOrMarker() {
        let styles = (0..<30).map(LineChart.style(at:))
        #expect(Set(styles.prefix(7).map(\.colour)).count == 7)
        #expect(Set(styles.map { "\($0.dash ?? "solid") \($0.marker)" }).count == 30)
        #expect(styles[0] == LineChart.Style(colour: "#0072B2", edge: "#003f63", dash: nil, marker: .circle))
        #expect(styles[1] == LineChart.Style(colour: "#D55E00", edge: "#8a3d00", dash: "7 4", marker: .square))
    }

    @Test func theScatterFillsTheFrontAndTheTableNumbersItsPoints() throws {
        let scatter = try Self.chart(Self.html, titled: "Users failed against extra cost")
        #expect(Self.count("class=\"point front\"", in: scatter) == 8)
        #expect(Self.count("class=\"point\"", in: scatter) == 4)
        // Blue-green costs 2 pod-hours and fails no user at 0.02 with either interval: the second mark goes
        // left of the first, since right of it is outside the plot (which ends at x = 424).
        #expect(scatter.contains("<rect class=\"point front\" x=\"419.5\" y=\"235.5\" width=\"9\" height=\"9\""))
        #expect(scatter.contains("<rect class=\"point front\" x=\"408.5\" y=\"235.5\" width=\"9\" height=\"9\""))
        #expect(
            scatter.contains(
                "<title>#8 \(Markup.escape(Self.hostile)) · versions.candidate.fault.errorRate=0.05 · "
                    + "analysis.interval=1m: users failed 20, false aborts 10 %, extra pod-h –</title>"))
        let cells = [
            "<td data-label=\"versions.candidate.fault.errorRate\">0.05</td>",
            "<td data-label=\"analysis.interval\">1m</td>",
            "<td data-label=\"users failed\" class=\"num\">20</td>",
            "<td data-label=\"false aborts\" class=\"num\">10 %</td>",
            "<td data-label=\"detection power\" class=\"num none\">–</td>",
            "<td data-label=\"detect p95\" class=\"num none\">–</td>",
            "<td data-label=\"extra pod-h\" class=\"num none\">–</td>",
            "<td data-label=\"Pareto front\" class=\"num\">yes</td>",
        ]
        let heading = "<th scope=\"row\"><span class=\"index\">8</span> \(Markup.escape(Self.hostile))</th>"
        #expect(Self.html.contains("<tr>" + heading + cells.joined() + "</tr>"))
    }

    @Test func aHealthyCandidateDrawsOnlyFalseAborts() throws {
        let html = SweepHTMLReport.render(Self.healthy, version: "0.1.0")
        #expect(MarkupChecker.problem(in: html) == nil)
        #expect(!html.contains("<title>Detection power"))
        #expect(
            html.contains(
                "<p class=\"note\">The candidate is healthy at every point, so there is no detection power to draw.</p>"
            ))
        #expect(Self.count("<polyline class=\"series\"", in: html) == 4)
        #expect(html.contains("<title>False aborts against extra cost"))
    }
}
