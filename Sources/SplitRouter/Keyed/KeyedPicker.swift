/// A policy that maps a request key (a user ID, a session) to a backend deterministically, so
/// that the same user keeps landing on the same backend.
///
/// Use the protocol as a generic constraint, not an existential, on hot paths.
public protocol KeyedPicker {
    /// The number of backends, including those with weight zero.
    var backendCount: Int { get }

    /// Returns the backend for a key whose 64-bit hash is `hash`.
    func pick(forHash hash: UInt64) -> Int
}

extension KeyedPicker {
    /// Returns the backend for `key`, hashed with ``KeyHash``.
    ///
    /// - Complexity: O(key length) plus the cost of ``pick(forHash:)``.
    @inlinable
    public func pick(forKey key: String) -> Int {
        pick(forHash: KeyHash.hash(key))
    }
}
