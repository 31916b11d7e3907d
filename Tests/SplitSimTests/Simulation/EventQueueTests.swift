import Testing

@testable import SplitSim

@Suite struct EventQueueTests {
    @Test func popsByTimeThenInsertionOrder() {
        var queue = EventQueue<String>()
        queue.schedule("c", at: 30)
        queue.schedule("a1", at: 10)
        queue.schedule("b", at: 20)
        queue.schedule("a2", at: 10)
        queue.schedule("a3", at: 10)
        var order: [String] = []
        while let next = queue.popNext() { order.append(next.payload) }
        #expect(order == ["a1", "a2", "a3", "b", "c"])
        #expect(queue.popNext() == nil)
    }

    @Test func manyEventsAtFewInstantsKeepInsertionOrderWithinEachInstant() {
        var queue = EventQueue<Int>()
        var generator = SplitMix(seed: 9)
        var expected: [(time: Int64, index: Int)] = []
        for index in 0..<2_000 {
            let time = Int64(generator.next() % 7)
            queue.schedule(index, at: time)
            expected.append((time, index))
        }
        expected.sort { $0.time != $1.time ? $0.time < $1.time : $0.index < $1.index }
        var popped: [Int] = []
        while let next = queue.popNext() { popped.append(next.payload) }
        #expect(popped == expected.map(\.index))
    }
}

/// A tiny deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
