/// Weighted random choice among N backends in constant time, by Vose's alias method.
///
/// The table has one column per backend. Each column keeps its own backend with some
/// probability and otherwise hands the request to one "alias" backend; Vose's construction
/// fills the columns so that every backend ends up with exactly its weight's share.
///
/// A pick takes one 64-bit draw: the high half of `draw × n` is the column and the low half,
/// uniform within that column, is the coin. The coin's outcome selects the 32-bit half of the
/// column's packed outcome word by a shift, so the pick has no data-dependent branch: a
/// mispredicted branch on a fair coin would cost about three times the whole pick.
public struct AliasTable: WeightedPicker, Sendable, Hashable {
    /// One column: keep `outcomes`' low half when the coin is below `threshold`, else the high
    /// half (the alias).
    @usableFromInline
    internal struct Column: Sendable, Hashable {
        @usableFromInline internal var threshold: UInt64
        @usableFromInline internal var outcomes: UInt64

        @inlinable
        internal init(threshold: UInt64, own: Int, alias: Int) {
            self.threshold = threshold
            outcomes = UInt64(UInt32(truncatingIfNeeded: own)) | UInt64(UInt32(truncatingIfNeeded: alias)) << 32
        }
    }

    @usableFromInline
    internal let columns: ContiguousArray<Column>

    /// Builds the table for `weights` (non-negative, finite, positive total).
    ///
    /// - Throws: ``RoutingConfigurationError`` for no backends, a negative or non-finite weight,
    ///   or a zero total.
    /// - Complexity: O(n).
    public init(weights: [Double]) throws(RoutingConfigurationError) {
        let total = try WeightValidation.total(of: weights)
        let n = weights.count
        var scaled = weights.map { $0 * Double(n) / total }
        var columns = ContiguousArray((0..<n).map { Column(threshold: .max, own: $0, alias: $0) })
        var small: [Int] = []
        var large: [Int] = []
        for (index, share) in scaled.enumerated() {
            if share < 1 { small.append(index) } else { large.append(index) }
        }
        while let under = small.popLast(), let over = large.popLast() {
            columns[under] = Column(threshold: Self.threshold(probability: scaled[under]), own: under, alias: over)
            // Vose's order of operations keeps the rounding error from accumulating.
            scaled[over] = (scaled[over] + scaled[under]) - 1
            if scaled[over] < 1 { small.append(over) } else { large.append(over) }
        }
        // Whatever is left is 1 up to rounding: those columns keep their own backend, as set above.
        self.columns = columns
    }

    /// The coin threshold for keeping a column's own backend with `probability`.
    private static func threshold(probability: Double) -> UInt64 {
        if !(probability > 0) { return 0 }
        if probability >= 1 { return .max }
        return UInt64(probability * 0x1.0p64)
    }

    /// The number of backends.
    @inlinable
    public var backendCount: Int { columns.count }

    /// Returns the backend for one uniformly random 64-bit `draw`.
    ///
    /// - Complexity: O(1), branch-free.
    @inlinable
    public func pick(draw: UInt64) -> Int {
        let product = draw.multipliedFullWidth(by: UInt64(truncatingIfNeeded: columns.count))
        let column = columns[Int(truncatingIfNeeded: product.high)]
        let shift: UInt64 = product.low < column.threshold ? 0 : 32
        return Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: column.outcomes >> shift))
    }

    /// Draws once from `generator` and returns the picked backend.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func pick<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        pick(draw: generator.next())
    }
}
