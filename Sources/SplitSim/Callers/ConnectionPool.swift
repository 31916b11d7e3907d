import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// The arrival times of a second walked one by one, kept to allocate once per run.
    private var arrivals: [Int64] = []

    /// The counts of a connection's second, tabulated for the last per-second mean.
    private var perSecondTable = PoissonTable(mean: 0)
    private var tabulatedMean = -1.0

    private static let second: Int64 = 1_000_000_000

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
    /// An open connection is counted a second at a time: a Poisson number of requests, exact
    /// because within the second nothing but a limit can change where they go, the
    /// candidate's each at a uniform time in the second. When the count reaches the request
    /// limit, or the second holds the connection's age limit or the end of an idle timeout
    /// counted from the earliest its last request can have been, the second's requests are
    /// walked one by one at uniform times in it, which is how a Poisson stream's arrivals fall
    /// given their count; the last request of a counted second, when it matters, is the
    /// largest of its count's uniform times, drawn then. A closed connection is walked gap by
    /// gap to the request that reopens it.
    ///
    /// - Complexity: O(*c* + *k*/*r* + *n* · *s*) for *c* candidate requests, *k* stable ones at
    ///   *r* per connection-second, *n* connections and *s* seconds; under one request per
    ///   connection-second or with an idle timeout under 2 s, O(*k* + *c* + *n*), gap by gap.
    ///   No allocation beyond the stretch's buffer of candidate requests.
    public mutating func serveByConnection(
        from start: Int64, until end: Int64, restarting: Bool, meanGap: Double, over endpoints: ServiceEndpoints,
        into stretch: inout ConnectionStretch, using generator: inout Xoshiro256StarStar
    ) -> Bool {
        guard !endpoints.ready.isEmpty else { return false }
        let connectionGap = meanGap * Double(connections.count)
        // Counting pays when a second holds a request or more, and an idle timeout of a second
        // or two would have every second walked.
        let countsBySecond =
            connectionGap <= Double(Self.second) && (idleTimeout == 0 || idleTimeout >= 2 * Self.second)
        let requestsPerNanosecond = 1 / connectionGap
        let perSecondMean = Double(Self.second) * requestsPerNanosecond
        if countsBySecond && perSecondMean <= PoissonTable.largestMean && perSecondMean != tabulatedMean {
            perSecondTable = PoissonTable(mean: perSecondMean)
            tabulatedMean = perSecondMean
        }
        let tabulated = perSecondMean == tabulatedMean
        let perSecondTable = self.perSecondTable
        let perSecond = PoissonDistribution(mean: perSecondMean)
        // Locals keep the generator's state and the tables in registers across the loop.
        var random = generator
        defer { generator = random }
        let ziggurat = self.ziggurat
        for index in connections.indices {
            var connection = connections[index]
            // Whether its pod serves it and runs the candidate holds until it reopens.
            var open = connection.pod >= 0 && endpoints.serves(connection.pod)
            var onCandidate = open && endpoints.isCandidate(connection.pod)
            // The stream is generated up to `position`; `time` is its next request when walked.
            var position = start
            var counting = countsBySecond && open
            var time = connection.nextRequestAt
            if !counting && (restarting || time == .min) {
                time = ziggurat.arrival(after: start, meanNanoseconds: connectionGap, using: &random)
            }
            // The last counted second that held requests, and how many: the connection's last
            // request is the latest of them, not drawn until needed; with none, it is lastUsed.
            var busy = (start: connection.lastUsed, end: connection.lastUsed, count: 0)
            while position < end {
                if counting {
                    let secondEnd = min(end, position - position % Self.second + Self.second)
                    let count =
                        secondEnd - position == Self.second
                        ? (tabulated ? perSecondTable.sample(using: &random) : perSecond.sample(using: &random))
                        : random.poisson(mean: Double(secondEnd - position) * requestsPerNanosecond)
                    let remaining = maxRequests > 0 ? maxRequests - connection.requests : .max
                    let mayIdleOut = idleTimeout > 0 && secondEnd - busy.start > idleTimeout
                    if count < remaining && connection.closesAt >= secondEnd && !mayIdleOut {
                        connection.requests += count
                        if onCandidate {
                            stretch.recordCandidates(
                                count, in: position, secondEnd, on: connection.pod, using: &random)
                        } else {
                            stretch.recordStable(count, at: position)
                        }
                        if count > 0 { busy = (position, secondEnd, count) }
                    } else {
                        resolveLastUse(of: &connection, in: busy, using: &random)
                        walk(
                            count, from: position, until: secondEnd, on: &connection, index, open: &open,
                            onCandidate: &onCandidate, over: endpoints, into: &stretch, using: &random)
                        busy = (connection.lastUsed, connection.lastUsed, 0)
                    }
                    position = secondEnd
                } else if time < end {
                    serve(
                        at: time, on: &connection, index, open: &open, onCandidate: &onCandidate, over: endpoints,
                        into: &stretch, using: &random)
                    position = time
                    counting = countsBySecond
                    if counting {
                        busy = (time, time, 0)
                    } else {
                        time = ziggurat.arrival(after: time, meanNanoseconds: connectionGap, using: &random)
                    }
                } else {
                    position = end
                }
            }
            // A counted stream has no next request drawn; by memorylessness the next stretch
            // draws one afresh.
            if counting { resolveLastUse(of: &connection, in: busy, using: &random) }
            connection.nextRequestAt = counting ? .min : time
            connections[index] = connection
        }
        return true
    }

    /// Sets the connection's last use to the latest of the `busy.count` requests counted in
    /// `busy.start..<busy.end`: the largest of that many uniform times, U^(1/count) of the way.
    private func resolveLastUse(
        of connection: inout Connection, in busy: (start: Int64, end: Int64, count: Int),
        using generator: inout Xoshiro256StarStar
    ) {
        guard busy.count > 0 else { return }
        let fraction = pow(generator.nextUnitDouble(), 1 / Double(busy.count))
        connection.lastUsed = busy.start + Int64(fraction * Double(busy.end - busy.start))
    }

    /// Walks the `count` requests of a Poisson stream in `[start, end)` one by one, at sorted
    /// uniform times, through the connection's limits.
    ///
    /// - Complexity: O(*k* log *k*) for *k* = `count`.
    private mutating func walk(
        _ count: Int, from start: Int64, until end: Int64, on connection: inout Connection, _ index: Int,
        open: inout Bool, onCandidate: inout Bool, over endpoints: ServiceEndpoints,
        into stretch: inout ConnectionStretch, using generator: inout Xoshiro256StarStar
    ) {
        arrivals.removeAll(keepingCapacity: true)
        let span = Double(end - start)
        for _ in 0..<count { arrivals.append(start + Int64(generator.nextUnitDouble() * span)) }
        arrivals.sort()
        for time in arrivals {
            serve(
                at: time, on: &connection, index, open: &open, onCandidate: &onCandidate, over: endpoints,
                into: &stretch, using: &generator)
        }
    }

    /// Sends the request at `time` over the connection, reopening it first when it is closed,
    /// and records it in the stretch.
    @inline(__always)
    private mutating func serve(
        at time: Int64, on connection: inout Connection, _ index: Int, open: inout Bool, onCandidate: inout Bool,
        over endpoints: ServiceEndpoints, into stretch: inout ConnectionStretch,
        using generator: inout Xoshiro256StarStar
    ) {
        if !open || hasClosed(connection, at: time) {
            reopen(&connection, index, at: time, over: endpoints, using: &generator)
            open = true
            onCandidate = endpoints.isCandidate(connection.pod)
        }
        send(on: &connection, at: time)
        if onCandidate {
            stretch.recordCandidate(at: time, on: connection.pod)
        } else {
            stretch.recordStable(at: time)
        }
    }

    /// Whether a request at `time` finds the connection closed, so that it opens a new one.
    @inline(__always)
    private func isExpired(_ connection: Connection, at time: Int64, over endpoints: ServiceEndpoints) -> Bool {
        connection.pod < 0 || !endpoints.serves(connection.pod) || hasClosed(connection, at: time)
    }

    /// Whether the open connection has reached its age or request limit, or idled out, by `time`.
    @inline(__always)
    private func hasClosed(_ connection: Connection, at time: Int64) -> Bool {
        time >= connection.closesAt || (idleTimeout > 0 && time - connection.lastUsed >= idleTimeout)
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
