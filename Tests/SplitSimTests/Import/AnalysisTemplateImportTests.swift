import Testing

@testable import SplitSim

/// AnalysisTemplate → a strategy's analysis. Semantics: argoproj/argo-rollouts
/// pkg/apis/rollouts/v1alpha1/analysis_types.go (Metric: no interval and no count is one
/// measurement; an interval alone measures until terminated; count > 1 needs an interval) and
/// utils/evaluate/evaluate.go (EvaluateResult: without a failure condition a missed success
/// condition fails; with both, neither holding is Inconclusive; the failure condition wins).
@Suite("import: AnalysisTemplate")
struct AnalysisTemplateImportTests {
    /// A Rollout whose background analysis uses template `t`, and `t` with `metric`.
    static func manifests(metric: String, base: Bool = false) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r}
        spec:
          strategy:
            canary:
              analysis:
                templates:
                - templateName: t
              steps:
              - setWeight: 10
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: t}
        spec:
          metrics:
          - name: m
            provider:
              prometheus: {query: q}
        \(metric)
        """
    }

    /// The strategy's analysis for a metric with these extra lines (indented as its keys).
    static func analysis(_ metric: String, options: ImportOptions = ImportOptions()) throws -> (
        JSONNode?, ManifestImport
    ) {
        let result = try ImportTestSupport.run(manifests(metric: metric), name: "t.yaml", options: options)
        return (try ImportTestSupport.strategies(of: result).first?["analysis"], result)
    }

    struct Threshold: Sendable, CustomTestStringConvertible {
        let conditions: String
        let analysis: String
        var testDescription: String { conditions }
    }

    static let thresholds: [Threshold] = [
        Threshold(conditions: "successCondition: result[0] >= 0.99", analysis: #"{"count": 1, "maxErrorRate": 0.01}"#),
        Threshold(conditions: "successCondition: result[0] <= 0.01", analysis: #"{"count": 1, "maxErrorRate": 0.01}"#),
        Threshold(conditions: "successCondition: 'result[0] < 0.05'", analysis: #"{"count": 1, "maxErrorRate": 0.05}"#),
        Threshold(conditions: "successCondition: 0.95 <= result", analysis: #"{"count": 1, "maxErrorRate": 0.05}"#),
        Threshold(
            conditions: "successCondition: len(result) == 0 || result[0] >= 0.995",
            analysis: #"{"count": 1, "maxErrorRate": 0.005, "noData": "success"}"#),
        Threshold(
            conditions: "successCondition: isNaN(result[0]) || result[0] <= 0.02",
            analysis: #"{"count": 1, "maxErrorRate": 0.02, "noData": "success"}"#),
        Threshold(
            conditions: "successCondition: result[0] >= 0.99\n    failureCondition: result[0] < 0.9",
            analysis: #"{"count": 1, "maxErrorRate": 0.01, "failErrorRate": 0.1}"#),
        Threshold(conditions: "failureCondition: result[0] > 0.03", analysis: #"{"count": 1, "maxErrorRate": 0.03}"#),
        Threshold(conditions: "failureLimit: 2", analysis: #"{"count": 1, "maxErrorRate": 1, "failureLimit": 2}"#),
    ]

    @Test("a simple threshold on result[0] becomes maxErrorRate (and failErrorRate)", arguments: thresholds)
    func threshold(_ threshold: Threshold) throws {
        let (analysis, result) = try Self.analysis("    " + threshold.conditions)
        try ImportTestSupport.expect(analysis, is: threshold.analysis)
        #expect(ImportTestSupport.notes(result, .ignored).isEmpty)
    }

    @Test("interval, count, limits and initialDelay carry over; no interval and no count is one measurement")
    func settings() throws {
        let (analysis, _) = try Self.analysis(
            """
                interval: 2m
                count: "5"
                initialDelay: 45s
                inconclusiveLimit: 1
                consecutiveErrorLimit: 3
                successCondition: result[0] >= 0.98
            """)
        try ImportTestSupport.expect(
            analysis,
            is:
                #"{"interval": "2m", "count": 5, "maxErrorRate": 0.02, "inconclusiveLimit": 1, "consecutiveErrorLimit": 3, "initialDelay": "45s"}"#
        )
        let (indefinite, _) = try Self.analysis("    interval: 1m\n    successCondition: result[0] >= 0.98")
        try ImportTestSupport.expect(indefinite, is: #"{"interval": "1m", "maxErrorRate": 0.02}"#)
    }

    @Test("a condition that is no simple threshold keeps the base scenario's and says so")
    func unreadableCondition() throws {
        let options = try ImportTestSupport.base(ImportTestSupport.baseScenario)
        let (analysis, result) = try Self.analysis(
            "    successCondition: all(result, {# >= 0.9})", options: options)
        try ImportTestSupport.expect(
            analysis,
            is:
                #"{"count": 1, "maxErrorRate": 0.02, "minRequests": 20, "noData": "inconclusive", "metric": {"scrapeInterval": "15s", "window": "2m"}}"#
        )
        #expect(
            ImportTestSupport.notes(result, .assumed) == [
                #"assumed spec.metrics[0].successCondition of AnalysisTemplate t (t.yaml): "all(result, {# >= 0.9})" is not a threshold on result[0]; maxErrorRate 0.02 from base.json is used, confirm it"#,
                "assumed spec.metrics[0] of AnalysisTemplate t (t.yaml): metric m is taken to read the candidate pods' error rate; minRequests, metric, noData from base.json",
            ])
        // The watchdog after promotion is not Argo's: the base scenario's afterPromotion stays out.
        #expect(analysis?["afterPromotion"] == nil)
    }

    @Test("without a base, an unreadable condition keeps the default threshold")
    func unreadableWithoutBase() throws {
        let (analysis, result) = try Self.analysis("    successCondition: result.p99 < 300")
        try ImportTestSupport.expect(analysis, is: #"{"count": 1, "maxErrorRate": 0.01}"#)
        #expect(
            ImportTestSupport.notes(result, .assumed).contains(
                #"assumed spec.metrics[0].successCondition of AnalysisTemplate t (t.yaml): "result.p99 < 300" is not a threshold on result[0]; maxErrorRate 0.01, the default is used, confirm it"#
            ))
    }

    @Test("a templated count is an assumption; further metrics are ignored")
    func templatedCountAndSecondMetric() throws {
        let result = try ImportTestSupport.run(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              strategy:
                canary:
                  analysis:
                    templates:
                    - templateName: t
                  steps:
                  - setWeight: 10
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: t}
            spec:
              args:
              - name: count
              dryRun:
              - metricName: latency
              metrics:
              - name: latency
                interval: 1m
                successCondition: result[0] < 300
                provider:
                  prometheus: {query: q}
              - name: errors
                interval: 1m
                count: "{{args.count}}"
                successCondition: result[0] <= 0.01
                provider:
                  prometheus: {query: q}
            """, name: "t.yaml")
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first?["analysis"],
            is: #"{"interval": "1m", "maxErrorRate": 0.01}"#)
        #expect(
            ImportTestSupport.notes(result, .assumed).dropFirst() == [
                #"assumed spec.metrics[1].count of AnalysisTemplate t (t.yaml): "{{args.count}}" is not a number splitsim can resolve; Argo's default is used"#,
                "assumed spec.metrics[1] of AnalysisTemplate t (t.yaml): metric errors is taken to read the candidate pods' error rate; minRequests and metric are the scenario defaults (1 request, a 1m window scraped every 30s)",
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.metrics[0] of AnalysisTemplate t (t.yaml): a scenario's analysis measures one metric, the candidate's error rate; metric errors is used",
                "ignored spec.dryRun of AnalysisTemplate t (t.yaml)",
            ])
    }

    @Test("a template no Rollout uses is ignored")
    func unused() throws {
        let result = try ImportTestSupport.run(
            [
                ("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"),
                ("t.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata: {name: t}\nspec: {}\n"),
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored AnalysisTemplate t (t.yaml): no Rollout among the manifests uses it"
            ])
    }

    @Test("a count above 1 without an interval, and a template without metrics, are errors")
    func malformed() {
        let withoutInterval = ImportTestSupport.errorLines([("t.yaml", Self.manifests(metric: "    count: 3"))])
        #expect(
            withoutInterval == [
                "t.yaml:21:12: AnalysisTemplate t: spec.metrics[0].count: a count above 1 needs an interval between the measurements; expected interval"
            ])
        let empty = Self.manifests(metric: "").replacing(
            "  - name: m\n    provider:\n      prometheus: {query: q}\n", with: ""
        )
        .replacing("  metrics:\n", with: "  metrics: []\n")
        #expect(
            ImportTestSupport.errorLines([("t.yaml", empty)]) == [
                "t.yaml:17:12: AnalysisTemplate t: spec.metrics: no metrics; expected at least one metric to measure"
            ])
    }

    @Test(
        "conditions parse to thresholds, or to nothing",
        arguments: [
            ("result[0] >= 0.99", "0.01"), ("result <= 0.2", "0.2"), ("asFloat(result[0]) > 0.5", "0.5"),
            ("result[0]>=1", "0"), ("0.1 > result[0]", "0.1"), ("result[0] >= 99", nil), ("result[0] >= x", nil),
            ("result[0] >= 0.9 && result[1] >= 0.9", nil), ("len(result) > 0 && result[0] >= 0.9", nil),
        ] as [(String, String?)])
    func conditionParsing(_ text: String, _ allowed: String?) {
        #expect(ThresholdCondition(parsing: text)?.errorRateAllowed.description == allowed)
    }

    @Test(
        "decimals convert exactly",
        arguments: [
            ("0.99", "0.01"), ("0.995", "0.005"), ("1", "0"), ("0", "1"), ("1e-2", "0.99"), (".5", "0.5"),
            ("0.100", "0.9"),
        ])
    func decimalComplement(_ literal: String, _ complement: String) throws {
        #expect(try #require(DecimalFraction(literal: literal)).complement.description == complement)
    }

    @Test("percentages become fractions exactly")
    func percentages() throws {
        #expect(try #require(DecimalFraction(literal: "99.9")).percentAsFraction.complement.description == "0.001")
        #expect(try #require(DecimalFraction(literal: "99")).percentAsFraction.complement.description == "0.01")
        #expect(DecimalFraction(literal: "1.2.3") == nil)
        #expect(DecimalFraction(literal: "12345678901234567890") == nil)
        #expect(DecimalFraction(literal: "") == nil)
    }
}
