/// ingress-nginx canary rules compiled for a known set of request headers and cookies: one
/// request is one table lookup and at most one threshold compare.
///
/// A request is described by its *request class*, which combines the index of the header it
/// carries (or none) and of the cookie it carries (or none). Compute the class once per kind of
/// request with ``requestClass(header:cookie:)``; every class's header-then-cookie verdict was
/// worked out at compile time.
public struct CompiledCanaryRules: Sendable, Hashable {
    /// Per request class: the threshold a draw must stay below to reach the canary. Forced
    /// decisions use 0 (never) and `UInt64.max` (always), the weighted one the weight's
    /// threshold, so that evaluation is the same branch-free compare for every class.
    @usableFromInline
    internal let thresholds: ContiguousArray<UInt64>
    @usableFromInline
    internal let cookieStride: Int

    /// The header-then-cookie verdict of each request class.
    public let decisions: [CanaryDecision]
    /// The number of distinct headers compiled in.
    public let headerCount: Int
    /// The number of distinct cookies compiled in.
    public let cookieCount: Int
    /// The split applied to requests no header or cookie decided.
    public let weightedSplit: TwoWaySplit

    internal init(
        decisions: [CanaryDecision], cookieStride: Int, headerCount: Int, cookieCount: Int, weightedSplit: TwoWaySplit
    ) {
        self.decisions = decisions
        self.cookieStride = cookieStride
        self.headerCount = headerCount
        self.cookieCount = cookieCount
        self.weightedSplit = weightedSplit
        thresholds = ContiguousArray(
            decisions.map { decision in
                switch decision {
                case .canary: UInt64.max
                case .stable: 0
                case .weighted: weightedSplit.threshold
                }
            })
    }

    /// The number of request classes: (headers + 1) × (cookies + 1).
    public var requestClassCount: Int { thresholds.count }

    /// Returns the class of a request carrying header number `header` and cookie number
    /// `cookie` of the lists the rules were compiled with; `nil` or an index outside the list
    /// means the request does not carry one.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func requestClass(header: Int?, cookie: Int?) -> Int {
        let headerSlot = header.map { $0 >= 0 && $0 < headerCount ? $0 + 1 : 0 } ?? 0
        let cookieSlot = cookie.map { $0 >= 0 && $0 < cookieCount ? $0 + 1 : 0 } ?? 0
        return headerSlot * cookieStride + cookieSlot
    }

    /// Returns whether a request of `requestClass` with the uniformly random `draw` goes to the
    /// canary.
    ///
    /// `requestClass` must come from ``requestClass(header:cookie:)``.
    ///
    /// - Complexity: O(1), branch-free.
    @inlinable
    public func routesToCanary(requestClass: Int, draw: UInt64) -> Bool {
        let threshold = thresholds[requestClass]
        return draw < threshold || threshold == .max
    }

    /// Draws once from `generator` and returns whether a request of `requestClass` goes to the
    /// canary.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func routesToCanary<G: RandomNumberGenerator>(requestClass: Int, using generator: inout G) -> Bool {
        routesToCanary(requestClass: requestClass, draw: generator.next())
    }

    /// The share of requests of `requestClass` that go to the canary: 0, 1 or the weight's share.
    public func canaryShare(requestClass: Int) -> Double {
        switch decisions[requestClass] {
        case .canary: 1
        case .stable: 0
        case .weighted: weightedSplit.candidateShare
        }
    }
}
