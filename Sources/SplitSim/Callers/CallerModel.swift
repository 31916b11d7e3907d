import SplitRouter

/// Who opens connections to the pods behind the production Service, and so which pod
/// serves a request that no L7 proxy routes.
///
/// The request path is generic over its caller model and specialised per run, so a pick is
/// a direct call, never an existential one.
public protocol CallerModel {
    /// Opens the connections that callers of a service running before the release hold.
    mutating func openInitialConnections(over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar)

    /// The pod that serves `user`'s request at `time` through the Service, or -1 when no
    /// endpoint is ready.
    mutating func pod(
        for user: Int, at time: Int64, over endpoints: ServiceEndpoints, using generator: inout Xoshiro256StarStar
    ) -> Int32

    /// Tells the callers that the Service's ready endpoints changed at `time`; returns when
    /// they want ``learnEndpoints(at:)`` called, if they learn of it later.
    mutating func endpointsChanged(to endpoints: ServiceEndpoints, at time: Int64) -> Int64?

    /// Applies the endpoint changes the callers have learnt of by `time`.
    mutating func learnEndpoints(at time: Int64)

    /// Whether the callers may still send requests to a candidate pod, beyond what the
    /// Service's endpoints and the candidate's terminating pods say.
    func mayReachCandidate(over endpoints: ServiceEndpoints) -> Bool

    /// When every request goes to a pod drawn independently of its user, of the time and of
    /// every other request, each pod it can go to with its probability, summing to 1; nil when
    /// the callers keep state per connection or per user, or when a request can be refused.
    func independentPods(over endpoints: ServiceEndpoints) -> [(pod: Int32, probability: Double)]?

    /// Whether the pod that serves a request never depends on whose request it is, so that a
    /// stable request's user need not be drawn as it is served.
    var picksIndependentlyOfUser: Bool { get }

    /// Serves the requests that arrive in `[start, end)`, connection by connection, when each
    /// connection gets an independent Poisson stream of them: records each in `stretch`, the
    /// stable ones counted and the candidate's kept, in any order. Returns false, having drawn
    /// nothing, when the callers cannot serve them so (the request path then serves them one
    /// by one).
    ///
    /// - Parameters:
    ///   - restarting: whether this stretch starts a new stream, after which the rate or the
    ///     endpoints may have changed; a later call continues the stream where the last ended.
    ///   - meanGap: the mean gap between all callers' requests, in nanoseconds.
    mutating func serveByConnection(
        from start: Int64, until end: Int64, restarting: Bool, meanGap: Double, over endpoints: ServiceEndpoints,
        into stretch: inout ConnectionStretch, using generator: inout Xoshiro256StarStar
    ) -> Bool
}

extension CallerModel {
    /// Callers keep state per connection unless they say otherwise.
    public func independentPods(over endpoints: ServiceEndpoints) -> [(pod: Int32, probability: Double)]? { nil }

    /// Callers may pin users unless they say otherwise.
    public var picksIndependentlyOfUser: Bool { false }

    /// Callers serve request by request unless they say otherwise.
    public mutating func serveByConnection(
        from start: Int64, until end: Int64, restarting: Bool, meanGap: Double, over endpoints: ServiceEndpoints,
        into stretch: inout ConnectionStretch, using generator: inout Xoshiro256StarStar
    ) -> Bool { false }
}

/// The production Service's endpoints as the request path sees them: the ready pods that
/// get new connections, and per pod whether it still serves the ones it has.
public struct ServiceEndpoints: Sendable {
    /// Ready pods of the selected ReplicaSets, which get new connections.
    public internal(set) var ready: [Int32] = []
    /// Per pod id: bit 0 candidate, bit 1 serves connections (ready or terminating), bit 2 a
    /// ready endpoint of the Service.
    @usableFromInline var podFlags: [UInt8] = []

    @usableFromInline static let serves: UInt8 = 2
    @usableFromInline static let candidate: UInt8 = 1
    @usableFromInline static let ready: UInt8 = 4

    /// Whether the pod still serves its open connections.
    @inlinable
    public func serves(_ pod: Int32) -> Bool {
        podFlags[Int(pod)] & Self.serves != 0
    }

    /// A ready endpoint picked uniformly, as kube-proxy picks one for a new connection; -1
    /// when none is ready.
    @inlinable
    public func anyReady(using generator: inout Xoshiro256StarStar) -> Int32 {
        ready.isEmpty ? -1 : ready[generator.uniform(below: ready.count)]
    }

    /// Whether the pod is a ready endpoint of the Service, which gets new connections.
    @inlinable
    public func isReady(_ pod: Int32) -> Bool {
        podFlags[Int(pod)] & Self.ready != 0
    }

    /// Whether the pod runs the candidate.
    @inlinable
    public func isCandidate(_ pod: Int32) -> Bool {
        podFlags[Int(pod)] & Self.candidate != 0
    }
}
