import SplitRouter

/// An L7 proxy in front of the Service's pods (ingress-nginx, an Envoy-based gateway, a mesh
/// sidecar): it balances every request over the ready endpoints it knows of, and learns of an
/// endpoint change `delay` after it happened.
///
/// Its own keep-alive connections to the pods pin nobody: each request goes to a pod picked
/// uniformly from the proxy's endpoint list, which is what several proxy replicas doing round
/// robin amount to in distribution. A request to a pod that is gone by the time the proxy
/// learns of it is retried on a ready endpoint, as a proxy retries a refused connection.
/// (kubernetes/ingress-nginx rootfs/etc/nginx/lua/balancer.lua syncs its backends from the
/// EndpointSlices every second; Envoy gets them by EDS.)
public struct BalancingProxy: CallerModel {
    private let delay: Int64
    /// The endpoints the proxy balances over now.
    private var known: [Int32] = []
    /// Endpoint lists the proxy has not learnt of yet, oldest first, with when it will.
    private var pending: [(at: Int64, ready: [Int32])] = []

    /// Creates a proxy that learns of endpoint changes `delay` nanoseconds after them.
    public init(delay: Int64) {
        self.delay = delay
    }

    /// The proxy of a service running before the release knows its endpoints.
    public mutating func openInitialConnections(
        over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) {
        known = endpoints.ready
    }

    @inline(__always)
    public mutating func pod(
        for user: Int, at time: Int64, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32 {
        guard !known.isEmpty else { return -1 }
        let pod = known[generator.uniform(below: known.count)]
        if endpoints.serves(pod) { return pod }
        return endpoints.ready.isEmpty ? -1 : endpoints.ready[generator.uniform(below: endpoints.ready.count)]
    }

    public mutating func endpointsChanged(to endpoints: ServiceEndpoints, at time: Int64) -> Int64? {
        guard delay > 0 else {
            known = endpoints.ready
            return nil
        }
        pending.append((time + delay, endpoints.ready))
        return time + delay
    }

    public mutating func learnEndpoints(at time: Int64) {
        let learnt = pending.prefix { $0.at <= time }
        guard let latest = learnt.last else { return }
        known = latest.ready
        pending.removeFirst(learnt.count)
    }

    public func mayReachCandidate(over endpoints: ServiceEndpoints) -> Bool {
        known.contains { endpoints.serves($0) && endpoints.isCandidate($0) }
    }
}
