/// Shared checks for policies that take non-negative real weights.
internal enum WeightValidation {
    /// Returns the sum of `weights`, or the first reason they cannot describe a split.
    ///
    /// - Complexity: O(n).
    static func total(of weights: [Double]) throws(RoutingConfigurationError) -> Double {
        guard !weights.isEmpty else { throw .noBackends }
        guard weights.count <= Int(UInt32.max) else { throw .tooManyBackends(limit: Int(UInt32.max)) }
        var total = 0.0
        for (index, weight) in weights.enumerated() {
            guard weight.isFinite else { throw .nonFiniteWeight(index: index) }
            guard weight >= 0 else { throw .negativeWeight(index: index) }
            total += weight
        }
        guard total > 0 else { throw .zeroTotalWeight }
        guard total.isFinite else { throw .nonFiniteWeight(index: weights.count - 1) }
        return total
    }
}
