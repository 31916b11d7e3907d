@testable import SplitSim

/// Scenario texts shared by the tests; kept inline because the test target declares no resources.
enum ScenarioFixtures {
    /// The example of DESIGN.md §4, verbatim. It shows both ways to give the rate, `rps` and
    /// `profile`, which a real file must not combine; ``designExampleWithProfile`` drops `rps`.
    static let designExample = #"""
        {
          "name": "checkout: gateway smoke test vs weighted canaries",
          "description": "What this scenario teaches.",
          "seed": 7,
          "runs": 20,
          "duration": "2h",
          "traffic": {
            "rps": 400,
            "profile": [{"at": "0s", "rps": 200}, {"at": "30m", "rps": 800}],
            "users": 50000,
            "requestsPerConnection": 50,
            "headers": [{"name": "x-canary", "value": "true", "share": 0.001}],
            "cookies": [{"name": "canary", "value": "always", "userShare": 0.01}]
          },
          "cluster": {
            "replicas": 10, "podStartup": "30s", "podShutdown": "30s",
            "podCapacityRps": 60, "podHourlyCost": 0.10
          },
          "versions": {
            "stable": {"errorRate": 0.001},
            "candidate": {"errorRate": 0.001,
                          "fault": {"errorRate": 0.2, "users": 0.3, "after": "0s"}}
          },
          "analysis": {"interval": "1m", "maxErrorRate": 0.01, "minRequests": 50,
                       "failureLimit": 0, "initialDelay": "0s", "afterPromotion": "10m"},
          "strategies": [
            {"name": "ingress 5/20/50", "kind": "service-split", "router": "ingress-nginx",
             "weightTotal": 100, "canaryReplicas": "match-weight",
             "header": {"name": "x-canary", "value": "true"}, "cookie": "canary",
             "steps": [{"setWeight": 5}, {"pause": "10m"}, {"setWeight": 20}, {"pause": "10m"},
                       {"setWeight": 50}, {"pause": "10m"}]},
            {"name": "second Deployment", "kind": "deployment-split",
             "steps": [{"setReplicas": 1}, {"pause": "20m"}, {"setReplicas": 3}, {"pause": "20m"}]},
            {"name": "basic canary", "kind": "replicaset-split", "maxSurge": "25%", "maxUnavailable": 0,
             "steps": [{"setWeight": 10}, {"pause": "10m"}, {"setWeight": 50}, {"pause": "10m"}]},
            {"name": "gateway + smoke test", "kind": "gateway-route",
             "header": {"name": "x-canary", "value": "true"}, "canaryReplicas": 1,
             "smokeTest": {"requests": 200, "rps": 5, "maxErrorRate": 0.01, "coverage": 0.5},
             "maxSurge": "25%", "maxUnavailable": 0},
            {"name": "blue-green", "kind": "blue-green", "previewReplicas": 10,
             "smokeTest": {"requests": 200, "rps": 5, "maxErrorRate": 0.01, "coverage": 0.5},
             "autoPromotion": "10m", "scaleDownDelay": "30s"},
            {"name": "plain rolling update", "kind": "rolling-update", "maxSurge": "25%", "maxUnavailable": "25%"}
          ]
        }
        """#

    /// The DESIGN.md example without its `rps` line, so that only the profile gives the rate.
    static let designExampleWithProfile =
        designExample
        .split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains(#""rps": 400,"#) }
        .joined(separator: "\n")

    /// A small valid scenario with the given top-level members replacing (or adding to) the
    /// defaults; a `nil` value removes the member. Values are raw JSON.
    static func scenario(_ overrides: [(String, String?)] = []) -> String {
        var members: [(String, String)] = [
            ("name", #""test""#),
            ("traffic", #"{"rps": 100}"#),
            ("cluster", #"{"replicas": 4}"#),
            ("strategies", #"[{"name": "plain", "kind": "rolling-update"}]"#),
        ]
        for (key, value) in overrides {
            let existing = members.firstIndex { $0.0 == key }
            switch (existing, value) {
            case (let index?, let value?): members[index].1 = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
        return "{\n" + members.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// A small valid scenario whose only strategy is `strategy` (raw JSON).
    static func scenario(strategy: String, extra: [(String, String?)] = []) -> String {
        scenario([("strategies", "[\(strategy)]")] + extra)
    }

    /// The problems decoding `text` reports, one rendered line each without the file name;
    /// empty when the scenario is valid. A malformed-JSON error renders as its single line.
    static func problems(in text: String) -> [String] {
        do {
            _ = try Scenario(decoding: text, file: "x.json")
            return []
        } catch {
            switch error {
            case .invalid(_, let problems): return problems.map(\.description)
            default: return error.lines
            }
        }
    }
}
