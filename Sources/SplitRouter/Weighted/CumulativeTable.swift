/// Weighted random choice by binary search over cumulative weights: the textbook baseline that
/// the alias table is measured against.
///
/// Each backend with a positive weight owns a slice of the 64-bit draw space proportional to its
/// weight; a pick counts the slice boundaries at or below the draw.
public struct CumulativeTable: WeightedPicker, Sendable, Hashable {
    /// Upper slice boundaries of all positive-weight backends but the last, ascending.
    @usableFromInline
    internal let boundaries: ContiguousArray<UInt64>
    /// The backend that owns each slice; zero-weight backends own none.
    @usableFromInline
    internal let owners: ContiguousArray<Int>

    /// The number of backends, including those with weight zero.
    public let backendCount: Int

    /// Builds the table for `weights` (non-negative, finite, positive total).
    ///
    /// - Throws: ``RoutingConfigurationError`` for no backends, a negative or non-finite weight,
    ///   or a zero total.
    /// - Complexity: O(n).
    public init(weights: [Double]) throws(RoutingConfigurationError) {
        let total = try WeightValidation.total(of: weights)
        var owners = ContiguousArray<Int>()
        var boundaries = ContiguousArray<UInt64>()
        var cumulative = 0.0
        for (index, weight) in weights.enumerated() where weight > 0 {
            if !owners.isEmpty {
                let fraction = cumulative / total
                boundaries.append(fraction >= 1 ? .max : UInt64(fraction * 0x1.0p64))
            }
            owners.append(index)
            cumulative += weight
        }
        self.boundaries = boundaries
        self.owners = owners
        backendCount = weights.count
    }

    /// Returns the backend for one uniformly random 64-bit `draw`.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public func pick(draw: UInt64) -> Int {
        let slice = boundaries.withUnsafeBufferPointer { $0.partitionIndex { $0 <= draw } }
        return owners[slice]
    }

    /// Draws once from `generator` and returns the picked backend.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public func pick<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        pick(draw: generator.next())
    }
}
