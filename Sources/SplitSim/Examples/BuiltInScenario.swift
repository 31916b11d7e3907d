/// The scenario `splitsim compare` runs when given no file: the gateway example of
/// `scenarios/gateway-smoke-test.json`, built in so that a fresh clone needs nothing else.
public enum BuiltInScenario {
    /// The name reported as the scenario's file.
    public static let file = "scenarios/gateway-smoke-test.json"

    /// The scenario's JSON text; a test keeps it identical to the file in `scenarios/`.
    public static let text = #"""
        {
          "$schema": "./scenario.schema.json",
          "name": "checkout: gateway smoke test vs weighted canaries",
          "description": "The gateway topology: only the application gateway has an ingress; internal apps such as checkout have Services only. The candidate runs as a checkout-canary copy with 1 replica that the gateway reaches only for requests carrying x-canary: true. CI smoke-tests it through that header, then promotes by updating the stable Deployment's image (a rolling update) and scaling the copy to 0. The candidate carries a data-dependent fault: 30 % of real users hit a 20 % error rate, and each of the smoke test's 200 scripted cases exercises the data that triggers it with probability 0.5 %, so the smoke test usually passes (a failed case fails it; it catches the fault in about one run in five) and the fault reaches every user at promotion; only production monitoring can roll it back: the analysis until full promotion, then an external watchdog for 10 minutes (analysis.afterPromotion). Compare how many users each strategy exposes before the analysis stops the release, and what each costs in pods; Flagger, with its canary at full size and five failed checks before it rolls back, is there for reference.",
          "seed": 7,
          "runs": 20,
          "duration": "2h",
          "traffic": {
            "profile": [{"at": "0s", "rps": 200}, {"at": "30m", "rps": 400}, {"at": "1h30m", "rps": 200}],
            "users": 50000,
            "callers": {"via": "proxy", "endpointDelay": "1s"},
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
                       "failureLimit": 0, "initialDelay": "1m30s", "afterPromotion": "10m"},
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
             "smokeTest": {"requests": 200, "rps": 5, "coverage": 0.005},
             "maxSurge": "25%", "maxUnavailable": 0},
            {"name": "blue-green", "kind": "blue-green", "previewReplicas": 10,
             "smokeTest": {"requests": 200, "rps": 5, "coverage": 0.005},
             "autoPromotion": "10m", "scaleDownDelay": "30s"},
            {"name": "plain rolling update", "kind": "rolling-update", "maxSurge": "25%", "maxUnavailable": "25%"},
            {"name": "flagger 10/50", "kind": "flagger", "router": "ingress-nginx", "interval": "1m", "threshold": 5,
             "stepWeight": 10, "maxWeight": 50}
          ]
        }
        """#

    /// The decoded scenario.
    public static func load() throws(ScenarioError) -> Scenario {
        try Scenario(decoding: text, file: file)
    }
}
