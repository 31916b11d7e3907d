import Dispatch
import Testing

@testable import SplitSim

/// The queue behind `--jobs`: every index is handed out exactly once, however many threads
/// take at once, and then none.
@Suite struct WorkQueueTests {
    @Test func everyIndexGoesToExactlyOneTaker() {
        let count = 10_000
        let queue = WorkQueue(count: count)
        let takers = 4
        let taken = UnsafeMutableBufferPointer<Int>.allocate(capacity: takers * count)
        defer { taken.deallocate() }
        let tally = UnsafeMutableBufferPointer<Int>.allocate(capacity: takers)
        defer { tally.deallocate() }
        tally.initialize(repeating: 0)
        nonisolated(unsafe) let slots = taken
        nonisolated(unsafe) let counts = tally
        DispatchQueue.concurrentPerform(iterations: takers) { taker in
            while let index = queue.take() {
                slots[taker * count + counts[taker]] = index
                counts[taker] += 1
            }
        }
        let all = (0..<takers).flatMap { taker in (0..<tally[taker]).map { taken[taker * count + $0] } }
        #expect(all.sorted() == Array(0..<count))
        #expect(queue.take() == nil)
    }

    @Test func anEmptyQueueHandsOutNothing() {
        #expect(WorkQueue(count: 0).take() == nil)
    }
}
