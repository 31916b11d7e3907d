import Foundation
import Testing

/// Scenario files may be YAML (`.yaml`, `.yml`): the same tree as JSON, so the same figures,
/// the same error paths, and a YAML problem named by line and column.
@Suite struct YAMLScenarioTests {
    private static let json = """
        {"name": "same", "runs": 3, "seed": 4, "duration": "5m",
         "traffic": {"rps": 20, "users": 500},
         "cluster": {"replicas": 2},
         "versions": {"candidate": {"errorRate": 0.001, "fault": {"errorRate": 0.1, "users": 0.5}}},
         "analysis": {"interval": "1m", "initialDelay": "1m", "maxErrorRate": 0.01, "minRequests": 10},
         "strategies": [{"name": "canary", "kind": "service-split", "steps": [{"setWeight": 20}, {"pause": "2m"}]}]}
        """

    private static let yaml = """
        # The same scenario as a Kubernetes user would write it.
        name: same
        runs: 3
        seed: 4
        duration: 5m
        traffic: {rps: 20, users: 500}
        cluster:
          replicas: 2
        versions:
          candidate:
            errorRate: 0.001
            fault: {errorRate: 0.1, users: 0.5}
        analysis:
          interval: 1m
          initialDelay: 1m
          maxErrorRate: 0.01
          minRequests: 10
        strategies:
        - name: canary
          kind: service-split
          steps:
          - setWeight: 20
          - pause: 2m
        """

    @Test func aYAMLScenarioComparesExactlyLikeItsJSONTwin() throws {
        let scratch = try TemporaryDirectory()
        let jsonFile = try scratch.write("same.json", Self.json)
        let yamlFile = try scratch.write("same.yaml", Self.yaml)
        let fromJSON = try CLIRun.run(["compare", jsonFile, "--format", "json"])
        let fromYAML = try CLIRun.run(["compare", yamlFile, "--format", "json"])
        #expect(fromJSON.status == 0 && fromYAML.status == 0, "\(fromYAML)")
        #expect(fromYAML.stdout.replacingOccurrences(of: yamlFile, with: jsonFile) == fromJSON.stdout)
        // A directory holds both kinds.
        let both = try CLIRun.run(["validate", scratch.url.path])
        #expect(both.status == 0, "\(both)")
    }

    @Test func aYAMLProblemNamesTheLineAndColumnOrThePath() throws {
        let scratch = try TemporaryDirectory()
        let anchored = try scratch.write("anchor.yml", "name: x\nruns: &two 2\n")
        let result = try CLIRun.run(["validate", anchored])
        #expect(result.status == 65)
        #expect(
            result.problemLines == [
                "\(anchored):2:7: malformed YAML: anchors (&name) are not supported; repeat the value instead"
            ])
        let typo = try scratch.write(
            "typo.yaml", Self.yaml.replacingOccurrences(of: "minRequests: 10", with: "minRequest: 10"))
        let invalid = try CLIRun.run(["validate", typo])
        #expect(invalid.status == 65)
        #expect(invalid.problemLines == [#"\#(typo): analysis.minRequest: unknown key; did you mean "minRequests"?"#])
    }
}
