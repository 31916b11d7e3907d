/// A fixed-size set of user indices, one bit each, so that per-user metrics cost
/// `users / 8` bytes however much traffic a run sends.
public struct UserBitset: Sendable {
    @usableFromInline var words: [UInt64]

    /// Creates an empty set for users `0..<capacity`.
    public init(capacity: Int) {
        words = Array(repeating: 0, count: (max(capacity, 0) + 63) / 64)
    }

    /// Adds `user` to the set.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func insert(_ user: Int) {
        words[user &>> 6] |= 1 &<< UInt64(user & 63)
    }

    /// Whether `user` is in the set.
    @inlinable
    public func contains(_ user: Int) -> Bool {
        words[user &>> 6] & (1 &<< UInt64(user & 63)) != 0
    }

    /// The number of users in the set.
    ///
    /// - Complexity: O(*n* / 64).
    public var count: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// The number of users in both sets.
    ///
    /// - Complexity: O(*n* / 64).
    public func intersectionCount(with other: UserBitset) -> Int {
        zip(words, other.words).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount }
    }
}
