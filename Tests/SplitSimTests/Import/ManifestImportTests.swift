import Testing

@testable import SplitSim

/// Reading manifest files, dispatching kinds, and the scenario around the strategies.
@Suite("import: manifests and the scenario")
struct ManifestImportTests {
    static let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n"

    @Test(
        "the scenario: its name, the starter scenario's settings, cluster.replicas from the manifests, the notes as description"
    )
    func scenarioWithoutBase() throws {
        let result = try ImportTestSupport.run([("deploy/web.yaml", Self.deployment)])
        let starter = try JSONNode(parsing: StarterScenario.text)
        #expect(
            result.scenario.members?.map(\.key) == [
                "name", "description", "seed", "runs", "duration", "traffic", "cluster", "versions", "strategies",
            ])
        try ImportTestSupport.expect(result.scenario["name"], is: #""imported from web.yaml""#)
        #expect(
            ImportTestSupport.withoutPositions(try #require(result.scenario["traffic"]))
                == ImportTestSupport.withoutPositions(try #require(starter["traffic"])))
        try ImportTestSupport.expect(
            result.scenario["cluster"],
            is:
                #"{"replicas": 3, "podStartup": "30s", "podShutdown": "30s", "podCapacityRps": 80, "podHourlyCost": 0.10}"#
        )
        let lines = [
            "imported 1 strategy from 1 manifest",
            #"imported Deployment web (web.yaml): as "Deployment web": rolling-update"#,
            "imported cluster.replicas 3 from Deployment web (web.yaml)",
            "assumed traffic, cluster and versions: no --base scenario, so the starter scenario's (splitsim init) are used, a faulty candidate included; give --base SCENARIO with yours",
        ]
        #expect(result.lines == lines)
        try ImportTestSupport.expect(result.scenario["description"], is: JSONPath.quoted(lines.joined(separator: "\n")))
        _ = try Scenario(decoding: result.scenario, file: "x.json")
    }

    @Test("a base scenario's settings, without its name, strategies and analysis")
    func scenarioWithBase() throws {
        let options = try ImportTestSupport.base(ImportTestSupport.baseScenario)
        let result = try ImportTestSupport.run([("web.yaml", Self.deployment)], options: options)
        try ImportTestSupport.expect(
            result.scenario,
            is: #"""
                {"name": "imported from web.yaml",
                 "description": "imported 1 strategy from 1 manifest\nimported seed, runs, duration, traffic, cluster and versions from the base scenario (base.json)\nimported Deployment web (web.yaml): as \"Deployment web\": rolling-update\nimported cluster.replicas 3 from Deployment web (web.yaml): the base scenario has 4",
                 "seed": 3, "runs": 4, "duration": "30m", "traffic": {"rps": 50, "users": 500},
                 "cluster": {"replicas": 3, "podStartup": "10s"}, "versions": {"candidate": {"fault": {"errorRate": 0.5}}},
                 "strategies": [{"name": "Deployment web", "description": "Kubernetes rolling update, from Deployment web (web.yaml)",
                                 "kind": "rolling-update", "maxSurge": "25%", "maxUnavailable": "25%"}]}
                """#)
    }

    @Test("kubectl's List is read item by item; strategies keep file order and unique names")
    func listAndNames() throws {
        let list = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "a"}},
              {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "b"}},
              {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}}
            ]}
            """
        let result = try ImportTestSupport.run([("live.json", list), ("z.yaml", Self.deployment)])
        #expect(
            try ImportTestSupport.strategies(of: result).compactMap { node -> String? in
                if case .string(let name)? = node["name"]?.value { return name }
                return nil
            } == ["Deployment web", "Deployment web (2)", "Deployment web (3)"])
        #expect(result.manifestCount == 4)
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored Service web (live.json): it holds no rollout strategy"
            ])
    }

    @Test("a document that is no Kubernetes object at all is passed over with a note")
    func notAManifest() throws {
        let result = try ImportTestSupport.run(
            [("base.json", ImportTestSupport.baseScenario), ("web.yaml", Self.deployment)])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored the document at line 1 (base.json): not a Kubernetes manifest (no apiVersion and kind)"
            ])
        #expect(result.manifestCount == 1)
    }

    static let broken: [(String, String, String)] = [
        (
            "a.yaml", "kind: Rollout\nspec: [1, 2\n",
            "a.yaml:2:7: malformed YAML: unterminated flow sequence; expected ']'"
        ),
        (
            "a.json", #"{"kind": "Rollout",}"#,
            "a.json:1:20: malformed JSON: trailing ',' before '}'; expected another member"
        ),
        (
            "a.yaml", "- 1\n- 2\n",
            "a.yaml:1:1: not a Kubernetes manifest: expected an object with apiVersion and kind, found an array"
        ),
        (
            "a.yaml", "kind: Rollout\nmetadata: {name: r}\n",
            "a.yaml:1:1: not a Kubernetes manifest: no apiVersion; expected both apiVersion and kind, such as apiVersion: argoproj.io/v1alpha1 and kind: Rollout"
        ),
        (
            "a.yaml", "apiVersion: v1\nkind: \"\"\n",
            "a.yaml:2:7: not a Kubernetes manifest: kind: expected a non-empty string, found an empty string"
        ),
        (
            "a.yaml", "apiVersion: v1\nkind: List\nitems: {}\n",
            "a.yaml:3:8: not a Kubernetes manifest: List.items: expected an array of objects, found an object"
        ),
        (
            "a.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n",
            "a.yaml:1:1: StatefulSet db (apps/v1) is not a manifest splitsim imports; expected one of Rollout (argoproj.io), AnalysisTemplate (argoproj.io), ClusterAnalysisTemplate (argoproj.io), Canary (flagger.app), Deployment (apps), Ingress (networking.k8s.io), HTTPRoute (gateway.networking.k8s.io), VirtualService (networking.istio.io)"
        ),
        (
            "a.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Canary\nmetadata: {name: c}\n",
            "a.yaml:1:1: Canary c (argoproj.io/v1alpha1) is not a manifest splitsim imports; expected one of Rollout (argoproj.io), AnalysisTemplate (argoproj.io), ClusterAnalysisTemplate (argoproj.io), Canary (flagger.app), Deployment (apps), Ingress (networking.k8s.io), HTTPRoute (gateway.networking.k8s.io), VirtualService (networking.istio.io)"
        ),
        (
            "a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n",
            "no rollout strategy in a.yaml; expected a Rollout, a Flagger Canary, a Deployment, a canary Ingress, an HTTPRoute or a VirtualService"
        ),
    ]

    @Test("malformed and unsupported manifests are errors with their file and position", arguments: broken)
    func malformed(_ file: String, _ text: String, _ error: String) {
        #expect(ImportTestSupport.errorLines([(file, text)]) == [error])
    }

    @Test("a strategy the scenario rejects names its manifest")
    func invalidResult() {
        // Argo takes any preview size; the scenario's bound (10 × replicas) catches it, and the
        // message says which manifest the strategy came from.
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              replicas: 4
              strategy:
                blueGreen: {activeService: a, previewReplicaCount: 41}
            """
        #expect(
            ImportTestSupport.errorLines([("r.yaml", text)]) == [
                "imported scenario: strategies[0].previewReplicas: 41 is out of range; expected 1...40 (at most 10 × cluster.replicas) (from Rollout r in r.yaml)"
            ])
    }

    @Test("JSON from kubectl with one object")
    func jsonObject() throws {
        let result = try ImportTestSupport.run(
            [
                (
                    "d.json",
                    #"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}, "spec": {"replicas": 2}}"#
                )
            ])
        try ImportTestSupport.expect(result.scenario["cluster"]?["replicas"], is: "2")
    }
}
