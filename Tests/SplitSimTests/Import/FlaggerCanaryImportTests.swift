import Testing

@testable import SplitSim

/// Flagger's Canary → the flagger kind. Defaults and semantics: fluxcd/flagger
/// pkg/apis/flagger/v1beta1/canary.go (GetAnalysisInterval 60 s, at least 10 s;
/// GetAnalysisThreshold 1; DeploymentStrategy: iterations + match is A/B, iterations alone
/// Blue/Green), pkg/controller/scheduler.go (maxWeight defaults to 100), pkg/router/ingress.go
/// (a cookie header's exact value is canary-by-cookie), pkg/canary/deployment_controller.go
/// (the primary copies the target's strategy).
@Suite("import: Flagger Canary")
struct FlaggerCanaryImportTests {
    static let podinfo = """
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata:
          name: podinfo
        spec:
          provider: istio
          targetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: podinfo
          progressDeadlineSeconds: 60
          service:
            port: 9898
          analysis:
            interval: 1m
            threshold: 5
            maxWeight: 50
            stepWeight: 10
            metrics:
            - name: request-success-rate
              thresholdRange:
                min: 99
              interval: 1m
            - name: request-duration
              thresholdRange:
                max: 500
              interval: 30s
            webhooks:
            - name: load-test
              url: http://flagger-loadtester.test/
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: podinfo
        spec:
          replicas: 6
          strategy:
            rollingUpdate:
              maxSurge: 25%
              maxUnavailable: 0
          template:
            spec:
              containers:
              - name: podinfod
                image: ghcr.io/stefanprodan/podinfo:6.5.4
        """

    @Test("the podinfo Canary: weights, threshold, success rate, and the target's rolling update")
    func podinfoCanary() throws {
        let options = try ImportTestSupport.base(ImportTestSupport.baseScenario)
        let result = try ImportTestSupport.run(Self.podinfo, name: "podinfo.yaml", options: options)
        #expect(result.strategyCount == 1)
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "Canary podinfo",
                 "description": "Flagger canary analysis with istio, from Canary podinfo (podinfo.yaml)",
                 "kind": "flagger", "router": "istio", "interval": "1m", "threshold": 5, "stepWeight": 10,
                 "maxWeight": 50, "primaryRollingUpdate": {"maxSurge": "25%", "maxUnavailable": 0},
                 "analysis": {"maxErrorRate": 0.01, "metric": {"scrapeInterval": "15s", "window": "1m"}}}
                """)
        try ImportTestSupport.expect(
            result.scenario["cluster"], is: #"{"replicas": 6, "podStartup": "10s"}"#)
        #expect(
            ImportTestSupport.notes(result, .imported) == [
                "imported seed, runs, duration, traffic, cluster and versions from the base scenario (base.json)",
                #"imported Canary podinfo (podinfo.yaml): as "Canary podinfo": flagger via istio, weights 10..50 by 10"#,
                "imported Deployment podinfo (podinfo.yaml): the target of Canary podinfo, whose primary takes its replicas and rolling update",
                "imported cluster.replicas 6 from Deployment podinfo (podinfo.yaml): the base scenario has 4",
            ])
        #expect(ImportTestSupport.notes(result, .assumed).isEmpty)
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.analysis.metrics[1] of Canary podinfo (podinfo.yaml): latency is not simulated",
                "ignored spec.analysis.webhooks of Canary podinfo (podinfo.yaml): load tests, gates and other webhooks are not simulated",
                "ignored spec.progressDeadlineSeconds of Canary podinfo (podinfo.yaml)",
            ])
    }

    /// A Canary with this `analysis` (indented as its keys) and `provider`.
    static func canary(_ analysis: String, provider: String? = "istio") -> String {
        "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: c}\nspec:\n"
            + (provider.map { "  provider: \($0)\n" } ?? "")
            + "  targetRef: {kind: Deployment, name: absent}\n  analysis:\n\(analysis)\n"
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let analysis: String
        var provider: String? = "istio"
        let strategy: String
        var notes: [String] = []
        var testDescription: String { name }
    }

    static let variants: [Variant] = [
        Variant(
            name: "A/B testing on ingress-nginx with a cookie; mirror and weights ignored",
            analysis: """
                    interval: 5s
                    iterations: 10
                    stepWeight: 20
                    mirror: true
                    match:
                    - headers:
                        cookie:
                          exact: canary
                    metrics:
                    - name: request-success-rate
                      thresholdRange: {min: 99.5, max: 100}
                      interval: 2m
                """, provider: "nginx",
            strategy:
                #"{"router": "ingress-nginx", "interval": "10s", "threshold": 1, "iterations": 10, "match": {"cookie": "canary"}, "analysis": {"maxErrorRate": 0.005, "metric": {"window": "2m"}}}"#,
            notes: [
                "imported spec.analysis.interval of Canary c (m.yaml): Flagger runs at least every 10s",
                "ignored spec.analysis.stepWeight of Canary c (m.yaml): Flagger ignores the weights when iterations are set",
                "ignored spec.analysis.mirror of Canary c (m.yaml): Flagger's A/B route carries no mirror",
                "ignored spec.analysis.metrics[0].thresholdRange.max of Canary c (m.yaml)",
            ]),
        Variant(
            name: "A/B testing on istio with a header regex",
            analysis: """
                    iterations: 4
                    match:
                    - headers:
                        x-user:
                          regex: "^(alice|bob)$"
                    metrics:
                    - name: request-success-rate
                      threshold: 98
                """,
            strategy:
                #"{"router": "istio", "interval": "1m", "threshold": 1, "iterations": 4, "match": {"header": {"name": "x-user", "pattern": "^(alice|bob)$"}}, "analysis": {"maxErrorRate": 0.02, "metric": {"window": "1m"}}}"#
        ),
        Variant(
            name: "stepWeights; maxWeight is the last of them",
            analysis:
                "    interval: 2m\n    stepWeights: [1, 5, 25]\n    maxWeight: 30\n    threshold: 0\n    mirror: true",
            provider: "linkerd",
            strategy:
                #"{"router": "istio", "interval": "2m", "threshold": 1, "stepWeights": [1, 5, 25], "mirror": true, "analysis": null}"#,
            notes: [
                #"assumed spec.provider of Canary c (m.yaml): "linkerd" is not a router splitsim models; istio is used, which also splits each request by percentage weights"#,
                "assumed spec.analysis.metrics of Canary c (m.yaml): no request-success-rate metric: every check passes (\"analysis\": null)",
                "ignored spec.analysis.maxWeight of Canary c (m.yaml): the last of stepWeights is the maximum",
            ]),
        Variant(
            name: "Blue/Green iterations without a load tester; no provider is istio",
            analysis:
                "    interval: soon\n    iterations: 3\n    metrics:\n    - name: request-success-rate\n      thresholdRange: {min: 99}",
            provider: nil,
            strategy:
                #"{"router": "istio", "interval": "1m", "threshold": 1, "iterations": 3, "analysis": {"maxErrorRate": 0.01, "metric": {"window": "1m"}}}"#,
            notes: [
                "assumed spec.provider of Canary c (m.yaml): none is set; istio, the default of Flagger's -mesh-provider, is used",
                "assumed spec.analysis.interval of Canary c (m.yaml): it is not a duration; Flagger's default, 1m, is used",
                "assumed spec.analysis.iterations of Canary c (m.yaml): Blue/Green: the canary gets no production traffic for 3 checks, then all of it for one more; with no load tester (webhooks are not simulated) those checks have no data and fail",
            ]),
        Variant(
            name: "stepWeight beside stepWeights moves by stepWeight up to their last; maxWeight defaults to 100",
            analysis: "    stepWeight: 5\n    stepWeights: [10, 40]\n    metrics: []",
            provider: "gatewayapi:v1",
            strategy:
                #"{"router": "gateway-api", "interval": "1m", "threshold": 1, "stepWeight": 5, "maxWeight": 40, "analysis": null}"#,
            notes: [
                "assumed spec.analysis.metrics of Canary c (m.yaml): no request-success-rate metric: every check passes (\"analysis\": null)",
                "ignored spec.analysis.stepWeights of Canary c (m.yaml): with stepWeight set Flagger moves by stepWeight, up to the last of stepWeights",
            ]),
        Variant(
            name: "no stepWeight would never move the weight",
            analysis: "    threshold: 3\n    metrics:\n    - name: request-success-rate",
            strategy:
                #"{"router": "istio", "interval": "1m", "threshold": 3, "stepWeight": 10, "maxWeight": 100, "analysis": {"maxErrorRate": 1, "metric": {"window": "1m"}}}"#,
            notes: [
                "imported spec.analysis.metrics[0] of Canary c (m.yaml): without a minimum every check passes",
                "assumed spec.analysis.stepWeight of Canary c (m.yaml): none is set, so Flagger would never move the weight; 10 is used",
            ]),
    ]

    @Test("analysis variants", arguments: variants)
    func variant(_ variant: Variant) throws {
        let result = try ImportTestSupport.run(Self.canary(variant.analysis, provider: variant.provider))
        let strategy = try #require(try ImportTestSupport.strategies(of: result).first?.members)
        let kept = strategy.filter { !["name", "description", "kind"].contains($0.key) }
        try ImportTestSupport.expect(JSONNode(.object(kept), at: ImportTree.origin), is: variant.strategy)
        let target =
            "assumed spec.targetRef of Canary c (m.yaml): Deployment absent is not among the manifests; the primary takes cluster.replicas and rolls with 25 % surge and 25 % unavailable"
        let notes = result.notes.map(\.description).filter {
            !$0.hasPrefix("imported Canary c") && $0 != target && !$0.hasPrefix("assumed traffic, cluster and versions")
        }
        #expect(notes == variant.notes)
    }

    @Test("a Canary that skips its analysis promotes at once: a rolling update of the primary")
    func skipAnalysis() throws {
        let text = """
            apiVersion: flagger.app/v1beta1
            kind: Canary
            metadata: {name: c}
            spec:
              targetRef: {kind: Deployment, name: d}
              skipAnalysis: true
              analysis: {interval: 1m}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              strategy:
                rollingUpdate: {maxSurge: 1}
            """
        let result = try ImportTestSupport.run(text)
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is:
                #"{"name": "Canary c", "description": "Flagger promotion without analysis, from Canary c (m.yaml)", "kind": "rolling-update", "maxSurge": 1, "maxUnavailable": "25%"}"#
        )
        #expect(result.strategyCount == 1)
    }

    @Test("a success rate above 100 % is an error")
    func badThreshold() {
        let text = Self.canary(
            "    metrics:\n    - name: request-success-rate\n      thresholdRange:\n        min: 101")
        #expect(
            ImportTestSupport.errorLines([("m.yaml", text)]) == [
                "m.yaml:11:14: Canary c: spec.analysis.metrics[0].thresholdRange.min: 101 is not a success rate; expected a percentage 0...100"
            ])
    }

    @Test("Istio's cookie regex names the cookie")
    func cookieRegex() {
        #expect(FlaggerCanaryImport.cookieName(in: "^(.*?;)?(type=always)(;.*)?$") == "type")
        #expect(FlaggerCanaryImport.cookieName(in: "^(.*?;)?(type=insider)(;.*)?$") == nil)
    }
}
