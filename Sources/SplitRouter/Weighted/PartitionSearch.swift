extension UnsafeBufferPointer where Element == UInt64 {
    /// Returns how many leading elements satisfy `isBefore`, for a buffer sorted so that every
    /// element satisfying it comes first.
    ///
    /// Each step halves the range with a conditional move instead of a jump: the comparison
    /// outcome is random, so a branch would mispredict half the time.
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
