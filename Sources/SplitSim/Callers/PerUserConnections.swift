import SplitRouter

/// Each user's client holds at most one keep-alive connection, opened through kube-proxy to
/// a ready endpoint picked uniformly, and closed after a geometric number of requests.
///
/// A connection to a pod that is gone is reopened to a ready endpoint of that moment.
public struct PerUserConnections: CallerModel {
    /// Per user: the pod of its open connection, or -1.
    private var connections: [Int32]
    /// A draw below this closes the connection after a request.
    private let closeThreshold: UInt64

    /// Creates callers for `users` users whose connections close when a draw falls below
    /// `closeThreshold`.
    public init(users: Int, closeThreshold: UInt64) {
        connections = Array(repeating: -1, count: users)
        self.closeThreshold = closeThreshold
    }

    /// After its last request, a client's connection is still open unless that request
    /// closed it. Without this, every user's first request would open a connection and a new
    /// pod would get an unrealistic share of them.
    public mutating func openInitialConnections(
        over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) {
        guard !endpoints.ready.isEmpty else { return }
        for user in connections.indices where generator.next() >= closeThreshold {
            connections[user] = endpoints.ready[generator.uniform(below: endpoints.ready.count)]
        }
    }

    @inline(__always)
    public mutating func pod(
        for user: Int, at time: Int64, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32 {
        var pod = connections[user]
        if pod < 0 || !endpoints.serves(pod) {
            pod = endpoints.ready.isEmpty ? -1 : endpoints.ready[generator.uniform(below: endpoints.ready.count)]
            connections[user] = pod
        }
        if pod >= 0 && generator.next() < closeThreshold { connections[user] = -1 }
        return pod
    }

    /// kube-proxy applies a change at once, and each client's next connection sees it.
    public mutating func endpointsChanged(to endpoints: ServiceEndpoints, at time: Int64) -> Int64? { nil }

    public mutating func learnEndpoints(at time: Int64) {}

    /// Open connections reach only pods that still serve them, which the Service's endpoints
    /// and the terminating pods already cover.
    public func mayReachCandidate(over endpoints: ServiceEndpoints) -> Bool { false }
}
