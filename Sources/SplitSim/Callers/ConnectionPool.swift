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
        /// The next request on it, while the pool serves connection by connection.
        var nextRequestAt: Int64 = .max
    }

    private var connections: [Connection]
    private let maxRequests: Int
    private let maxAge: Int64
    private let idleTimeout: Int64
    private let connectionsPerInstance: Int
    /// With client-IP affinity, the pod kube-proxy sends each calling pod's connections to.
    private var sticky: StickyPods
    private let ziggurat = ExponentialZiggurat()

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
        if isExpired(connection, at: time, over: endpoints) {
            guard !endpoints.ready.isEmpty else {
                connections[index].pod = -1
                return -1
            }
            reopen(&connection, index, at: time, over: endpoints, using: &generator)
        }
        send(on: &connection, at: time)
        connections[index] = connection
        return connection.pod
    }

    /// Serves a stretch connection by connection: a request takes a connection drawn
    /// uniformly, whoever sends it and whenever, so each of the *n* connections gets an
    /// independent Poisson stream at 1/*n* of the rate (Poisson thinning), and each walks its
    /// own stream through the same limits as ``pod(for:at:over:using:)``. Only with a ready
    /// endpoint, so that no request is refused.
    ///
    /// - Complexity: O(*k* + *n*) for *k* requests over *n* connections, with no allocation
    ///   beyond `candidateRequests`.
    public mutating func serveByConnection(
        from start: Int64, until end: Int64, restarting: Bool, meanGap: Double, over endpoints: ServiceEndpoints,
        candidateRequests: inout [PodRequest], using generator: inout Xoshiro256StarStar
    ) -> Int? {
        guard !endpoints.ready.isEmpty else { return nil }
        let connectionGap = meanGap * Double(connections.count)
        var stable = 0
        for index in connections.indices {
            var connection = connections[index]
            var time =
                restarting
                ? ziggurat.arrival(after: start, meanNanoseconds: connectionGap, using: &generator)
                : connection.nextRequestAt
            var onCandidate = connection.pod >= 0 && endpoints.isCandidate(connection.pod)
            while time < end {
                if isExpired(connection, at: time, over: endpoints) {
                    reopen(&connection, index, at: time, over: endpoints, using: &generator)
                    onCandidate = endpoints.isCandidate(connection.pod)
                }
                send(on: &connection, at: time)
                if onCandidate {
                    candidateRequests.append(PodRequest(time: time, pod: connection.pod))
                } else {
                    stable += 1
                }
                time = ziggurat.arrival(after: time, meanNanoseconds: connectionGap, using: &generator)
            }
            connection.nextRequestAt = time
            connections[index] = connection
        }
        return stable
    }

    /// Whether a request at `time` finds the connection closed, so that it opens a new one.
    @inline(__always)
    private func isExpired(_ connection: Connection, at time: Int64, over endpoints: ServiceEndpoints) -> Bool {
        connection.pod < 0 || !endpoints.serves(connection.pod) || time >= connection.closesAt
            || (idleTimeout > 0 && time - connection.lastUsed >= idleTimeout)
    }

    /// Opens connection `index` anew at `time` to the endpoint kube-proxy picks; a ready one
    /// exists.
    @inline(__always)
    private mutating func reopen(
        _ connection: inout Connection, _ index: Int, at time: Int64, over endpoints: ServiceEndpoints,
        using generator: inout Xoshiro256StarStar
    ) {
        connection.pod = reopen(index, over: endpoints, using: &generator)
        connection.requests = 0
        connection.closesAt =
            maxAge > 0 ? time + SimDuration.clamped(Double(maxAge) * (0.9 + 0.2 * generator.nextUnitDouble())) : .max
    }

    /// Sends one request over the connection at `time`.
    @inline(__always)
    private func send(on connection: inout Connection, at time: Int64) {
        connection.requests += 1
        connection.lastUsed = time
        // The request that reaches the limit is served; the connection closes after it.
        if maxRequests > 0 && connection.requests >= maxRequests { connection.closesAt = time }
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
