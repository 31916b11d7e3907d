/// A min-priority queue of timed events that pops events at the same instant in the order
/// they were scheduled, so a run is a pure function of its seed.
///
/// A binary heap keyed by (time, insertion sequence).
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry {
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
        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    @usableFromInline var heap: [Entry] = []
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue.
    public init() {}

    /// The number of pending events.
    @inlinable public var count: Int { heap.count }

    /// True when no event is pending.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest pending event, or nil when the queue is empty.
    @inlinable public var nextTime: Int64? { heap.first?.time }

    /// Schedules `payload` at `time` (nanoseconds of simulated time).
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Int64) {
        heap.append(Entry(time: time, sequence: nextSequence, payload: payload))
        nextSequence &+= 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest event; among events at the same time, the one
    /// scheduled first.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func popNext() -> (time: Int64, payload: Payload)? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            let count = heap.count
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                let right = left + 1
                let smaller = right < count && heap[right].precedes(heap[left]) ? right : left
                guard heap[smaller].precedes(heap[parent]) else { break }
                heap.swapAt(parent, smaller)
                parent = smaller
            }
        }
        return (top.time, top.payload)
    }
}
