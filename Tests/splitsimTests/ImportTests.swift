import Foundation
import Testing

@Suite("import")
struct ImportTests {
    /// What `import scenarios/manifests/ --base scenarios/manifests/base.json` says on stderr.
    static let exampleNotes = [
        "imported 3 strategies from 7 manifests",
        "imported seed, runs, duration, traffic, cluster and versions from the base scenario (base.json)",
        #"imported Canary podinfo (podinfo-canary.yaml): as "Canary podinfo": flagger via istio, weights 10..50 by 10"#,
        "imported Deployment podinfo (podinfo-canary.yaml): the target of Canary podinfo, whose primary takes its replicas and rolling update",
        "imported cluster.replicas 10 from Deployment podinfo (podinfo-canary.yaml)",
        #"imported Deployment web (web-deployment.yaml): as "Deployment web": rolling-update"#,
        #"imported Rollout web (web-rollout.yaml): as "Rollout web": service-split via ingress-nginx, 6 steps"#,
        "imported Ingress web (web-rollout.yaml): the stable Ingress of Rollout web",
        #"imported Ingress web-web-canary (web-rollout.yaml): the canary Ingress Rollout web manages; its header and cookie rules apply to "Rollout web""#,
        "assumed spec.strategy.canary.steps[3].pause of Rollout web (web-rollout.yaml): a pause without a duration waits for a person to promote; it lasts 10m here (--manual-pause)",
        "assumed spec.metrics[0] of AnalysisTemplate success-rate (web-rollout.yaml): metric success-rate is taken to read the candidate pods' error rate; minRequests, metric from base.json",
        "ignored spec.analysis.metrics[1] of Canary podinfo (podinfo-canary.yaml): latency is not simulated",
        "ignored spec.analysis.webhooks of Canary podinfo (podinfo-canary.yaml): load tests, gates and other webhooks are not simulated",
        "ignored spec.progressDeadlineSeconds of Canary podinfo (podinfo-canary.yaml)",
        "ignored spec.minReadySeconds of Deployment web (web-deployment.yaml)",
        "ignored spec.strategy.canary.antiAffinity of Rollout web (web-rollout.yaml)",
        #"ignored metadata.annotations["nginx.ingress.kubernetes.io/canary-weight"] of Ingress web-web-canary (web-rollout.yaml): Rollout web's steps set the weight"#,
    ]

    static let manifestFiles = ["podinfo-canary.yaml", "web-deployment.yaml", "web-rollout.yaml"].map {
        "scenarios/manifests/" + $0
    }

    @Test("import of the example manifests writes a scenario that validate accepts and compare runs")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("imported.json")
        let imported = try CLIRun.run(
            ["import", "scenarios/manifests/", "--base", "scenarios/manifests/base.json", "--output", file])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.isEmpty, "\(imported)")
        #expect(imported.stderrLines == Self.exampleNotes + ["wrote \(file); try: splitsim compare \(file)"])

        let validated = try CLIRun.run(["validate", file])
        #expect(validated.status == 0, "\(validated)")
        #expect(validated.stdoutLines == ["\(file): ok (3 strategies)"])

        let scenario = try CLIRun.jsonObject(try #require(directory.contents("imported.json")))
        #expect(
            scenario["name"] as? String == "imported from podinfo-canary.yaml, web-deployment.yaml, web-rollout.yaml")
        #expect(scenario["description"] as? String == Self.exampleNotes.joined(separator: "\n"))
        let strategies = try #require(scenario["strategies"] as? [[String: Any]])
        #expect(strategies.compactMap { $0["name"] as? String } == ["Canary podinfo", "Deployment web", "Rollout web"])
        #expect(strategies.compactMap { $0["kind"] as? String } == ["flagger", "rolling-update", "service-split"])

        let compared = try CLIRun.run(["compare", file, "--runs", "1", "--format", "json"])
        #expect(compared.status == 0, "\(compared)")
        let report = try CLIRun.jsonObject(compared.stdout)
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect((scenarios.first?["strategies"] as? [Any])?.count == 3)
    }

    @Test("without --output the scenario goes to stdout, the notes to stderr")
    func toStandardOutput() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("imported.json")
        _ = try CLIRun.run([
            "import", "scenarios/manifests/", "--base", "scenarios/manifests/base.json", "--output", file,
        ])
        let printed = try CLIRun.run(["import"] + Self.manifestFiles + ["--base", "scenarios/manifests/base.json"])
        #expect(printed.status == 0, "\(printed)")
        #expect(printed.stdout == directory.contents("imported.json"))
        #expect(printed.stderrLines == Self.exampleNotes)
    }

    @Test("the scenario is pretty JSON: two-space indentation, short containers on one line, literals kept")
    func renderedText() throws {
        let directory = try TemporaryDirectory()
        let manifest = try directory.write(
            "web.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: web}
            spec:
              replicas: 2
              strategy:
                canary:
                  steps:
                  - setWeight: 50
                  - pause: {duration: 1h}
            """)
        let base = try directory.write(
            "base.json",
            #"{"name": "b", "traffic": {"rps": 1.50}, "cluster": {"replicas": 9}, "strategies": [{"name": "x", "kind": "rolling-update"}]}"#
        )
        let result = try CLIRun.run(["import", manifest, "--base", base])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                {
                  "name": "imported from web.yaml",
                  "description": "imported 1 strategy from 1 manifest\\nimported traffic and cluster from the base scenario (base.json)\\nimported Rollout web (web.yaml): as \\"Rollout web\\": replicaset-split, 2 steps\\nimported cluster.replicas 2 from Rollout web (web.yaml): the base scenario has 9",
                  "traffic": {"rps": 1.50},
                  "cluster": {"replicas": 2},
                  "strategies": [
                    {
                      "name": "Rollout web",
                      "description": "Argo Rollouts basic canary (no traffic router), from Rollout web (web.yaml)",
                      "kind": "replicaset-split",
                      "maxSurge": "25%",
                      "maxUnavailable": "25%",
                      "steps": [{"setWeight": 50}, {"pause": "1h"}]
                    }
                  ]
                }

                """)
    }

    @Test("compare MANIFEST... --base SCENARIO imports and compares in one step")
    func compareManifests() throws {
        let result = try CLIRun.run(
            ["compare"] + Self.manifestFiles + ["--base", "scenarios/manifests/base.json", "--runs", "2"], timeout: 120)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines == Self.exampleNotes)
        #expect(result.stdoutLines.first == "imported from podinfo-canary.yaml, web-deployment.yaml, web-rollout.yaml")
        #expect(
            result.stdoutLines.dropFirst().first?.hasPrefix(Self.manifestFiles.joined(separator: ", ") + " · 2 runs")
                == true, "\(result)")
        let quiet = try CLIRun.run(
            [
                "compare", "scenarios/manifests/web-deployment.yaml", "--base", "scenarios/manifests/base.json",
                "--runs", "1",
                "--quiet", "--format", "csv",
            ])
        #expect(quiet.status == 0, "\(quiet)")
        #expect(quiet.stderr.isEmpty, "\(quiet)")
    }

    @Test("a malformed manifest exits 65 with FILE:LINE:COL")
    func malformedManifest() throws {
        let directory = try TemporaryDirectory()
        let yaml = try directory.write("bad.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [web\n")
        let result = try CLIRun.run(["import", yaml])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["\(yaml):4:9: malformed YAML: unterminated flow sequence; expected ']'"])

        let json = try directory.write("bad.json", #"{"apiVersion": "apps/v1" "kind": "Deployment"}"#)
        let jsonResult = try CLIRun.run(["import", json])
        #expect(jsonResult.status == 65, "\(jsonResult)")
        #expect(
            jsonResult.stderrLines == [
                "\(json):1:26: malformed JSON: expected ',' or '}' after an object member, found '\"'"
            ])

        let field = try directory.write(
            "field.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: many}\n")
        let fieldResult = try CLIRun.run(["import", field])
        #expect(fieldResult.status == 65, "\(fieldResult)")
        #expect(
            fieldResult.stderrLines == [
                "\(field):4:18: Deployment d: spec.replicas: expected an integer 1...10000, found a string"
            ])
    }

    @Test("a missing manifest or base exits 66; a base that does not validate exits 65")
    func missingInputs() throws {
        let missing = try CLIRun.run(["import", "scenarios/manifests/absent.yaml"])
        #expect(missing.status == 66, "\(missing)")
        #expect(missing.stderrLines == ["scenarios/manifests/absent.yaml: no such file or directory"])

        let noBase = try CLIRun.run(["import", "scenarios/manifests/", "--base", "absent.json"])
        #expect(noBase.status == 66, "\(noBase)")
        #expect(noBase.stderrLines == ["absent.json: no such file"])

        let directory = try TemporaryDirectory()
        let base = try directory.write("base.json", #"{"name": "b", "traffic": {"rps": 1}, "strategies": []}"#)
        let invalid = try CLIRun.run(["import", "scenarios/manifests/", "--base", base])
        #expect(invalid.status == 65, "\(invalid)")
        #expect(
            invalid.stderrLines == [
                "\(base): cluster: missing required key; expected an object",
                "\(base): strategies: empty list; expected at least one strategy",
            ])

        let empty = try TemporaryDirectory()
        try empty.write("notes.txt", "")
        let emptyDirectory = try CLIRun.run(["import", empty.url.path + "/"])
        #expect(emptyDirectory.status == 66, "\(emptyDirectory)")
        #expect(
            emptyDirectory.stderrLines == [
                "\(empty.url.path)/: no manifest files (*.yaml, *.yml, *.json) in this directory"
            ])
    }

    @Test("bad flags are usage errors")
    func usage() throws {
        let none = try CLIRun.run(["import"])
        #expect(none.status == 64, "\(none)")
        #expect(none.stderrLines == ["splitsim import: expected at least one MANIFEST file or directory"])
        let pause = try CLIRun.run(["import", "scenarios/manifests/", "--manual-pause", "0s"])
        #expect(pause.status == 64, "\(pause)")
        #expect(
            pause.stderrLines == [
                #"splitsim import: --manual-pause: "0s" is not valid; expected a duration above 0 such as "10m""#
            ])
        let typo = try CLIRun.run(["import", "scenarios/manifests/", "--bsae", "x.json"])
        #expect(typo.status == 64, "\(typo)")
        #expect(
            typo.stderrLines == [
                "splitsim import: unknown option --bsae; did you mean --base?; see 'splitsim help import'"
            ])
        let compareWithout = try CLIRun.run(["compare", "--base", "scenarios/manifests/base.json"])
        #expect(compareWithout.status == 64, "\(compareWithout)")
        #expect(compareWithout.stderrLines == ["splitsim compare: --base: expected the MANIFEST files to import"])
    }

    @Test("--manual-pause sets the length of Argo's pause {}")
    func manualPause() throws {
        let result = try CLIRun.run(["import", "scenarios/manifests/web-rollout.yaml", "--manual-pause", "1h30m"])
        #expect(result.status == 0, "\(result)")
        let scenario = try CLIRun.jsonObject(result.stdout)
        let strategies = try #require(scenario["strategies"] as? [[String: Any]])
        let steps = try #require(strategies.first?["steps"] as? [[String: Any]])
        #expect(steps[3]["pause"] as? String == "1h30m")
        #expect(
            result.stderrLines.contains(
                "assumed spec.strategy.canary.steps[3].pause of Rollout web (web-rollout.yaml): a pause without a duration waits for a person to promote; it lasts 1h30m here (--manual-pause)"
            ))
    }
}
