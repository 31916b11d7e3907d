/// A plain-language account of one caller model (`traffic.callers.via`), for
/// `splitsim explain callers`.
public struct CallerExplanation: Sendable {
    /// The value of `callers.via`.
    public let via: String
    /// A short title.
    public let title: String
    /// Who balances the requests, and how.
    public let balancing: String
    /// How fast a new pod or a switched Service gets traffic.
    public let reaction: String
    /// Where it is the right model.
    public let useFor: String

    /// The three caller models, the default first.
    public static let all: [CallerExplanation] = [
        CallerExplanation(
            via: "proxy",
            title: "An L7 proxy balances every request (default)",
            balancing:
                "ingress-nginx, an Envoy-based Gateway API implementation or a mesh sidecar watches the EndpointSlices and balances each request over the ready endpoints it knows of. Its own keep-alive connections to the pods pin nobody.",
            reaction:
                "An endpoint change (pod ready, pod terminating, Service selector switched) takes effect endpointDelay later (default 1 s: informer and configuration push; ingress-nginx syncs its backends every second). A second Deployment gets its pod share of requests at once; a blue-green switch moves everyone within a second.",
            useFor: "External traffic through an ingress or gateway, and in-mesh calls between services."
        ),
        CallerExplanation(
            via: "cluster-ip",
            title: "In-cluster callers through the Service's ClusterIP",
            balancing:
                "kube-proxy picks an endpoint once per connection (iptables random, IPVS round robin) and conntrack pins the rest; callers are a small pool of long-lived connections.",
            reaction:
                "A new pod gets nothing from existing connections until they are recycled (maxRequestsPerConnection, maxConnectionAge, idleTimeout): the classic gRPC-behind-ClusterIP imbalance (kubernetes/kubernetes#38456).",
            useFor: "gRPC and HTTP/2 clients inside the cluster without a mesh."
        ),
        CallerExplanation(
            via: "clients",
            title: "Each user's client keeps its own connection",
            balancing:
                "Every user holds at most one keep-alive connection, opened through kube-proxy to a uniformly chosen ready endpoint and kept for requestsPerConnection requests on average.",
            reaction:
                "A new pod gets traffic only from new connections; after a Service switch, open connections stay on the old pods until those are gone.",
            useFor: "External clients over an L4 load balancer straight to a Service, or per-user connections."
        ),
    ]
}
