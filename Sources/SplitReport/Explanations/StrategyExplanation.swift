/// A plain-language account of one way of splitting traffic, for `splitsim explain` and
/// for the reports' legends.
public struct StrategyExplanation: Sendable {
    /// The scenario key of the kind, e.g. `service-split`.
    public let kind: String
    /// A short title.
    public let title: String
    /// Where in the topology the split happens.
    public let splitPoint: String
    /// What one routing decision covers: a request, a connection, or everything at once.
    public let unitOfDecision: String
    /// The smallest step of candidate share the mechanism can express.
    public let granularity: String
    /// What the cluster must have for the strategy to work.
    public let requirements: String
    /// How it typically goes wrong.
    public let failureMode: String
    /// The upstream behaviour the simulation follows.
    public let modelledOn: String

    /// The kinds splitsim ships, in the order of ``StrategyRegistry/standard``; a test keeps
    /// one account per registered kind.
    public static let all: [StrategyExplanation] = [
        StrategyExplanation(
            kind: "service-split",
            title: "Weighted split by an L7 proxy in front of two Services",
            splitPoint:
                "An L7 proxy (ingress-nginx canary Ingress, Gateway API HTTPRoute, Istio VirtualService) sends each request to the stable or the canary Service.",
            unitOfDecision:
                "Every request, independently, even on keep-alive, HTTP/2 and gRPC connections. Rules are checked in the order header, cookie, weight.",
            granularity:
                "1/weightTotal for ingress-nginx (1 % by default, 0.1 % with weightTotal 1000); w/Σw for Gateway API; 1 % for Istio as controllers set it. Independent of pod counts.",
            requirements:
                "An ingress or mesh that supports weighted backends, a second Service and Deployment for the canary, and a controller (Argo Rollouts, Flagger) or a person to move the weight.",
            failureMode:
                "An undersized canary: the weight sends more requests than the canary pods can serve (canaryReplicas fixed too small), so the canary fails from overload, not from its code. Header and cookie rules route testers regardless of weight, so they can hit a bad version at weight 0.",
            modelledOn:
                "ingress-nginx balancer.lua (math.random(weightTotal) <= weight per request), Gateway API backendRef weights, Istio route weights; Argo Rollouts' traffic-routed replica formula canary = ceil(w·R/100)."
        ),
        StrategyExplanation(
            kind: "deployment-split",
            title: "A second Deployment behind the same Service",
            splitPoint:
                "kube-proxy: the canary Deployment's pods carry the labels the existing Service selects, so they join its endpoints beside the stable pods.",
            unitOfDecision:
                "Every TCP connection. kube-proxy (iptables, nftables or IPVS) picks a ready endpoint once per connection and conntrack pins all later requests on it.",
            granularity: "1/(stable pods + canary pods): with 4 stable pods the smallest canary share is 20 %.",
            requirements:
                "Nothing beyond plain Kubernetes: a second Deployment with the shared labels. The split is the pod ratio, so small shares need many stable pods.",
            failureMode:
                "The realised share is not the pod ratio when clients hold long-lived connections (keep-alive, HTTP/2, gRPC): a new canary pod gets traffic only as clients reconnect, and a few heavy connections can land on it by chance. Rolling back does not move connections already pinned to the canary until they close.",
            modelledOn:
                "kube-proxy iptables probability rules (1/(n−i)), nftables numgen, IPVS rr; endpoints only for ready, non-terminating pods."
        ),
        StrategyExplanation(
            kind: "replicaset-split",
            title: "Argo Rollouts basic canary (no traffic router)",
            splitPoint:
                "The Rollout controller steps the sizes of the stable and canary ReplicaSets behind one Service; kube-proxy does the rest.",
            unitOfDecision: "Every TCP connection, as with deployment-split; the controller only chooses pod counts.",
            granularity:
                "1/replicas, after Argo's rounding: setWeight 5 with 4 replicas becomes 1 canary pod beside 4 stable (20 %), because a non-zero weight never rounds to 0 pods; setWeight 70 with 2 replicas becomes 2 canary pods beside 1 stable (67 %).",
            requirements:
                "Argo Rollouts; maxSurge and maxUnavailable decide how many extra pods appear and how far capacity may drop during a step.",
            failureMode:
                "The weight asked for is not the weight you get: the controller approximates it with whole pods and keep-alive connections skew it further. maxUnavailable > 0 can remove stable capacity before the canary is ready.",
            modelledOn:
                "argo-rollouts utils/replicaset/canary.go CalculateReplicaCountsForBasicCanary: weighted approximation with surge candidates, stable first, older ReplicaSets drained first, availability-gated scale-down."
        ),
        StrategyExplanation(
            kind: "gateway-route",
            title: "Application gateway routes a header to a -canary copy",
            splitPoint:
                "An application gateway (the only component with an ingress) sends requests that carry a routing header to a `-canary` copy of the app; internal apps reach each other through their Services only.",
            unitOfDecision:
                "Every request, but by header only: production traffic without the header never reaches the copy.",
            granularity:
                "None for production: 0 % until promotion, then the stable Deployment is rolled to the new image (a rolling update, per connection) and the copy scaled to 0.",
            requirements:
                "A gateway that routes by header, a way to send test traffic with it (a smoke test in CI), and a manual or automated trigger that updates the stable Deployment.",
            failureMode:
                "The smoke test only sees what its requests exercise: a fault that depends on real users' data escapes to everyone at promotion, and only production monitoring can roll it back.",
            modelledOn:
                "Header-routed canary copies as run by API gateways; promotion through the Kubernetes Deployment rolling update (maxSurge rounds up, maxUnavailable down)."
        ),
        StrategyExplanation(
            kind: "blue-green",
            title: "Blue-green: a full preview, then switch the active Service",
            splitPoint:
                "The active Service's selector switches from the old (blue) ReplicaSet to the preview (green) one at once.",
            unitOfDecision:
                "Everything at once: new connections go to green from the switch on; open connections stay on blue until it is scaled down.",
            granularity: "0 % or 100 %.",
            requirements:
                "Room for a second full-size set of pods during the release (peak pods = 2R) and a preview Service for tests.",
            failureMode:
                "A fault the preview tests miss reaches every user at the switch. Rollback is instant only while the old pods still exist (scaleDownDelay).",
            modelledOn:
                "Argo Rollouts blue-green: previewReplicaCount, autoPromotionSeconds, scaleDownDelaySeconds (default 30 s)."
        ),
        StrategyExplanation(
            kind: "rolling-update",
            title: "Plain Deployment rolling update (baseline)",
            splitPoint: "The Deployment controller replaces old pods with new ones behind one Service.",
            unitOfDecision: "Every TCP connection; the share follows the ratio of ready new pods to all ready pods.",
            granularity: "1/replicas, with no pause: the release runs to 100 % as fast as pods become ready.",
            requirements: "Nothing: it is what Kubernetes does by default (maxSurge 25 %, maxUnavailable 25 %).",
            failureMode:
                "No analysis step stops it: a fault reaches all users within minutes unless something outside rolls it back.",
            modelledOn:
                "kubernetes pkg/controller/deployment rolling.go: surge rounds up, unavailable rounds down, 0/0 means unavailable 1; old pods scale down only while enough are available."
        ),
        StrategyExplanation(
            kind: "flagger",
            title: "Flagger Canary: one metric check per interval moves a router's weight, then the primary is updated",
            splitPoint:
                "The router Flagger drives (Istio VirtualService, Gateway API HTTPRoute, ingress-nginx canary Ingress) in front of two Deployments: primary, which runs the current version with R pods, and the canary, which runs the new version and is scaled to R when the analysis starts.",
            unitOfDecision:
                "Every request. Canary mode: the weight decides. A/B testing (iterations with match): requests that match the header or cookie go to the canary, all others to the primary. Blue/Green (iterations without match): the canary gets no production traffic for the iterations, then all of it for one more check. mirror: true copies every request to the canary before traffic shifts and drops its responses, so the canary is measured under load and users see none of its errors. While the primary rolls, its share is balanced over its old and new pods.",
            granularity:
                "1 % (weights are percentages). The canary's weights are stepWeight, 2·stepWeight, … up to the first at or past maxWeight, which is not capped (stepWeight 20, maxWeight 50 sets 20, 40, 60), or the stepWeights list. A/B testing: the share of requests that match.",
            requirements:
                "Flagger with a mesh or ingress provider; room for a second full-size Deployment for the whole analysis (peak pods at least 2R, plus the primary's surge when it rolls); production traffic on the canary for its metric, since a check without data fails; and time: interval × (number of weights + 1) before the primary even starts to roll.",
            failureMode:
                "Slow and expensive for its precision: every weight waits a whole interval and the canary runs at full size throughout. A fault is rolled back only on the tick after the threshold-th failed check, so it serves at the weight it reached for about interval × threshold. Failed checks are never reset by a pass. A quiet canary (few requests, a narrow A/B match, or Blue/Green with no load tester) fails its checks for lack of data and rolls back.",
            modelledOn:
                "fluxcd/flagger pkg/controller/scheduler.go advanceCanary: the canary scaled to the primary's replicas on the tick that sees the revision; nothing while it is not ready; the threshold test (failedChecks >= threshold) before the check; no check at weight 0 and iteration 0, so the first step comes unchecked; runCanary capping only at 100; runAB and runBlueGreen; Promote copying the spec to the primary, which rolls by its own strategy; traffic back to the primary on the first tick it is ready, the canary scaled to 0 one tick later; a rollback that sets the weight to 0 and scales the canary to 0 on one tick. No values found counts as a failed check. mirror follows runCanary's one mirrored tick at weight 0 and runBlueGreen's mirrored iterations; Istio mirrors 100 % without mirrorWeight."
        ),
    ]

    /// The explanation of `kind`, or nil for an unknown kind.
    public static func of(kind: String) -> StrategyExplanation {
        all.first { $0.kind == kind } ?? unexplained(kind)
    }

    /// The account of a kind nobody has written one for yet: it says so rather than guess.
    private static func unexplained(_ kind: String) -> StrategyExplanation {
        let none = "Not written yet: see the kind's source for what it models."
        return StrategyExplanation(
            kind: kind, title: "A strategy kind without an explanation", splitPoint: none, unitOfDecision: none,
            granularity: none, requirements: none, failureMode: none, modelledOn: none)
    }
}
