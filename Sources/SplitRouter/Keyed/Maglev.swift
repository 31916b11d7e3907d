/// Maglev consistent hashing (Eisenbud et al., NSDI 2016), weighted as Envoy's `maglev_lb.cc`
/// does it: a lookup table of prime size M in which every backend claims slots along its own
/// permutation of the table.
///
/// Backend `name` starts at `offset = h₀(name) mod M` and steps by
/// `skip = h₁(name) mod (M − 1) + 1`; since M is prime the walk visits every slot once. The
/// backends take turns claiming their next free slot; a backend of weight w takes a turn in
/// w/max(weight) of the rounds. The table therefore splits almost exactly by weight, and a key's
/// lookup is one multiply and one load.
public struct Maglev: KeyedPicker, Sendable, Hashable {
    /// Envoy's default table size, a prime.
    public static let defaultTableSize = 65537

    @usableFromInline
    internal let table: ContiguousArray<UInt32>

    /// The number of backends, including those with weight zero.
    public let backendCount: Int

    /// The table size M.
    @inlinable
    public var tableSize: Int { table.count }

    /// Builds the table for backends named `names` with `weights` (same count).
    ///
    /// - Throws: ``RoutingConfigurationError`` for invalid weights, a names/weights count
    ///   mismatch, or a `tableSize` that is not a prime at least as large as the number of
    ///   positive-weight backends (and below 2³²).
    /// - Complexity: O(M log M) expected for equal weights; Envoy's guidance is M ≥ 100 × N.
    public init(names: [String], weights: [Double], tableSize: Int = Maglev.defaultTableSize)
        throws(RoutingConfigurationError)
    {
        _ = try WeightValidation.total(of: weights)
        guard names.count == weights.count else {
            throw .nameCountMismatch(names: names.count, weights: weights.count)
        }
        let active = weights.indices.filter { weights[$0] > 0 }
        guard tableSize >= active.count, tableSize < Int(UInt32.max), Self.isPrime(tableSize) else {
            throw .invalidTableSize(tableSize)
        }
        let size = UInt64(tableSize)
        let maxWeight = active.map { weights[$0] }.max() ?? 1
        var claimants = active.map { backend in
            let name = names[backend]
            return Claimant(
                backend: UInt32(backend),
                weight: weights[backend] / maxWeight,
                slot: KeyHash.hash(name, seed: 0) % size,
                skip: KeyHash.hash(name, seed: 1) % (size - 1) + 1
            )
        }
        let empty = UInt32.max
        var table = ContiguousArray(repeating: empty, count: tableSize)
        var filled = 0
        var round = 1.0
        while filled < tableSize {
            for index in claimants.indices where filled < tableSize {
                // Envoy's rule: a backend of normalised weight w claims in round r only once
                // r·w has reached its running target, so it claims in w of the rounds.
                guard round * claimants[index].weight >= claimants[index].target else { continue }
                claimants[index].target += 1
                while table[Int(claimants[index].slot)] != empty {
                    claimants[index].advance(modulo: size)
                }
                table[Int(claimants[index].slot)] = claimants[index].backend
                claimants[index].advance(modulo: size)
                filled += 1
            }
            round += 1
        }
        self.table = table
        backendCount = weights.count
    }

    /// A backend's walk along its permutation while the table is filled.
    private struct Claimant {
        let backend: UInt32
        let weight: Double
        var slot: UInt64
        let skip: UInt64
        var target = 1.0

        mutating func advance(modulo size: UInt64) {
            slot += skip
            if slot >= size { slot -= size }
        }
    }

    private static func isPrime(_ n: Int) -> Bool {
        guard n >= 2 else { return false }
        var divisor = 2
        while divisor * divisor <= n {
            if n % divisor == 0 { return false }
            divisor += 1
        }
        return true
    }

    /// Returns the backend in the slot for `hash`.
    ///
    /// The slot is `⌊hash × M / 2⁶⁴⌋` rather than `hash mod M`: a multiply instead of a 64-bit
    /// division, and equally uniform for a well-mixed hash.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func pick(forHash hash: UInt64) -> Int {
        let slot = hash.multipliedFullWidth(by: UInt64(truncatingIfNeeded: table.count)).high
        return Int(table[Int(truncatingIfNeeded: slot)])
    }

    /// How many table slots each backend owns: its share of keys is its count divided by
    /// ``tableSize``.
    ///
    /// - Complexity: O(M).
    public func slotCounts() -> [Int] {
        var counts = Array(repeating: 0, count: backendCount)
        for backend in table { counts[Int(backend)] += 1 }
        return counts
    }
}
