/// A plain-language account of one release controller (Argo Rollouts, Flagger) or one L7
/// router (ingress-nginx, Gateway API, Istio), for `splitsim explain argo` and its siblings.
public struct ControllerExplanation: Sendable {
    /// The topic name `splitsim explain` accepts, e.g. `argo` or `istio`.
    public let name: String
    /// A short title.
    public let title: String
    /// What it is and where in the topology it acts.
    public let whatItIs: String
    /// How it moves traffic: the unit of each routing decision and the granularity.
    public let trafficMovement: String
    /// How it decides: the analysis or checks it runs, or the rules a router applies.
    public let decision: String
    /// What it costs and how it typically goes wrong.
    public let pitfall: String
    /// The scenario keys that select or configure it in splitsim.
    public let scenarioKeys: String
    /// The upstream sources the simulation follows.
    public let modelledOn: String

    /// The two controllers, then the three routers.
    public static let all: [ControllerExplanation] = [
        ControllerExplanation(
            name: "argo",
            title: "Argo Rollouts: a Rollout controller that steps canary and blue-green releases",
            whatItIs:
                "A Kubernetes controller that runs a Rollout in place of a Deployment and walks its steps (setWeight, pause, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute). It acts on the stable and canary ReplicaSets of the one Rollout and, with a traffic router, on the router's weights (ingress-nginx, Gateway API, Istio). It reconciles on every ReplicaSet and pod status change, so scale steps follow one another at pod-ready speed, not at a polling period.",
            trafficMovement:
                "Without a traffic router it only sizes the ReplicaSets behind one Service, so the split is per connection in steps of 1/replicas: of the replica pairs within maxSurge, the one whose canary share is closest to the weight wins. With a router, setWeight moves the router's weight and the split is per request; the canary gets ceil(w·R/100) pods unless setCanaryScale decouples them, and dynamicStableScale shrinks the stable set to ceil((100 − w)·R/100). On abort the weight drops to 0 at once and the canary is scaled down abortScaleDownDelaySeconds (default 30 s) later. Blue-green switches the active Service all at once.",
            decision:
                "An AnalysisRun takes its first measurement as soon as it starts (or after initialDelay), then one every interval, count times or until it is terminated. Each measurement is Successful, Failed, Inconclusive or Error; an Error (no data, or a query that failed) is retried 10 s later and does not count toward count. The run is Failed when failed measurements exceed failureLimit (default 0), Inconclusive when inconclusive ones exceed inconclusiveLimit (default 0), and Error when consecutive errors exceed consecutiveErrorLimit (default 4); Error wins over Inconclusive, which wins over Failed. Failed and Error abort the rollout; Inconclusive pauses it until a person decides. With only a success condition a miss is Failed; with a failure condition too, a rate between the two is Inconclusive. Background analysis starts at startingStep and is terminated when the rollout is fully promoted; an analysis step blocks its step until its run completes. Blue-green: prePromotionAnalysis blocks the switch, postPromotionAnalysis runs after it and switches the active Service back when it fails. Nothing watches after full promotion.",
            pitfall:
                "No data is an Error: on a low-traffic canary an unguarded Prometheus query returns an empty result, and five such measurements in a row exceed consecutiveErrorLimit and abort a good release (argoproj/argo-rollouts#1466); guarding it as success lets a bad release sail through unmeasured. A measurement reads a scraped metric that lags the traffic by up to scrapeInterval + window. A fault that shows only after full promotion is never caught by Argo. Without a router the smallest canary is one pod: with the default maxSurge, 5 % of 10 replicas becomes 1 pod in 11 (9.1 %).",
            scenarioKeys:
                "kind: \"replicaset-split\" (basic canary, no router); kind: \"service-split\" with a router and steps setWeight, pause, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute, plus dynamicStableScale; kind: \"blue-green\" with prePromotionAnalysis, postPromotionAnalysis, autoPromotion, scaleDownDelay. The analysis block: interval, initialDelay, count, maxErrorRate, failErrorRate, minRequests, analysis.noData (error, success or inconclusive), failureLimit, inconclusiveLimit, consecutiveErrorLimit, metric.scrapeInterval, metric.window. analysis.afterPromotion adds an external watchdog, labelled as such: it is not Argo behaviour.",
            modelledOn:
                "argoproj/argo-rollouts rollout/analysis.go and analysis/analysis.go (measurement lifecycle and limits), utils/defaults/defaults.go (DefaultConsecutiveErrorLimit is 4, the scale-down delays are 30 s), utils/replicaset/canary.go (replica math without a router)."
        ),
        ControllerExplanation(
            name: "flagger",
            title: "Flagger: a Canary resource that automates checks, promotion and rollback",
            whatItIs:
                "A Kubernetes operator driven by a Canary resource that points at a Deployment. A primary copy serves production; the canary Deployment holds the new version; Flagger moves traffic between them through a router such as Istio or ingress-nginx.",
            trafficMovement:
                "Per request, through the router's weights. Canary mode: each successful check advances the canary weight by stepWeight (or to the next of stepWeights) until maxWeight, then Flagger promotes. A/B mode: for iterations checks only requests that match a header or cookie (match) go to the canary, everyone else stays on the primary. mirror: true copies requests to the canary and drops its responses, so the canary sees load and users see none of its errors. The canary Deployment runs at the primary's full replica count (HPA aside), whatever its weight.",
            decision:
                "Every interval it runs a check of the metrics. A failed check increments the failed-checks counter; when the counter reaches threshold (examples use 5–10) Flagger rolls back: all traffic goes back to the primary and the canary is scaled to 0. After maxWeight (or the last iteration) it promotes: it copies the canary spec to the primary, waits for the primary's rollout, routes all traffic back to the primary and scales the canary to 0.",
            pitfall:
                "A second full set of pods for the whole analysis, and a minimum promotion time of about interval × (maxWeight / stepWeight + 1) plus the primary's rollout. A low threshold rolls a good release back on a few noisy checks; a high one keeps users on a bad canary for about threshold × interval once the fault shows.",
            scenarioKeys:
                "kind: \"flagger\" with router (e.g. \"istio\", \"ingress-nginx\"), interval and threshold; stepWeight + maxWeight, or stepWeights, or iterations + match (header or cookie) for A/B; optional mirror: true. Its checks use the scenario's analysis thresholds (maxErrorRate, minRequests, analysis.noData).",
            modelledOn:
                "fluxcd/flagger pkg/controller/scheduler.go (the check loop, the failed-checks threshold, promotion and rollback)."
        ),
        ControllerExplanation(
            name: "ingress-nginx",
            title: "ingress-nginx canary Ingress: canary annotations on a second Ingress",
            whatItIs:
                "The NGINX-based Ingress controller. A second Ingress for the same host and path, annotated as a canary, names the canary Service; the Lua balancer in the controller decides for each request whether it goes to the canary or to the main backend. Only one canary Ingress per host and path is honoured.",
            trafficMovement:
                "Per request, even on keep-alive connections. The weight is canary-weight out of canary-weight-total (default 100; totals of 100 or less are ignored, only an increase takes effect), so the step is 1/weightTotal: 1 % by default, 0.1 % with 1000.",
            decision:
                "Rules in the order header → cookie → weight. canary-by-header NAME: the value always → canary, never → stable, anything else falls through; with canary-by-header-value an exact match → canary and any other value falls through (always and never lose their meaning); canary-by-header-pattern is the same with a regex, ignored when a value is set, and a regex error counts as no match. canary-by-cookie NAME: always or never, anything else falls through. Weight: math.random(weightTotal) <= weight, an independent trial per request with p = weight / weightTotal. The router judges nothing itself: a person or a controller (Argo Rollouts, Flagger) moves the weight.",
            pitfall:
                "A header or cookie rule sends testers to the canary regardless of weight, so they can hit a bad version at weight 0. The trial is per request, so a user who sends many requests lands on both versions: at weight 5 far more than 5 % of such users meet the canary.",
            scenarioKeys:
                "kind: \"service-split\" with router: \"ingress-nginx\", weightTotal, header {name, value}, cookie and setWeight steps; traffic.headers and traffic.cookies say which requests and users carry them. kind: \"flagger\" with router: \"ingress-nginx\".",
            modelledOn:
                "kubernetes/ingress-nginx rootfs/etc/nginx/lua/balancer.lua (get_alternative_or_original_balancer: header, then cookie, then math.random(weightTotal) <= weight)."
        ),
        ControllerExplanation(
            name: "gateway-api",
            title: "Gateway API HTTPRoute: weighted backendRefs",
            whatItIs:
                "The Kubernetes Gateway API: an HTTPRoute attached to a Gateway lists backendRefs (the stable and the canary Service), each with a weight, and the Gateway's implementation applies them.",
            trafficMovement:
                "Per request. A backend's share is its weight over the sum of the weights (w/Σw). Weights are relative integers, default 1, from 0 to 1,000,000, not percentages: the total need not be 100 and the step is 1/Σw. Weight 0 sends a backend nothing.",
            decision:
                "The route decides nothing by itself: a controller (Argo Rollouts, Flagger) or a person rewrites the weights. Its rules can also match headers, which is how a header route sends testers to the canary regardless of weight.",
            pitfall:
                "A weight is not a percentage: weights 5 and 1 give the canary 1/6, about 17 %. The specification allows an implementation some epsilon from the exact proportion, depending on the precision it supports.",
            scenarioKeys:
                "kind: \"service-split\" with router: \"gateway-api\"; setWeight is out of weightTotal, any total up to 1,000,000; steps setHeaderRoute and setCanaryScale, plus dynamicStableScale; setMirrorRoute does nothing here, as Argo's Gateway API plugin ignores it.",
            modelledOn:
                "kubernetes-sigs/gateway-api apis/v1/shared_types.go (BackendRef weight: default 1, minimum 0, maximum 1000000, share = weight / sum of weights)."
        ),
        ControllerExplanation(
            name: "istio",
            title: "Istio VirtualService: weighted routes applied by Envoy",
            whatItIs:
                "A service mesh: a VirtualService's HTTP route lists destinations (the stable and the canary Service) with weights; istiod pushes them to the Envoy proxies (sidecars and gateways), which route every request.",
            trafficMovement:
                "Per request, by Envoy. Weights are integers; since Istio 1.15 the share is w/Σw, before that the weights had to sum to 100. Controllers set integer percents, so the step is 1 %.",
            decision:
                "The rules of a VirtualService are evaluated in order from top to bottom and the first match wins: a rule that matches a header sends testers to the canary ahead of the weighted default rule. The router judges nothing itself: Argo Rollouts or Flagger moves the weights.",
            pitfall:
                "1 % steps: as controllers set the weights, the smallest non-zero canary share is 1 %. A pod change reaches the proxies only after the informer and configuration push (traffic.callers endpointDelay, default 1 s).",
            scenarioKeys:
                "kind: \"service-split\" with router: \"istio\" (integer percent weights, 1 % steps), setHeaderRoute for a header route; kind: \"flagger\" with router: \"istio\".",
            modelledOn:
                "istio/api networking/v1alpha3/virtual_service.proto (HTTPRouteDestination weight, header match), the Istio route precedence (first matching rule wins)."
        ),
    ]

    /// The topic names, in the order of ``all``.
    public static var names: [String] { all.map(\.name) }

    /// The explanation named `name`, or nil when there is none.
    public static func named(_ name: String) -> ControllerExplanation? {
        all.first { $0.name == name }
    }
}
