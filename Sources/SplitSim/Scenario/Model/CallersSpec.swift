/// Who opens connections to the pods behind a Service, and so who balances each request
/// (`traffic.callers`).
public enum CallersSpec: Hashable, Sendable {
    /// An L7 proxy (ingress-nginx, an Envoy-based gateway, a mesh sidecar) balances every
    /// request over the ready endpoints it knows of; it learns of an endpoint change
    /// `endpointDelay` after it happened (informer and configuration push).
    case proxy(endpointDelay: SimDuration)
    /// Each user's client holds its own keep-alive connection, picked by kube-proxy when it
    /// opens and kept for `traffic.requestsPerConnection` requests on average, or until
    /// `idleTimeout` of silence (zero: never).
    case clients(idleTimeout: SimDuration)
    /// In-cluster callers through the Service's ClusterIP: a pool of long-lived connections
    /// that kube-proxy pinned to a pod when each opened, recycled as the pool says.
    case clusterIP(ConnectionPoolSpec)

    /// The default delay before a proxy sees an endpoint change.
    public static let defaultEndpointDelay = SimDuration.seconds(1)

    /// nginx's `keepalive_timeout` default, which closes a client's idle connection.
    public static let defaultClientIdleTimeout = SimDuration.seconds(75)

    /// The default: a proxy that learns of endpoint changes after a second.
    public static let `default` = CallersSpec.proxy(endpointDelay: defaultEndpointDelay)

    /// The value of `callers.via`.
    public enum Via: String, CaseIterable, Sendable {
        /// ``CallersSpec/proxy(endpointDelay:)``.
        case proxy
        /// ``CallersSpec/clusterIP(_:)``.
        case clusterIP = "cluster-ip"
        /// ``CallersSpec/clients(idleTimeout:)``.
        case clients
    }

    /// Whether each user's client keeps its own connection.
    public var isClients: Bool {
        if case .clients = self { true } else { false }
    }
}
