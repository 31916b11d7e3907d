import Testing

@testable import SplitSim

/// Argo Rollouts' Rollout → service-split, replicaset-split and blue-green. Field names and
/// defaults: argoproj/argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (CanaryStrategy,
/// BlueGreenStrategy, CanaryStep, RolloutPause), utils/defaults/defaults.go (1 replica, 25 %),
/// rollout/trafficrouting/nginx/nginx.go (maxTrafficWeight → canary-weight-total; additional
/// annotations), utils/ingress/ingress.go (GetCanaryIngressName).
@Suite("import: Argo Rollout")
struct RolloutImportTests {
    static let routed = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: api
        spec:
          replicas: 8
          strategy:
            canary:
              canaryService: api-canary
              stableService: api-stable
              maxSurge: 2
              dynamicStableScale: true
              scaleDownDelaySeconds: 60
              abortScaleDownDelaySeconds: 10
              trafficRouting:
                maxTrafficWeight: 1000
                nginx:
                  stableIngress: api
                  additionalIngressAnnotations:
                    canary-by-header: x-beta
                    canary-by-header-value: "yes"
                    canary-mode: strict
              analysis:
                templates:
                - templateName: errors
                startingStep: 2
              antiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution: {}
              steps:
              - setCanaryScale: {replicas: 2}
              - setHeaderRoute:
                  name: beta
                  match:
                  - headerName: x-beta
                    headerValue: {prefix: "v2."}
              - setWeight: 50
              - pause: {}
              - analysis:
                  templates:
                  - templateName: errors
              - setMirrorRoute:
                  name: shadow
                  percentage: 30
                  match:
                  - method: {exact: GET}
              - experiment:
                  templates: []
              - setWeight: 500
              - pause: {duration: 90}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: errors
        spec:
          metrics:
          - name: error-rate
            interval: 30s
            count: 4
            failureLimit: 1
            consecutiveErrorLimit: 2
            successCondition: len(result) == 0 || result[0] <= 0.02
            failureCondition: result[0] > 0.05
            provider:
              prometheus:
                query: errors
        """

    @Test("a canary with nginx routing is a service-split with every Argo step")
    func routedCanary() throws {
        let result = try ImportTestSupport.run(Self.routed, name: "api.yaml")
        let strategies = try ImportTestSupport.strategies(of: result)
        #expect(strategies.count == 1)
        try ImportTestSupport.expect(
            strategies.first,
            is: """
                {"name": "Rollout api",
                 "description": "Argo Rollouts canary with ingress-nginx traffic routing, from Rollout api (api.yaml)",
                 "kind": "service-split", "router": "ingress-nginx", "weightTotal": 1000,
                 "header": {"name": "x-beta", "value": "yes"},
                 "dynamicStableScale": true, "scaleDownDelay": "60s", "abortScaleDownDelay": "10s",
                 "steps": [{"setCanaryScale": {"replicas": 2}}, {"setHeaderRoute": {"name": "x-beta", "pattern": "^v2\\\\."}},
                           {"setWeight": 50}, {"pause": "10m"}, {"analysis": {"count": 4}},
                           {"setMirrorRoute": {"percentage": 30}}, {"setWeight": 500}, {"pause": "90s"}],
                 "analysis": {"interval": "30s", "count": 4, "maxErrorRate": 0.02, "failErrorRate": 0.05,
                              "noData": "success", "failureLimit": 1, "consecutiveErrorLimit": 2}}
                """)
        #expect(
            ImportTestSupport.notes(result, .assumed) == [
                "assumed traffic, cluster and versions: no --base scenario, so the starter scenario's (splitsim init) are used, a faulty candidate included; give --base SCENARIO with yours",
                "assumed spec.strategy.canary.steps[3].pause of Rollout api (api.yaml): a pause without a duration waits for a person to promote; it lasts 10m here (--manual-pause)",
                "assumed spec.strategy.canary.steps[5].setMirrorRoute.match of Rollout api (api.yaml): a scenario mirrors 30 % of all requests, not only those the match selects",
                "assumed spec.metrics[0] of AnalysisTemplate errors (api.yaml): metric error-rate is taken to read the candidate pods' error rate; minRequests and metric are the scenario defaults (1 request, a 1m window scraped every 30s)",
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                #"ignored spec.strategy.canary.trafficRouting.nginx.additionalIngressAnnotations["canary-mode"] of Rollout api (api.yaml)"#,
                "ignored spec.strategy.canary.steps[6].experiment of Rollout api (api.yaml): experiments are not simulated",
                "ignored spec.strategy.canary.maxSurge of Rollout api (api.yaml): a canary with a traffic router sizes its ReplicaSets from the weight",
                "ignored spec.strategy.canary.antiAffinity of Rollout api (api.yaml)",
            ])
        #expect(
            ImportTestSupport.notes(result, .imported) == [
                #"imported Rollout api (api.yaml): as "Rollout api": service-split via ingress-nginx, 8 steps"#,
                "imported cluster.replicas 8 from Rollout api (api.yaml)",
            ])
        try ImportTestSupport.expect(
            result.scenario["cluster"],
            is:
                #"{"replicas": 8, "podStartup": "30s", "podShutdown": "30s", "podCapacityRps": 80, "podHourlyCost": 0.10}"#
        )
    }

    @Test("the canary Ingress Argo manages beside the stable one gives the header and cookie rules")
    func managedCanaryIngress() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: web, namespace: shop}
            spec:
              strategy:
                canary:
                  trafficRouting:
                    nginx:
                      stableIngress: web
                  steps:
                  - setWeight: 10
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web-web-canary
              namespace: shop
              annotations:
                nginx.ingress.kubernetes.io/canary: "true"
                nginx.ingress.kubernetes.io/canary-weight: "10"
                nginx.ingress.kubernetes.io/canary-by-cookie: tester
            """
        let result = try ImportTestSupport.run(text, name: "web.yaml")
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "Rollout web",
                 "description": "Argo Rollouts canary with ingress-nginx traffic routing, from Rollout web (web.yaml)",
                 "kind": "service-split", "router": "ingress-nginx", "cookie": "tester", "steps": [{"setWeight": 10}]}
                """)
        #expect(result.strategyCount == 1)
        #expect(result.manifestCount == 3)
        #expect(
            ImportTestSupport.notes(result, .imported) == [
                #"imported Rollout web (web.yaml): as "Rollout web": service-split via ingress-nginx, 1 step"#,
                "imported cluster.replicas 1 from Rollout web (web.yaml)",
                "imported Ingress web (web.yaml): the stable Ingress of Rollout web",
                #"imported Ingress web-web-canary (web.yaml): the canary Ingress Rollout web manages; its header and cookie rules apply to "Rollout web""#,
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                #"ignored metadata.annotations["nginx.ingress.kubernetes.io/canary-weight"] of Ingress web-web-canary (web.yaml): Rollout web's steps set the weight"#
            ])
    }

    @Test("without a router splitsim models, a canary is a basic canary with its surge budget")
    func basicCanary() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: worker
            spec:
              replicas: 4
              minReadySeconds: 5
              strategy:
                canary:
                  maxSurge: 1
                  maxUnavailable: 0
                  dynamicStableScale: true
                  trafficRouting:
                    alb:
                      ingress: worker
                  steps:
                  - setWeight: 25
                  - setCanaryScale: {weight: 50}
                  - pause: {duration: 5m}
                  - analysis:
                      templates:
                      - templateName: missing
            """
        let result = try ImportTestSupport.run(text, name: "worker.yaml")
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "Rollout worker",
                 "description": "Argo Rollouts basic canary (no traffic router), from Rollout worker (worker.yaml)",
                 "kind": "replicaset-split", "maxSurge": 1, "maxUnavailable": 0,
                 "steps": [{"setWeight": 25}, {"pause": "5m"}, {"analysis": {"count": 1}}],
                 "analysis": {"count": 1, "maxErrorRate": 0.01, "background": false}}
                """)
        #expect(
            ImportTestSupport.notes(result, .assumed).dropFirst() == [
                "assumed spec.strategy.canary.trafficRouting.alb of Rollout worker (worker.yaml): not a router splitsim models; imported as a basic canary (replicaset-split), which splits per connection by pod ratio",
                "assumed spec.strategy.canary.steps[3].analysis.templates[0] of Rollout worker (worker.yaml): AnalysisTemplate missing is not among the manifests; the analysis takes maxErrorRate 0.01 (the default) and measures once",
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.strategy.canary.steps[1].setCanaryScale of Rollout worker (worker.yaml): it needs trafficRouting",
                "ignored spec.strategy.canary.dynamicStableScale of Rollout worker (worker.yaml): it applies only with trafficRouting",
                "ignored spec.minReadySeconds of Rollout worker (worker.yaml)",
            ])
    }

    @Test("istio weights are rescaled to percent; the Gateway API plugin keeps maxTrafficWeight as its total")
    func istioAndGatewayRouting() throws {
        func rollout(_ routing: String) -> String {
            "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary:\n"
                + "      trafficRouting:\n        maxTrafficWeight: 1000\n\(routing)\n"
                + "      steps:\n      - setWeight: 5\n      - setWeight: 125\n"
        }
        let istio = try ImportTestSupport.run(
            rollout("        istio:\n          virtualService:\n            name: r-vs\n            routes: [primary]"))
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: istio).first?["steps"], is: #"[{"setWeight": 1}, {"setWeight": 13}]"#)
        #expect(try ImportTestSupport.strategies(of: istio).first?["weightTotal"] == nil)
        #expect(
            ImportTestSupport.notes(istio, .assumed).last
                == "assumed spec.strategy.canary.trafficRouting.maxTrafficWeight of Rollout r (m.yaml): splitsim's istio router counts in whole percent; every setWeight is scaled from 1000 to 100 and rounded"
        )
        let gateway = try ImportTestSupport.run(
            rollout("        plugins:\n          argoproj-labs/gatewayAPI: {httpRoute: r-route, namespace: default}"))
        let strategy = try #require(try ImportTestSupport.strategies(of: gateway).first)
        try ImportTestSupport.expect(strategy["router"], is: #""gateway-api""#)
        try ImportTestSupport.expect(strategy["weightTotal"], is: "1000")
        try ImportTestSupport.expect(strategy["steps"], is: #"[{"setWeight": 5}, {"setWeight": 125}]"#)
        #expect(ImportTestSupport.notes(gateway, .ignored).isEmpty)
    }

    @Test("the background analysis starting after the first setWeight is an assumption")
    func startingStep() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              strategy:
                canary:
                  analysis:
                    templates:
                    - templateName: t
                    startingStep: 2
                  steps:
                  - setWeight: 10
                  - pause: {duration: 1m}
                  - setWeight: 40
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: t}
            spec:
              metrics:
              - name: m
                successCondition: result[0] >= 0.999
                provider:
                  prometheus: {query: q}
            """
        let result = try ImportTestSupport.run(text)
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first?["analysis"], is: #"{"count": 1, "maxErrorRate": 0.001}"#
        )
        #expect(
            ImportTestSupport.notes(result, .assumed).contains(
                "assumed spec.strategy.canary.analysis.startingStep of Rollout r (m.yaml): Argo starts the background analysis at steps[2]; a scenario starts it at the first setWeight step, steps[0]"
            ))
    }

    @Test("a step analysis from another template keeps only its count")
    func stepTemplateDiffers() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              strategy:
                canary:
                  steps:
                  - setWeight: 10
                  - analysis:
                      templates:
                      - templateName: a
                  - analysis:
                      templates:
                      - templateName: b
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: a}
            spec:
              metrics:
              - {name: m, interval: 1m, count: 3, successCondition: "result[0] < 0.05"}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: b}
            spec:
              metrics:
              - {name: m, interval: 2m}
            """
        let result = try ImportTestSupport.run(text)
        let strategy = try #require(try ImportTestSupport.strategies(of: result).first)
        try ImportTestSupport.expect(
            strategy["steps"], is: #"[{"setWeight": 10}, {"analysis": {"count": 3}}, {"analysis": {"count": 5}}]"#)
        try ImportTestSupport.expect(
            strategy["analysis"], is: #"{"interval": "1m", "count": 3, "maxErrorRate": 0.05, "background": false}"#)
        #expect(
            ImportTestSupport.notes(result, .assumed).filter { $0.contains("steps[2]") } == [
                "assumed spec.strategy.canary.steps[2].analysis of Rollout r (m.yaml): AnalysisTemplate b measures until it is stopped, which blocks the step until a person steps in; it takes 5 measurements here",
                "assumed spec.strategy.canary.steps[2].analysis of Rollout r (m.yaml): a strategy has one analysis, from AnalysisTemplate a; only the count of AnalysisTemplate b is kept",
            ])
    }

    @Test("the Deployment a workloadRef names is the Rollout's template, no strategy of its own")
    func workloadRef() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              replicas: 5
              workloadRef: {apiVersion: apps/v1, kind: Deployment, name: r-template, scaleDown: onsuccess}
              strategy:
                canary:
                  steps:
                  - setWeight: 20
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: r-template}
            spec: {replicas: 0}
            ---
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [rollout.yaml]
            """
        let result = try ImportTestSupport.run(text)
        #expect(result.strategyCount == 1)
        try ImportTestSupport.expect(result.scenario["cluster"]?["replicas"], is: "5")
        #expect(
            ImportTestSupport.notes(result, .imported).contains(
                "imported Deployment r-template (m.yaml): the workloadRef of Rollout r"))
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored Kustomization (unnamed) (m.yaml): it holds no rollout strategy"
            ])
    }

    @Test("a canary without steps goes to 100 % at once")
    func noSteps() throws {
        let result = try ImportTestSupport.run(
            "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary: {}\n"
        )
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first?["steps"], is: #"[{"setWeight": 100}]"#)
        #expect(
            ImportTestSupport.notes(result, .assumed).last
                == "assumed spec.strategy.canary.steps of Rollout r (m.yaml): a canary without steps goes to full weight at once; imported as one setWeight step to 100 %"
        )
    }

    @Test("blue-green: manual promotion, pre- and post-promotion analysis from a ClusterAnalysisTemplate")
    func blueGreen() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: checkout
            spec:
              replicas: 6
              strategy:
                blueGreen:
                  activeService: checkout-active
                  previewService: checkout-preview
                  previewReplicaCount: 2
                  autoPromotionEnabled: false
                  autoPromotionSeconds: 30
                  scaleDownDelaySeconds: 120
                  abortScaleDownDelaySeconds: 5
                  prePromotionAnalysis:
                    templates:
                    - templateName: smoke
                      clusterScope: true
                  postPromotionAnalysis:
                    templates:
                    - templateName: smoke
                      clusterScope: true
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: ClusterAnalysisTemplate
            metadata:
              name: smoke
            spec:
              metrics:
              - name: smoke
                interval: 1m
                successCondition: result[0] > 0.95
                provider:
                  web:
                    url: http://checks/smoke
            """
        let result = try ImportTestSupport.run(text, name: "bg.yaml", options: ImportOptions(manualPause: .minutes(30)))
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "Rollout checkout", "description": "Argo Rollouts blue-green, from Rollout checkout (bg.yaml)",
                 "kind": "blue-green", "previewReplicas": 2, "autoPromotion": "30m", "scaleDownDelay": "120s",
                 "prePromotionAnalysis": {"count": 30}, "postPromotionAnalysis": {"count": 30},
                 "analysis": {"interval": "1m", "maxErrorRate": 0.05}}
                """)
        #expect(
            ImportTestSupport.notes(result, .assumed).dropFirst() == [
                "assumed spec.strategy.blueGreen.autoPromotionEnabled of Rollout checkout (bg.yaml): the switch waits for a person; it comes 30m after the preview is ready here (--manual-pause)",
                "assumed spec.strategy.blueGreen.prePromotionAnalysis of Rollout checkout (bg.yaml): ClusterAnalysisTemplate smoke measures until it is stopped, which blocks the release until a person steps in; it takes 30 measurements here",
                "assumed spec.strategy.blueGreen.postPromotionAnalysis of Rollout checkout (bg.yaml): ClusterAnalysisTemplate smoke measures until it is stopped, which blocks the release until a person steps in; it takes 30 measurements here",
                "assumed spec.metrics[0] of ClusterAnalysisTemplate smoke (bg.yaml): metric smoke is taken to read the candidate pods' error rate; minRequests and metric are the scenario defaults (1 request, a 1m window scraped every 30s)",
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.strategy.blueGreen.autoPromotionSeconds of Rollout checkout (bg.yaml): Argo ignores it when autoPromotionEnabled is false",
                "ignored spec.strategy.blueGreen.abortScaleDownDelaySeconds of Rollout checkout (bg.yaml): a scenario's blue-green scales the preview down at once on abort",
            ])
    }

    @Test("auto-promotion after autoPromotionSeconds")
    func autoPromotionSeconds() throws {
        let result = try ImportTestSupport.run(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              strategy:
                blueGreen: {activeService: a, autoPromotionSeconds: 300}
            """)
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is:
                #"{"name": "Rollout r", "description": "Argo Rollouts blue-green, from Rollout r (m.yaml)", "kind": "blue-green", "autoPromotion": "300s"}"#
        )
    }

    struct BrokenRollout: Sendable, CustomTestStringConvertible {
        let strategy: String
        let error: String
        var testDescription: String { error }
    }

    static let broken: [BrokenRollout] = [
        BrokenRollout(
            strategy: "canary:\n      steps:\n      - setWeight: ten",
            error:
                "m.yaml:8:20: Rollout r: spec.strategy.canary.steps[0].setWeight: expected an integer 0...100, found a string"
        ),
        BrokenRollout(
            strategy: "canary:\n      steps:\n      - setWeight: 120",
            error:
                "m.yaml:8:20: Rollout r: spec.strategy.canary.steps[0].setWeight: 120 is out of range; expected 0...100"
        ),
        BrokenRollout(
            strategy: "canary:\n      steps:\n      - setWeight: 10\n        pause: {}",
            error:
                "m.yaml:8:9: Rollout r: spec.strategy.canary.steps[0]: a step with 2 keys; expected exactly one, such as setWeight or pause"
        ),
        BrokenRollout(
            strategy: "canary:\n      steps:\n      - pause: {duration: soon}",
            error:
                #"m.yaml:8:27: Rollout r: spec.strategy.canary.steps[0].pause.duration: "soon" is not a duration; expected a duration such as "10m" or a whole number of seconds"#
        ),
        BrokenRollout(
            strategy: "canary:\n      maxSurge: 0\n      maxUnavailable: 0",
            error:
                "m.yaml:8:23: Rollout r: spec.strategy.canary.maxUnavailable: maxSurge and maxUnavailable are both 0; expected at least one above 0"
        ),
        BrokenRollout(
            strategy: "canary: {}\n    blueGreen: {}",
            error: "m.yaml:6:5: Rollout r: spec.strategy: both canary and blueGreen; expected one of them"),
        BrokenRollout(
            strategy: "rollingUpdate: {}",
            error: "m.yaml:6:5: Rollout r: spec.strategy: expected canary or blueGreen"),
        BrokenRollout(
            strategy: "canary:\n      analysis:\n        templates: []",
            error:
                "m.yaml:8:20: Rollout r: spec.strategy.canary.analysis.templates: no templates; expected at least one {templateName: NAME}"
        ),
    ]

    @Test("a malformed Rollout field is an error naming the file, the position and the path", arguments: broken)
    func malformed(_ broken: BrokenRollout) {
        let text =
            "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    \(broken.strategy)\n"
        #expect(ImportTestSupport.errorLines([("m.yaml", text)]) == [broken.error])
    }
}
