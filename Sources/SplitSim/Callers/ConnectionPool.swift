import SplitRouter

/// In-cluster callers through the Service's ClusterIP: a pool of long-lived connections, each
/// pinned by kube-proxy to the endpoint it picked when it opened (iptables: each ready
/// endpoint with probability 1/n; conntrack keeps the rest of the connection there).
///
/// A request goes over one of the pool's connections, picked uniformly, which is what
/// `instances` equally loaded callers each spreading over their own connections amount to.
/// A connection closes after `maxRequestsPerConnection` requests, at `maxConnectionAge`
/// (±10 % jitter, as gRPC's `MaxConnectionAgeGrace` spreads them), after `idleTimeout` of
/// silence, or when its pod is gone; the next request on it reopens it to a ready endpoint of
/// that moment. Without recycling a new pod gets nothing from existing connections
/// (kubernetes/kubernetes#38456).
public struct ConnectionPool: CallerModel {
    private struct Connection {
        var pod: Int32 = -1
        var requests = 0
        var closesAt: Int64 = .max
        var lastUsed: Int64 = 0
    }

    private var connections: [Connection]
    private let maxRequests: Int
    private let maxAge: Int64
    private let idleTimeout: Int64
    private let connectionsPerInstance: Int
    /// With client-IP affinity, the pod kube-proxy sends each calling pod's connections to.
    private var sticky: StickyPods

    /// Creates the pool described by `spec`. With `clientIPAffinity` (Service
    /// `sessionAffinity: ClientIP`) all connections of a calling pod go to one pod while it
    /// is a ready endpoint.
    public init(_ spec: ConnectionPoolSpec, clientIPAffinity: Bool = false) {
        connectionsPerInstance = max(spec.connectionsPerInstance, 1)
        sticky = StickyPods(keys: clientIPAffinity ? max(spec.instances, 1) : 0)
        connections = Array(repeating: Connection(), count: max(spec.connections, 1))
        maxRequests = spec.maxRequestsPerConnection
        maxAge = spec.maxConnectionAge.nanoseconds
        idleTimeout = spec.idleTimeout.nanoseconds
    }

    /// The pool of a service running before the release: every connection open to a ready
    /// endpoint, with ages and request counts spread over their limits so that recycling is
    /// not synchronised.
    public mutating func openInitialConnections(
        over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) {
        guard !endpoints.ready.isEmpty else { return }
        for index in connections.indices {
            connections[index].pod = reopen(index, over: endpoints, using: &generator)
            if maxRequests > 0 { connections[index].requests = generator.uniform(below: maxRequests) }
            if maxAge > 0 {
                connections[index].closesAt = SimDuration.clamped(Double(maxAge) * generator.nextUnitDouble())
            }
        }
    }

    @inline(__always)
    public mutating func pod(
        for user: Int, at time: Int64, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32 {
        let index = generator.uniform(below: connections.count)
        var connection = connections[index]
        let expired =
            connection.pod < 0 || !endpoints.serves(connection.pod) || time >= connection.closesAt
            || (idleTimeout > 0 && time - connection.lastUsed >= idleTimeout)
        if expired {
            guard !endpoints.ready.isEmpty else {
                connections[index].pod = -1
                return -1
            }
            connection.pod = reopen(index, over: endpoints, using: &generator)
            connection.requests = 0
            connection.closesAt =
                maxAge > 0
                ? time + SimDuration.clamped(Double(maxAge) * (0.9 + 0.2 * generator.nextUnitDouble())) : .max
        }
        connection.requests += 1
        connection.lastUsed = time
        // The request that reaches the limit is served; the connection closes after it.
        if maxRequests > 0 && connection.requests >= maxRequests { connection.closesAt = time }
        let pod = connection.pod
        connections[index] = connection
        return pod
    }

    /// The ready endpoint kube-proxy gives connection `index` when it opens.
    @inline(__always)
    private mutating func reopen(
        _ index: Int, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32 {
        sticky.pod(
            for: index / connectionsPerInstance, stillValid: endpoints.isReady,
            pick: { endpoints.anyReady(using: &generator) })
    }

    /// kube-proxy applies a change at once; each connection that reopens sees it.
    public mutating func endpointsChanged(to endpoints: ServiceEndpoints, at time: Int64) -> Int64? { nil }

    public mutating func learnEndpoints(at time: Int64) {}

    /// Open connections reach only pods that still serve them, which the Service's endpoints
    /// and the terminating pods already cover.
    public func mayReachCandidate(over endpoints: ServiceEndpoints) -> Bool { false }

    /// Connections are picked whoever sends the request; affinity is per calling pod.
    public var picksIndependentlyOfUser: Bool { true }
}
