import SplitRouter

/// A min-priority queue of timed events that pops events at the same instant in the order
/// they were scheduled, so a run is a pure function of its seed.
///
/// A ``MinHeap`` of entries keyed by (time, insertion sequence); the sequence makes every key
/// distinct, so the order of events depends on their times and scheduling order alone.
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry: Comparable {
        @usableFromInline var time: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @usableFromInline
        init(time: Int64, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
        }

        /// The key alone decides, as for `<`; sequences are unique, so an entry equals only itself.
        @inlinable
        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time == rhs.time && lhs.sequence == rhs.sequence
        }
    }

    @usableFromInline var heap = MinHeap<Entry>()
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue.
    public init() {}

    /// The number of pending events.
    @inlinable public var count: Int { heap.count }

    /// True when no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest pending event, or nil when the queue is empty.
    @inlinable public var nextTime: Int64? { heap.min?.time }

    /// Schedules `payload` at `time` (nanoseconds of simulated time).
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Int64) {
        heap.insert(Entry(time: time, sequence: nextSequence, payload: payload))
        nextSequence &+= 1
    }

    /// Removes and returns the earliest event; among events at the same time, the one
    /// scheduled first.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func popNext() -> (time: Int64, payload: Payload)? {
        guard let entry = heap.popMin() else { return nil }
        return (entry.time, entry.payload)
    }
}
