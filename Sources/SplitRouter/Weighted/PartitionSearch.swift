extension UnsafeBufferPointer where Element == UInt64 {
    /// Returns how many leading elements satisfy `isBefore`, for a buffer sorted so that every
    /// element satisfying it comes first.
    ///
    /// Each step halves the range and the loop length depends only on the count, not on the
    /// data. The step is written as a select, but LLVM's x86-64 backend turns it back into a
    /// branch, which a random draw mispredicts half the time: that, not the O(log n) loads, is
    /// most of a pick's cost, and is why ``AliasTable`` is the policy for hot paths.
    ///
    /// - Complexity: O(log n).
    @inlinable
    internal func partitionIndex(where isBefore: (UInt64) -> Bool) -> Int {
        guard !isEmpty else { return 0 }
        var base = 0
        var length = count
        while length > 1 {
            let half = length / 2
            base = isBefore(self[base + half - 1]) ? base + half : base
            length -= half
        }
        return isBefore(self[base]) ? base + 1 : base
    }
}
