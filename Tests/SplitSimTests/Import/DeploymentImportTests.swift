import Testing

@testable import SplitSim

/// Deployment → rolling-update. Defaults: kubernetes pkg/apis/apps/v1/defaults.go
/// (SetDefaults_Deployment: 1 replica, RollingUpdate, 25 % surge, 25 % unavailable).
@Suite("import: Deployment")
struct DeploymentImportTests {
    @Test("a Deployment's rolling update, with the Kubernetes defaults for what it leaves out")
    func rollingUpdate() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replicas: 12
              minReadySeconds: 10
              progressDeadlineSeconds: 600
              revisionHistoryLimit: 2
              selector:
                matchLabels: {app: web}
              strategy:
                rollingUpdate:
                  maxSurge: 3
              template:
                spec:
                  containers:
                  - name: web
                    image: web:1
            status:
              replicas: 12
            """
        let result = try ImportTestSupport.run(text, name: "web.yaml")
        try ImportTestSupport.expect(
            result.scenario["strategies"],
            is: """
                [{"name": "Deployment web", "description": "Kubernetes rolling update, from Deployment web (web.yaml)",
                  "kind": "rolling-update", "maxSurge": 3, "maxUnavailable": "25%"}]
                """)
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.minReadySeconds of Deployment web (web.yaml)",
                "ignored spec.progressDeadlineSeconds of Deployment web (web.yaml)",
            ])
        try ImportTestSupport.expect(result.scenario["cluster"]?["replicas"], is: "12")
    }

    @Test("Recreate is named and not simulated; with nothing else to import that is an error")
    func recreate() {
        let text =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: db}\nspec:\n  strategy:\n    type: Recreate\n"
        #expect(
            ImportTestSupport.errorLines([("db.yaml", text)]) == [
                "no rollout strategy in db.yaml; expected a Rollout, a Flagger Canary, a Deployment, a canary Ingress, an HTTPRoute or a VirtualService"
            ])
    }

    @Test("Recreate beside another strategy is an ignored note")
    func recreateNote() throws {
        let result = try ImportTestSupport.run(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: db}\nspec:\n  strategy:\n    type: Recreate\n"
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n")
        #expect(result.strategyCount == 1)
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.strategy.type of Deployment db (m.yaml): Recreate stops every old pod before a new one starts, which splitsim does not simulate"
            ])
    }

    @Test("replica counts that disagree: the first in file order is the cluster's, the others are assumptions")
    func replicaConflict() throws {
        let result = try ImportTestSupport.run(
            [
                ("a.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {replicas: 3}\n"),
                ("b.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec: {replicas: 5}\n"),
            ])
        try ImportTestSupport.expect(result.scenario["cluster"]?["replicas"], is: "3")
        #expect(
            ImportTestSupport.notes(result, .assumed).last
                == "assumed Deployment b (b.yaml): it asks for 5 replicas, but every strategy of a scenario runs on cluster.replicas, 3"
        )
    }

    static let broken: [(String, String)] = [
        (
            "strategy:\n    rollingUpdate:\n      maxSurge: \"25\"",
            #"m.yaml:7:17: Deployment d: spec.strategy.rollingUpdate.maxSurge: "25" is not a percentage; expected an integer or a percentage 0%...1000% such as "25%""#
        ),
        (
            "strategy:\n    rollingUpdate:\n      maxUnavailable: 150%",
            #"m.yaml:7:23: Deployment d: spec.strategy.rollingUpdate.maxUnavailable: "150%" is not a percentage; expected an integer or a percentage 0%...100% such as "25%""#
        ),
        (
            "strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}",
            "m.yaml:6:20: Deployment d: spec.strategy.rollingUpdate: maxSurge and maxUnavailable are both 0; expected at least one above 0"
        ),
        (
            "strategy:\n    type: BlueGreen",
            #"m.yaml:6:11: Deployment d: spec.strategy.type: "BlueGreen" is not a strategy; expected RollingUpdate or Recreate"#
        ),
        ("replicas: 0", "m.yaml:5:13: Deployment d: spec.replicas: 0 is out of range; expected 1...10000"),
        (
            "replicas: 2.5",
            "m.yaml:5:13: Deployment d: spec.replicas: 2.5 is not a whole number; expected an integer 1...10000"
        ),
    ]

    @Test("malformed Deployment fields", arguments: broken)
    func malformed(_ spec: String, _ error: String) {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  \(spec)\n"
        #expect(ImportTestSupport.errorLines([("m.yaml", text)]) == [error])
    }
}
