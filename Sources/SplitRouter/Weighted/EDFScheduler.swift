/// Envoy's earliest-deadline-first scheduler (`source/common/upstream/edf_scheduler.h`), which
/// Envoy uses for weighted round robin when weights differ.
///
/// Each backend waits in a min-heap under the deadline `now + 1/weight`. A pick takes the
/// earliest deadline, moves `now` to it, and queues the backend again one period later. Equal
/// deadlines go first-in, first-out, by the order in which the entries were queued. Backends
/// with weight zero are never queued.
public struct EDFScheduler: WeightedPicker, Sendable, Hashable {
    /// A queued backend, ordered by deadline and then by `order`, the sequence in which entries
    /// were queued, so that equal deadlines go first-in, first-out.
    @usableFromInline
    internal struct Entry: Sendable, Hashable, Comparable {
        @usableFromInline internal var deadline: Double
        @usableFromInline internal var order: UInt64
        @usableFromInline internal var backend: Int

        @inlinable
        internal init(deadline: Double, order: UInt64, backend: Int) {
            self.deadline = deadline
            self.order = order
            self.backend = backend
        }

        @inlinable
        internal static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.deadline == rhs.deadline ? lhs.order < rhs.order : lhs.deadline < rhs.deadline
        }
    }

    @usableFromInline
    internal var heap: MinHeap<Entry>
    /// `1 / weight` per backend, so that a pick does not divide.
    @usableFromInline
    internal let periods: ContiguousArray<Double>
    @usableFromInline
    internal var nextOrder: UInt64

    /// The number of backends, including those with weight zero.
    public let backendCount: Int

    /// Queues every positive-weight backend at time zero, in backend order.
    ///
    /// - Throws: ``RoutingConfigurationError`` for no backends, a negative or non-finite weight,
    ///   or a zero total.
    /// - Complexity: O(n log n).
    public init(weights: [Double]) throws(RoutingConfigurationError) {
        _ = try WeightValidation.total(of: weights)
        periods = ContiguousArray(weights.map { $0 > 0 ? 1 / $0 : .infinity })
        heap = MinHeap(minimumCapacity: weights.count)
        nextOrder = 0
        backendCount = weights.count
        for (backend, weight) in weights.enumerated() where weight > 0 {
            heap.insert(Entry(deadline: periods[backend], order: nextOrder, backend: backend))
            nextOrder += 1
        }
    }

    /// Returns the backend with the earliest deadline and queues it again.
    ///
    /// Replacing the root and sifting down gives the same order as Envoy's pop-then-push: the
    /// (deadline, order) keys are all distinct, so the heap's shape cannot change the sequence.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public mutating func next() -> Int {
        let periods = self.periods
        let order = nextOrder
        nextOrder &+= 1
        return heap.replaceMin { top in
            Entry(deadline: top.deadline + periods[top.backend], order: order, backend: top.backend)
        }.backend
    }

    /// Returns the next backend; the generator is not used.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public mutating func pick<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        next()
    }
}
