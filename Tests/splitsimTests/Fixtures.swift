import Foundation
import Testing

/// Small scenarios written to temporary files; each runs in well under a second per run.
enum Fixtures {
    /// Four strategies, 20 minutes, 20 requests/s, a faulty candidate.
    static let short = """
        {
          "name": "e2e short",
          "description": "A small scenario for the end-to-end tests.",
          "seed": 3,
          "runs": 5,
          "duration": "20m",
          "traffic": {"rps": 20, "users": 500, "requestsPerConnection": 2, "callers": {"via": "clients"}},
          "cluster": {"replicas": 4, "podStartup": "10s", "podShutdown": "10s", "podCapacityRps": 50, "podHourlyCost": 0.1},
          "versions": {
            "stable": {"errorRate": 0.001},
            "candidate": {"errorRate": 0.001, "fault": {"errorRate": 0.3, "users": 0.5, "after": "0s"}}
          },
          "analysis": {"interval": "1m", "maxErrorRate": 0.02, "minRequests": 10},
          "strategies": [
            {"name": "ingress 5/50", "kind": "service-split", "router": "ingress-nginx", "canaryReplicas": 1,
             "steps": [{"setWeight": 5}, {"pause": "3m"}, {"setWeight": 50}, {"pause": "3m"}]},
            {"name": "basic canary", "kind": "replicaset-split", "maxSurge": 1, "maxUnavailable": 0,
             "steps": [{"setWeight": 25}, {"pause": "3m"}]},
            {"name": "blue-green", "kind": "blue-green", "autoPromotion": "2m"},
            {"name": "rolling", "kind": "rolling-update"}
          ]
        }

        """

    static let strategyNames = ["ingress 5/50", "basic canary", "blue-green", "rolling"]

    /// A healthy two-strategy scenario whose pauses outlast every pod start-up and shutdown.
    static let healthyPauses = """
        {
          "name": "e2e pauses",
          "seed": 11,
          "runs": 2,
          "duration": "30m",
          "traffic": {"rps": 10, "users": 200},
          "cluster": {"replicas": 4, "podStartup": "10s", "podShutdown": "10s", "podCapacityRps": 50, "podHourlyCost": 0.1},
          "versions": {"stable": {"errorRate": 0.0}, "candidate": {"errorRate": 0.0}},
          "analysis": null,
          "strategies": [
            {"name": "basic canary", "kind": "replicaset-split", "maxSurge": 1, "maxUnavailable": 0,
             "steps": [{"setWeight": 25}, {"pause": "3m"}, {"setWeight": 50}, {"pause": "3m"}]},
            {"name": "routed", "kind": "service-split", "router": "gateway-api", "canaryReplicas": 1,
             "steps": [{"setWeight": 25}, {"pause": "3m"}, {"setWeight": 50}, {"pause": "3m"}]}
          ]
        }

        """

    /// `short` with one exact substring replaced; the substring must occur exactly once.
    static func short(
        replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        try replace(in: short, old, with: new, sourceLocation: sourceLocation)
    }

    static func replace(
        in text: String, _ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let parts = text.components(separatedBy: old)
        try #require(
            parts.count == 2, "fixture edit: \"\(old)\" must occur exactly once", sourceLocation: sourceLocation)
        return parts.joined(separator: new)
    }
}
