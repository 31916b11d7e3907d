import SplitRouter

/// How the next requests are routed, as the last control event left it.
///
/// Two layers, as in a cluster: an optional L7 split that picks a version per request
/// (ingress-nginx, Gateway API, Istio), and otherwise the production Service, whose ready
/// endpoints kube-proxy picks from once per connection.
public struct RoutingState: Sendable {
    /// True when an L7 proxy picks the version per request.
    public private(set) var decidesPerRequest = false
    /// The weighted split used when no header or cookie rule decides.
    public private(set) var weight = TwoWaySplit(candidateShare: 0)
    /// Per request class (header id × cookie stride + cookie id): the header-then-cookie
    /// verdict, compiled once per routing change.
    public private(set) var decisions: [CanaryDecision] = [.weighted]
    /// Per request class: draws below it route to the candidate (`UInt64.max`: always).
    @usableFromInline private(set) var thresholds: [UInt64] = [0]
    /// Cookie ids per header id in the class table.
    @usableFromInline private(set) var cookieStride = 1
    /// Draws below it copy a request to the candidate (an L7 mirror route); 0: no mirror.
    @usableFromInline private(set) var mirrorThreshold: UInt64 = 0
    /// The ReplicaSets the production Service selects.
    public var serviceReplicaSets: [Int] = []

    /// Creates a routing state that sends nothing anywhere.
    public init() {}

    /// Routes per request with `weight`, after the given header-and-cookie verdicts.
    ///
    /// - Parameters:
    ///   - decisions: one per request class, `headerId * cookieStride + cookieId`, where id 0
    ///     means the request carries none; empty means every class is weighted.
    mutating func routePerRequest(
        weight: TwoWaySplit, decisions: [CanaryDecision], cookieStride: Int,
        mirror: TwoWaySplit = .init(candidateShare: 0)
    ) {
        decidesPerRequest = true
        mirrorThreshold = mirror.threshold
        self.weight = weight
        self.decisions = decisions.isEmpty ? [.weighted] : decisions
        self.cookieStride = decisions.isEmpty ? 0 : max(cookieStride, 1)
        thresholds = self.decisions.map { decision in
            switch decision {
            case .canary: UInt64.max
            case .stable: 0
            case .weighted: weight.threshold
            }
        }
    }

    /// Routes through the production Service only.
    mutating func routeThroughService() {
        decidesPerRequest = false
        mirrorThreshold = 0
    }

    /// Whether any request can still reach the candidate through the L7 layer.
    public var l7ReachesCandidate: Bool {
        decidesPerRequest && thresholds.contains { $0 > 0 }
    }

    /// The probability that a request with header value id `header` and cookie value id
    /// `cookie` (0: none) goes to the candidate: what ``picksCandidate(header:cookie:draw:)``
    /// decides for a uniform draw.
    func candidateProbability(header: Int, cookie: Int) -> Double {
        let threshold = thresholds[cookieStride == 0 ? 0 : header * cookieStride + cookie]
        return threshold == .max ? 1 : Double(threshold) * 0x1.0p-64
    }

    /// Decides the version of one request: the header, then the cookie, then the weight.
    ///
    /// - Complexity: O(1), branch-free.
    @inlinable
    func picksCandidate(header: Int, cookie: Int, draw: UInt64) -> Bool {
        let requestClass = cookieStride == 0 ? 0 : header &* cookieStride &+ cookie
        let threshold = thresholds[requestClass]
        return draw < threshold || threshold == .max
    }
}
