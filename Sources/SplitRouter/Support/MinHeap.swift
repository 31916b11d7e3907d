/// A binary min-heap: a priority queue that hands out its smallest element first, by the
/// element's own `<`.
///
/// Elements that compare equal come out in an unspecified order. A caller that needs
/// first-in, first-out among equal priorities makes every key distinct, for instance with an
/// insertion sequence number as the last tie-break of `<`; with distinct keys the order of
/// removal depends on the keys alone, never on the heap's layout.
public struct MinHeap<Element: Comparable> {
    /// The elements in heap order: none is smaller than its parent at `(i - 1) / 2`.
    @usableFromInline
    internal var storage: ContiguousArray<Element>

    /// Creates an empty heap.
    @inlinable
    public init() {
        storage = []
    }

    /// Creates an empty heap with room for `minimumCapacity` elements before it reallocates.
    @inlinable
    public init(minimumCapacity: Int) {
        storage = []
        storage.reserveCapacity(minimumCapacity)
    }

    /// The number of elements.
    @inlinable
    public var count: Int { storage.count }

    /// True when the heap holds no element.
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// The smallest element, or nil when the heap is empty.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var min: Element? { storage.first }

    /// Adds `element`.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func insert(_ element: Element) {
        storage.append(element)
        // Parents larger than the new element move down into the hole until its place is found.
        var hole = storage.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard element < storage[parent] else { break }
            storage[hole] = storage[parent]
            hole = parent
        }
        storage[hole] = element
    }

    /// Removes and returns the smallest element, or nil when the heap is empty.
    ///
    /// - Complexity: O(log *n*).
    @inlinable
    public mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty { return last }
        return replaceMin { _ in last }
    }

    /// Replaces the smallest element with the one `replacement` makes of it, and returns the
    /// element it replaced.
    ///
    /// The way to put back what was just taken with a later priority: one pass down the heap
    /// instead of the two of `popMin()` then `insert(_:)`, and with the same elements after.
    ///
    /// - Precondition: The heap is not empty.
    /// - Complexity: O(log *n*), and one call of `replacement`.
    @inlinable
    public mutating func replaceMin(by replacement: (Element) -> Element) -> Element {
        precondition(!storage.isEmpty, "replaceMin(by:) on an empty heap")
        return storage.withUnsafeMutableBufferPointer { heap in
            let smallest = heap[0]
            let element = replacement(smallest)
            let count = heap.count
            // The smaller child moves up into the hole while it is smaller than the new element.
            var hole = 0
            while true {
                var child = 2 * hole + 1
                if child >= count { break }
                if child + 1 < count, heap[child + 1] < heap[child] { child += 1 }
                guard heap[child] < element else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = element
            return smallest
        }
    }
}

extension MinHeap: Sendable where Element: Sendable {}

/// Two heaps are equal when they hold equal elements in the same layout, as heaps built by the
/// same operations on equal elements do.
extension MinHeap: Equatable {}

extension MinHeap: Hashable where Element: Hashable {}
