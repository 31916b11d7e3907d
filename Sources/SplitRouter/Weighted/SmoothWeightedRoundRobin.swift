/// nginx's smooth weighted round robin (`ngx_http_upstream_get_peer`): deterministic, and it
/// spreads a heavy backend's turns between the light ones instead of sending them in a burst.
///
/// Every pick adds each backend's weight to its current weight, takes the backend with the
/// largest current weight (ties go to the earlier backend), and subtracts the total weight from
/// the winner. Weights {a: 5, b: 1, c: 1} give `a a b a c a a`, repeating.
///
/// The rotation is periodic: after Σw picks every backend has had exactly its weight in turns
/// and all current weights are back to zero. When a period is short enough, the initialiser
/// records it and a pick just reads the next entry, which takes the O(n) scan and its
/// load-add-store chain off the hot path; the sequence is the same.
public struct SmoothWeightedRoundRobin: WeightedPicker, Sendable, Hashable {
    /// The largest total weight accepted; current weights then stay far from overflow.
    public static let maximumTotalWeight = Int(Int32.max)

    /// A backend's configured and current weight, side by side so a pick walks one buffer.
    @usableFromInline
    internal struct Peer: Sendable, Hashable {
        @usableFromInline internal var weight: Int
        @usableFromInline internal var current: Int

        @inlinable
        internal init(weight: Int) {
            self.weight = weight
            current = 0
        }
    }

    /// The longest period that is recorded, in picks; 64 KiB of schedule at most.
    public static let maximumRecordedPeriod = 1 << 14

    /// Recording costs n × Σw steps; longer builds fall back to scanning on every pick.
    @usableFromInline
    internal static let maximumRecordingSteps = 1 << 22

    @usableFromInline
    internal var peers: ContiguousArray<Peer>
    @usableFromInline
    internal let totalWeight: Int
    /// One period of picks, or empty when the period is too long to record.
    @usableFromInline
    internal private(set) var schedule: ContiguousArray<UInt32>
    /// The next entry of ``schedule`` to return.
    @usableFromInline
    internal var position: Int

    /// Creates the rotation for integer `weights`, all current weights starting at zero.
    ///
    /// Backends with weight zero are never picked.
    ///
    /// - Throws: ``RoutingConfigurationError`` for no backends, a negative weight, a zero
    ///   total, or a total above ``maximumTotalWeight``.
    /// - Complexity: O(n), plus O(n·Σw) when the period is recorded.
    public init(weights: [Int]) throws(RoutingConfigurationError) {
        guard !weights.isEmpty else { throw .noBackends }
        var total = 0
        for (index, weight) in weights.enumerated() {
            guard weight >= 0 else { throw .negativeWeight(index: index) }
            guard weight <= Self.maximumTotalWeight - total else {
                throw .totalWeightTooLarge(limit: Self.maximumTotalWeight)
            }
            total += weight
        }
        guard total > 0 else { throw .zeroTotalWeight }
        peers = ContiguousArray(weights.map(Peer.init(weight:)))
        totalWeight = total
        schedule = []
        position = 0
        if total <= Self.maximumRecordedPeriod, weights.count <= Self.maximumRecordingSteps / total {
            var recorder = self
            schedule = ContiguousArray((0..<total).map { _ in UInt32(truncatingIfNeeded: recorder.scan()) })
        }
    }

    /// The number of backends, including those with weight zero.
    @inlinable
    public var backendCount: Int { peers.count }

    /// Returns the next backend in the rotation.
    ///
    /// - Complexity: O(1) when the period is recorded, O(n) otherwise.
    @inlinable
    public mutating func next() -> Int {
        guard !schedule.isEmpty else { return scan() }
        let backend = schedule[position]
        position = position + 1 == schedule.count ? 0 : position + 1
        return Int(backend)
    }

    /// One step of nginx's algorithm over all backends.
    ///
    /// - Complexity: O(n).
    @inlinable
    internal mutating func scan() -> Int {
        let total = totalWeight
        return peers.withUnsafeMutableBufferPointer { peers in
            var best = 0
            var bestCurrent = Int.min
            for index in peers.indices {
                let updated = peers[index].current &+ peers[index].weight
                peers[index].current = updated
                // Strictly greater: on a tie the earlier backend keeps the turn, as in nginx.
                // A branch, not a select: the rotation is periodic, so the predictor learns it
                // and the next pick need not wait for this comparison.
                if updated > bestCurrent {
                    best = index
                    bestCurrent = updated
                }
            }
            peers[best].current &-= total
            return best
        }
    }

    /// Returns the next backend in the rotation; the generator is not used.
    ///
    /// - Complexity: O(1) when the period is recorded, O(n) otherwise.
    @inlinable
    public mutating func pick<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        next()
    }
}
