import Dispatch

/// Hands out the indices `0..<count` one at a time to whichever thread asks next, so that a
/// thread that drew quick runs takes more of them and no thread idles while another works
/// through a backlog of slow ones.
///
/// Which thread runs an index never changes what the run computes: each run draws from its
/// own seed and writes its own slot.
final class WorkQueue: @unchecked Sendable {
    private var next = 0
    private let count: Int
    private let lock = DispatchQueue(label: "splitsim.work")

    /// A queue of the indices `0..<count`.
    init(count: Int) { self.count = count }

    /// The next index not yet handed out, or nil when all are.
    ///
    /// - Complexity: O(1).
    func take() -> Int? {
        lock.sync {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
