/// Consistent hashing on a ring, ketama-style: each backend owns many points on a 64-bit circle
/// and a key goes to the first point at or after its own hash, wrapping around.
///
/// Each backend gets about `pointsPerBackend` points scaled by its weight relative to the mean
/// weight (libketama uses 160 per server); point `i` of backend `name` sits at
/// `KeyHash.hash("name_i")`. Because equal-weight backends keep the same points whatever the
/// others do, removing one of N backends moves only the keys it owned, about 1/N of them.
public struct RingHash: KeyedPicker, Sendable, Hashable {
    /// Point positions, ascending.
    @usableFromInline
    internal let positions: ContiguousArray<UInt64>
    /// The backend owning each point.
    @usableFromInline
    internal let owners: ContiguousArray<UInt32>

    /// The number of backends, including those with weight zero.
    public let backendCount: Int

    /// The ring size: the number of points on the circle.
    @inlinable
    public var pointCount: Int { positions.count }

    /// Builds the ring for backends named `names` with `weights` (same count).
    ///
    /// A backend with positive weight gets at least one point; one with weight zero gets none.
    ///
    /// - Throws: ``RoutingConfigurationError`` for invalid weights, a names/weights count
    ///   mismatch, `pointsPerBackend` < 1, or a ring over 2³² points.
    /// - Complexity: O(P log P) for P points.
    public init(names: [String], weights: [Double], pointsPerBackend: Int = 160) throws(RoutingConfigurationError) {
        let total = try WeightValidation.total(of: weights)
        guard names.count == weights.count else {
            throw .nameCountMismatch(names: names.count, weights: weights.count)
        }
        guard pointsPerBackend >= 1 else { throw .invalidPointsPerBackend(pointsPerBackend) }
        let limit = Int(UInt32.max)
        let meanWeight = total / Double(weights.count)
        var points: [(position: UInt64, owner: UInt32)] = []
        for (backend, weight) in weights.enumerated() where weight > 0 {
            let share = (Double(pointsPerBackend) * weight / meanWeight).rounded()
            guard share <= Double(limit - points.count) else { throw .tooManyBackends(limit: limit) }
            for point in 0..<max(1, Int(share)) {
                points.append((KeyHash.hash("\(names[backend])_\(point)"), UInt32(backend)))
            }
        }
        // Ties on a position are resolved by backend index so the ring does not depend on input
        // order.
        points.sort { $0.position == $1.position ? $0.owner < $1.owner : $0.position < $1.position }
        positions = ContiguousArray(points.map(\.position))
        owners = ContiguousArray(points.map(\.owner))
        backendCount = weights.count
    }

    /// Returns the owner of the first point at or after `hash`, wrapping to the first point.
    ///
    /// - Complexity: O(log P) for P points.
    @inlinable
    public func pick(forHash hash: UInt64) -> Int {
        let point = positions.withUnsafeBufferPointer { $0.partitionIndex { $0 < hash } }
        return Int(owners[point == positions.count ? 0 : point])
    }
}
