/// `maxSurge` and `maxUnavailable` resolved to pod counts for one replica count.
public struct RollingUpdateLimits: Hashable, Sendable {
    /// How many pods above the desired replica count may exist at once.
    public var maxSurge: Int
    /// How many pods below the desired replica count may be unavailable at once.
    public var maxUnavailable: Int

    /// Creates limits from already resolved counts.
    ///
    /// - Complexity: O(1).
    public init(maxSurge: Int, maxUnavailable: Int) {
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}
