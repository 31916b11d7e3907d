import SplitRouter
import Testing

@Suite struct MinHeapTests {
    /// A priority with an insertion sequence as its tie-break, the way EDF and the event queue use the heap.
    struct Keyed: Comparable {
        var priority: Int
        var sequence: Int

        static func < (lhs: Keyed, rhs: Keyed) -> Bool {
            lhs.priority != rhs.priority ? lhs.priority < rhs.priority : lhs.sequence < rhs.sequence
        }
    }

    /// Draws `count` values in 0..<bound from a fixed seed.
    static func values(_ count: Int, below bound: Int, seed: UInt64) -> [Int] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in generator.uniform(below: bound) }
    }

    static func drain<Element>(_ heap: inout MinHeap<Element>) -> [Element] {
        var popped: [Element] = []
        while let next = heap.popMin() { popped.append(next) }
        return popped
    }

    @Test func emptyHeapHasNoMinimum() {
        var heap = MinHeap<Int>(minimumCapacity: 8)
        #expect(heap.isEmpty)
        #expect(heap.count == 0)
        #expect(heap.min == nil)
        #expect(heap.popMin() == nil)
        #expect(heap == MinHeap())
    }

    @Test func popsInAscendingOrder() {
        let values = Self.values(5_000, below: 1_000, seed: 1)
        var heap = MinHeap<Int>()
        for value in values { heap.insert(value) }
        #expect(heap.count == values.count)
        #expect(heap.min == values.min())
        #expect(Self.drain(&heap) == values.sorted())
        #expect(heap.isEmpty)
    }

    @Test func minIsTheSmallestAfterEveryInsertAndPop() {
        var heap = MinHeap<Int>()
        var reference: [Int] = []
        for (index, value) in Self.values(2_000, below: 100, seed: 2).enumerated() {
            if index % 3 == 2 {
                #expect(heap.popMin() == reference.min())
                reference.remove(at: reference.firstIndex(of: reference.min()!)!)
            } else {
                heap.insert(value)
                reference.append(value)
            }
            #expect(heap.min == reference.min())
            #expect(heap.count == reference.count)
        }
    }

    @Test func sequenceNumbersMakeEqualPrioritiesFirstInFirstOut() {
        var heap = MinHeap<Keyed>()
        let priorities = Self.values(3_000, below: 7, seed: 3)
        for (sequence, priority) in priorities.enumerated() {
            heap.insert(Keyed(priority: priority, sequence: sequence))
        }
        let expected = priorities.enumerated().map { Keyed(priority: $0.element, sequence: $0.offset) }.sorted()
        #expect(Self.drain(&heap) == expected)
        #expect(expected.map(\.priority) == priorities.sorted())
    }

    @Test func replaceMinReturnsTheMinimumAndKeepsTheOthers() {
        var replaced = MinHeap<Int>()
        var popped = MinHeap<Int>()
        for value in Self.values(1_000, below: 10_000, seed: 4) {
            replaced.insert(value)
            popped.insert(value)
        }
        for value in Self.values(3_000, below: 10_000, seed: 5) {
            let expected = popped.popMin()
            popped.insert(value)
            var seen: Int?
            let removed = replaced.replaceMin { smallest in
                seen = smallest
                return value
            }
            #expect(removed == expected)
            #expect(seen == expected)
        }
        #expect(Self.drain(&replaced) == Self.drain(&popped))
    }

    @Test func replaceMinOfTheOnlyElement() {
        var heap = MinHeap<Int>()
        heap.insert(5)
        #expect(heap.replaceMin { $0 + 4 } == 5)
        #expect(heap.min == 9)
        #expect(heap.count == 1)
    }

    @Test func heapsBuiltTheSameWayAreEqual() {
        var first = MinHeap<Int>()
        var second = MinHeap<Int>()
        for value in [5, 3, 8, 1] {
            first.insert(value)
            second.insert(value)
        }
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        _ = second.popMin()
        #expect(first != second)
    }
}
