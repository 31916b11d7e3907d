/// The scenario `splitsim init` writes: small, valid, and explained through its
/// `description` fields, since JSON has no comments.
public enum StarterScenario {
    /// The starter scenario's JSON text.
    public static let text = #"""
        {
          "name": "my-service: canary or blue-green?",
          "description": "A starter scenario. Edit the numbers to match your service, then run `splitsim compare FILE`. Durations are \"90s\", \"5m\", \"1h30m\" or seconds; fractions are numbers in [0, 1]. The candidate below has a fault that fails 10 % of requests for 20 % of users, so you can see how far each strategy lets it spread before the analysis stops it; remove \"fault\" to compare a healthy release.",
          "seed": 1,
          "runs": 10,
          "duration": "1h",
          "traffic": {
            "rps": 200,
            "users": 20000,
            "callers": {"via": "proxy", "endpointDelay": "1s"}
          },
          "cluster": {
            "replicas": 6,
            "podStartup": "30s",
            "podShutdown": "30s",
            "podCapacityRps": 80,
            "podHourlyCost": 0.10
          },
          "versions": {
            "stable": {"errorRate": 0.001},
            "candidate": {"errorRate": 0.001, "fault": {"errorRate": 0.1, "users": 0.2, "after": "0s"}}
          },
          "analysis": {"interval": "1m", "initialDelay": "1m30s", "maxErrorRate": 0.01, "minRequests": 50, "failureLimit": 0, "afterPromotion": "10m"},
          "strategies": [
            {"name": "ingress canary 10/50", "kind": "service-split", "router": "ingress-nginx",
             "description": "An ingress-nginx canary Ingress splits every request by weight; the canary Deployment is sized to the weight.",
             "steps": [{"setWeight": 10}, {"pause": "10m"}, {"setWeight": 50}, {"pause": "10m"}]},
            {"name": "basic canary 17/50", "kind": "replicaset-split", "maxSurge": 1, "maxUnavailable": 0,
             "description": "Argo Rollouts without a traffic router: the weight becomes a pod ratio, split per connection by kube-proxy.",
             "steps": [{"setWeight": 17}, {"pause": "10m"}, {"setWeight": 50}, {"pause": "10m"}]},
            {"name": "blue-green", "kind": "blue-green", "autoPromotion": "10m",
             "description": "A full preview, switched at once after 10 minutes; the old pods stay 30 s for an instant rollback."},
            {"name": "rolling update", "kind": "rolling-update",
             "description": "The Deployment default (25 % surge, 25 % unavailable): the baseline to beat."}
          ]
        }
        """#
}
