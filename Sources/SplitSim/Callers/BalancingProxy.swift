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
    /// Per pod id: whether it is in ``known``, for cookie affinity.
    private var isKnown: [Bool] = []
    /// Endpoint lists the proxy has not learnt of yet, oldest first, with when it will.
    private var pending: [(at: Int64, ready: [Int32])] = []
    /// With cookie affinity, the pod each user's cookie names.
    private var sticky: StickyPods

    /// Creates a proxy that learns of endpoint changes `delay` nanoseconds after them; with
    /// `cookieAffinity`, each of `users` users sticks to the pod it first reached while the
    /// proxy knows that pod (ingress-nginx `affinity: cookie`).
    public init(delay: Int64, users: Int = 0, cookieAffinity: Bool = false) {
        self.delay = delay
        sticky = StickyPods(keys: cookieAffinity ? users : 0)
    }

    private mutating func setKnown(_ ready: [Int32]) {
        if sticky.isOn {
            for pod in known { isKnown[Int(pod)] = false }
            if let highest = ready.max(), Int(highest) >= isKnown.count {
                isKnown.append(contentsOf: repeatElement(false, count: Int(highest) + 1 - isKnown.count))
            }
            for pod in ready { isKnown[Int(pod)] = true }
        }
        known = ready
    }

    /// The proxy of a service running before the release knows its endpoints.
    public mutating func openInitialConnections(
        over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) {
        setKnown(endpoints.ready)
    }

    @inline(__always)
    public mutating func pod(
        for user: Int, at time: Int64, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32 {
        guard !known.isEmpty else { return -1 }
        let pod = sticky.pod(
            for: user, stillValid: { isKnown[Int($0)] }, pick: { known[generator.uniform(below: known.count)] })
        return endpoints.serves(pod) ? pod : endpoints.anyReady(using: &generator)
    }

    public mutating func endpointsChanged(to endpoints: ServiceEndpoints, at time: Int64) -> Int64? {
        guard delay > 0 else {
            setKnown(endpoints.ready)
            return nil
        }
        pending.append((time + delay, endpoints.ready))
        return time + delay
    }

    public mutating func learnEndpoints(at time: Int64) {
        let learnt = pending.prefix { $0.at <= time }
        guard let latest = learnt.last else { return }
        setKnown(latest.ready)
        pending.removeFirst(learnt.count)
    }

    /// Without affinity each request draws a known endpoint uniformly, and one that no longer
    /// serves sends it on to a ready endpoint drawn uniformly.
    public func independentPods(over endpoints: ServiceEndpoints) -> [(pod: Int32, probability: Double)]? {
        guard !sticky.isOn, !known.isEmpty else { return nil }
        let perKnown = 1 / Double(known.count)
        var probabilities: [Int32: Double] = [:]
        var retried = 0.0
        for pod in known {
            if endpoints.serves(pod) {
                probabilities[pod, default: 0] += perKnown
            } else {
                retried += perKnown
            }
        }
        if retried > 0 {
            guard !endpoints.ready.isEmpty else { return nil }
            let perReady = retried / Double(endpoints.ready.count)
            for pod in endpoints.ready { probabilities[pod, default: 0] += perReady }
        }
        return probabilities.keys.sorted().map { ($0, probabilities[$0]!) }
    }

    public var picksIndependentlyOfUser: Bool { !sticky.isOn }

    public func mayReachCandidate(over endpoints: ServiceEndpoints) -> Bool {
        known.contains { endpoints.serves($0) && endpoints.isCandidate($0) }
    }
}
