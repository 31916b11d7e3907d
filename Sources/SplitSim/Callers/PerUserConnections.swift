import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each user's client holds at most one keep-alive connection, opened through kube-proxy to
/// a ready endpoint picked uniformly, and closed after a geometric number of requests or
/// after `idleTimeout` of silence (nginx `keepalive_timeout`, Go's `IdleConnTimeout`).
///
/// A connection to a pod that is gone is reopened to a ready endpoint of that moment; a user
/// without an open connection opens one when it next sends.
public struct PerUserConnections: CallerModel {
    /// Per user: the pod of its open connection, or -1.
    private var connections: [Int32]
    /// Per user: when it last sent, when connections close after silence; empty otherwise.
    private var lastSent: [Int64]
    /// A draw below this closes the connection after a request.
    private let closeThreshold: UInt64
    /// Whether every request closes its connection (`requestsPerConnection` 1): the threshold
    /// of a certain close is `UInt64.max`, which one draw in 2⁶⁴ would miss.
    private let closesAfterEveryRequest: Bool
    private let idleTimeout: Int64
    /// Each user's mean gap between requests at the starting rate, in nanoseconds.
    private let meanGap: Double
    /// With client-IP affinity, the pod kube-proxy sends each user's connections to.
    private var sticky: StickyPods

    /// Creates callers for `users` users whose connections close when a draw falls below
    /// `closeThreshold`, or after `idleTimeout` nanoseconds of silence (0: never); each user
    /// sends `startingRps / users` requests per second at first. With `clientIPAffinity`
    /// (Service `sessionAffinity: ClientIP`) a user's new connections go to the pod its last
    /// one went to while that pod is a ready endpoint.
    public init(
        users: Int, closeThreshold: UInt64, idleTimeout: Int64 = 0, startingRps: Double = 0,
        clientIPAffinity: Bool = false
    ) {
        sticky = StickyPods(keys: clientIPAffinity ? users : 0)
        connections = Array(repeating: -1, count: users)
        lastSent = idleTimeout > 0 ? Array(repeating: 0, count: users) : []
        self.closeThreshold = closeThreshold
        closesAfterEveryRequest = closeThreshold == .max
        self.idleTimeout = idleTimeout
        meanGap = startingRps > 0 ? 1e9 * Double(users) / startingRps : .infinity
    }

    /// The clients of a running service: after its last request, a client's connection is
    /// still open unless that request closed it or the silence since outlasted `idleTimeout`.
    /// The time since that request is exponential at the user's rate, so this is the
    /// stationary state. Without it, every user's first request would open a connection and a
    /// new pod would get an unrealistic share of them.
    public mutating func openInitialConnections(
        over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) {
        guard !endpoints.ready.isEmpty, !closesAfterEveryRequest else { return }
        for user in connections.indices where generator.next() >= closeThreshold {
            if idleTimeout > 0 {
                let unit = Double((generator.next() >> 11) + 1) * 0x1.0p-53
                let silence = -log(unit) * meanGap
                guard silence < Double(idleTimeout) else { continue }
                lastSent[user] = -Int64(silence)
            }
            let pod = endpoints.anyReady(using: &generator)
            if sticky.isOn { sticky.remember(pod, for: user) }
            connections[user] = pod
        }
    }

    @inline(__always)
    public mutating func pod(
        for user: Int, at time: Int64, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32 {
        var pod = connections[user]
        if idleTimeout > 0 {
            if time - lastSent[user] >= idleTimeout { pod = -1 }
            lastSent[user] = time
        }
        if pod < 0 || !endpoints.serves(pod) {
            pod = sticky.pod(for: user, stillValid: endpoints.isReady, pick: { endpoints.anyReady(using: &generator) })
            connections[user] = pod
        }
        if pod >= 0 && (closesAfterEveryRequest || generator.next() < closeThreshold) { connections[user] = -1 }
        return pod
    }

    /// kube-proxy applies a change at once, and each client's next connection sees it.
    public mutating func endpointsChanged(to endpoints: ServiceEndpoints, at time: Int64) -> Int64? { nil }

    public mutating func learnEndpoints(at time: Int64) {}

    /// Open connections reach only pods that still serve them, which the Service's endpoints
    /// and the terminating pods already cover.
    public func mayReachCandidate(over endpoints: ServiceEndpoints) -> Bool { false }

    /// With a new connection for every request and no affinity, each request goes where
    /// kube-proxy sends a new connection: a ready endpoint drawn uniformly, whoever sends it.
    public func independentPods(over endpoints: ServiceEndpoints) -> [(pod: Int32, probability: Double)]? {
        guard closesAfterEveryRequest, !sticky.isOn, !endpoints.ready.isEmpty else { return nil }
        let share = 1 / Double(endpoints.ready.count)
        return endpoints.ready.map { ($0, share) }
    }

    public var picksIndependentlyOfUser: Bool { closesAfterEveryRequest && !sticky.isOn }
}
