import Foundation
import Testing

@Suite("explain, route, replicas")
struct ToolCommandTests {
    static let kinds = [
        "service-split", "deployment-split", "replicaset-split", "gateway-route", "blue-green", "rolling-update",
        "flagger",
    ]

    @Test("explain lists every kind")
    func explainAll() throws {
        let result = try CLIRun.run(["explain"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let headings = result.stdoutLines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(headings.compactMap { $0.split(separator: " ").first.map(String.init) } == Self.kinds, "\(result)")
    }

    @Test("explain KIND explains that kind only", arguments: kinds)
    func explainOne(_ kind: String) throws {
        let result = try CLIRun.run(["explain", kind])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix(kind + " "), "\(result)")
        for other in Self.kinds where other != kind {
            #expect(!result.stdoutLines.contains { $0.hasPrefix(other + " ") })
        }
        for label in ["Where it splits", "Unit of decision", "Granularity", "Needs", "Failure mode"] {
            #expect(result.stdout.contains(label), "\(label) missing for \(kind)")
        }
    }

    @Test("service-split decides per request; a pod-based split per connection")
    func explainUnits() throws {
        let service = try CLIRun.run(["explain", "service-split"])
        #expect(service.stdout.contains("per request"), "\(service)")
        let replicaSet = try CLIRun.run(["explain", "replicaset-split"])
        #expect(replicaSet.stdout.contains("connection"), "\(replicaSet)")
    }

    @Test("explain of an unknown kind exits 64 with a did-you-mean")
    func explainUnknown() throws {
        let result = try CLIRun.run(["explain", "service-splt"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains(#"did you mean "service-split"?"#), "\(result)")
    }

    @Test("route smooth-wrr a=5,b=1,c=1 prints nginx's sequence a a b a c a a")
    func routeSmoothWRR() throws {
        let result = try CLIRun.run(["route", "--policy", "smooth-wrr", "--backends", "a=5,b=1,c=1", "--count", "7"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "a\na\nb\na\nc\na\na\n")
    }

    @Test("route --format json gives picks and counts in backend order")
    func routeJSON() throws {
        let result = try CLIRun.run([
            "route", "--policy", "smooth-wrr", "--backends", "a=5,b=1,c=1", "--count", "14",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result)")
        let root = try CLIRun.jsonObject(result.stdout)
        #expect(Set(root.keys) == ["picks", "counts"])
        #expect(root["picks"] as? [String] == ["a", "a", "b", "a", "c", "a", "a", "a", "a", "b", "a", "c", "a", "a"])
        let counts = try #require(root["counts"] as? [String: Any])
        #expect(counts.mapValues { ($0 as? NSNumber)?.intValue ?? -1 } == ["a": 10, "b": 2, "c": 2])
        let order = ["\"a\"", "\"b\"", "\"c\""].compactMap {
            result.stdout.range(of: $0, options: .backwards)?.lowerBound
        }
        #expect(order.count == 3 && order == order.sorted(), "counts in backend order")
    }

    @Test(
        "route picks match the json and the text; random policies are seeded",
        arguments: ["random", "alias", "edf", "ring-hash", "maglev", "split-clients"])
    func routePolicies(_ policy: String) throws {
        let backends = policy == "split-clients" ? "a=20%,b=30%,c=*" : "a=2,b=3,c=5"
        let base = ["route", "--policy", policy, "--backends", backends, "--count", "200"]
        let text = try CLIRun.run(base)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdoutLines.count == 200)
        #expect(Set(text.stdoutLines).isSubset(of: ["a", "b", "c"]))
        let json = try CLIRun.run(base + ["--format", "json"])
        let root = try CLIRun.jsonObject(json.stdout)
        let picks = try #require(root["picks"] as? [String])
        #expect(picks == text.stdoutLines)
        let counts = try #require(root["counts"] as? [String: NSNumber])
        for name in ["a", "b", "c"] {
            #expect(counts[name]?.intValue == picks.filter { $0 == name }.count, "count of \(name)")
        }
        let again = try CLIRun.run(base)
        #expect(again.stdout == text.stdout)
    }

    @Test("keyed policies give a key the same backend every time")
    func routeKeys() throws {
        let result = try CLIRun.run([
            "route", "--policy", "maglev", "--backends", "a=1,b=1", "--keys", "u1,u2,u3",
            "--count", "9",
        ])
        #expect(result.status == 0, "\(result)")
        let picks = result.stdoutLines
        try #require(picks.count == 9)
        #expect(Array(picks[0..<3]) == Array(picks[3..<6]))
        #expect(Array(picks[0..<3]) == Array(picks[6..<9]))
        let unkeyed = try CLIRun.run(["route", "--policy", "random", "--backends", "a=1,b=1", "--keys", "u1"])
        #expect(unkeyed.status == 64, "\(unkeyed)")
        #expect(unkeyed.stderr.contains("--keys"))
    }

    @Test("replicas 4 at weight 5 with surge 1: Argo's basic canary asks for 1 canary beside 4 stable")
    func replicasJSON() throws {
        // approximateWeightedCanaryStableReplicaCounts(4, 5, 1): ceil(0.2) = 1 canary; 1/4 = 25 % and,
        // with surge, 1/5 = 20 %, which is closer to 5 %: target stable 4, canary 1. From 4/4 stable
        // and no canary, scaling up within 5 pods adds the canary and nothing scales down below the
        // 4 available that maxUnavailable 0 requires.
        let result = try CLIRun.run([
            "replicas", "--replicas", "4", "--weight", "5", "--max-surge", "1",
            "--max-unavailable", "0", "--format", "json",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "{\"stable\": 4, \"canary\": 1}\n")
        let root = try CLIRun.jsonObject(result.stdout)
        #expect((root["stable"] as? NSNumber)?.intValue == 4)
        #expect((root["canary"] as? NSNumber)?.intValue == 1)
    }

    @Test("replicas text explains the same decision")
    func replicasText() throws {
        let result = try CLIRun.run([
            "replicas", "--replicas", "4", "--weight", "5", "--max-surge", "1",
            "--max-unavailable", "0",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.last == "  desired:  stable 4, canary 1", "\(result)")
        #expect(result.stdout.contains("1/5 (20.0 %)"))
    }

    struct ReplicasCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let stable: Int
        let canary: Int
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Worked by hand from Argo Rollouts' `utils/replicaset/canary.go`.
    static let replicasCases: [ReplicasCase] = [
        // 10 replicas at 20 %, surge 1: target 2 of 10 (8 stable, 2 canary) since 2/10 = 20 % exactly;
        // from 10/10 there is room for 1 pod, and with maxUnavailable 0 nothing scales down yet.
        ReplicasCase(
            arguments: ["--replicas", "10", "--weight", "20", "--max-surge", "1", "--max-unavailable", "0"],
            stable: 10, canary: 1),
        // Same, a reconcile later: the canary pod is ready (1/1), so 1 stable pod may go.
        ReplicasCase(
            arguments: [
                "--replicas", "10", "--weight", "20", "--max-surge", "1", "--max-unavailable", "0",
                "--canary", "1/1",
            ], stable: 9, canary: 1),
        // 2 replicas at 70 %, surge 1: ceil(1.4) = 2 of 2 is not allowed, floor 1/2 = 50 %,
        // 2/3 = 66.7 % wins: 1 stable, 2 canary; 1 pod of room grows the canary to 1 only.
        ReplicasCase(
            arguments: ["--replicas", "2", "--weight", "70", "--max-surge", "1", "--max-unavailable", "0"],
            stable: 2, canary: 1),
        // 1 replica without surge at 10 %: zero is allowed, 0 canary (0 %) beats 1 of 1 (100 %);
        // the canary stays empty.
        ReplicasCase(
            arguments: ["--replicas", "1", "--weight", "10", "--max-surge", "0", "--max-unavailable", "1"],
            stable: 1, canary: 0),
        // With a traffic router: canary ceil(5·4/100) = 1, stable keeps all 4.
        ReplicasCase(arguments: ["--replicas", "4", "--weight", "5", "--traffic-routing"], stable: 4, canary: 1),
        ReplicasCase(arguments: ["--replicas", "10", "--weight", "33", "--traffic-routing"], stable: 10, canary: 4),
        // Weight 100 with default 25 % limits (surge 3, unavailable 2 of 10): target 0 stable, 10 canary;
        // from 10/10 stable, 3 pods of room go to the canary, and 2 stable pods may go.
        ReplicasCase(arguments: ["--replicas", "10", "--weight", "100"], stable: 8, canary: 3),
    ]

    @Test("replicas --format json for worked cases", arguments: replicasCases)
    func replicasWorked(_ item: ReplicasCase) throws {
        let result = try CLIRun.run(["replicas"] + item.arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "{\"stable\": \(item.stable), \"canary\": \(item.canary)}\n", "\(result)")
    }
}

@Suite("explain callers")
struct ExplainCallersTests {
    @Test("explain callers describes the three caller models, the default first")
    func explainCallers() throws {
        let result = try CLIRun.run(["explain", "callers"])
        #expect(result.status == 0, "\(result)")
        let titles = result.stdoutLines.filter { $0.hasPrefix("callers via ") }
        #expect(titles.map { $0.split(separator: " ")[2] } == ["proxy", "cluster-ip", "clients"])
        #expect(result.stdout.contains("endpointDelay"))
    }
}

@Suite("replicas while a set is scaled down")
struct ReplicasScaleDownTests {
    // A ReplicaSet being scaled down keeps its available pods until they terminate, so
    // Argo's reconcile sees available above spec (utils/replicaset/canary.go reads
    // Status.AvailableReplicas beside Spec.Replicas); weight 0 drains the canary.
    @Test("available above spec is a state Argo reconciles, not a usage error")
    func availableAboveSpec() throws {
        let result = try CLIRun.run([
            "replicas", "--replicas", "10", "--weight", "0", "--max-surge", "1", "--max-unavailable", "0",
            "--stable", "10/10", "--canary", "2/5", "--format", "json",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(#""stable": 10"#) && result.stdout.contains(#""canary": 0"#), "\(result)")
    }
}
