import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Poisson distribution of one small mean tabulated for inversion: its distribution
/// function, and a guide that sends each draw to within a step or two of its count.
///
/// Inversion is exact to the rounding of the table, as term-by-term inversion is; the table
/// ends where the terms fall below 10⁻¹⁷, and a draw beyond its last entry goes on term by
/// term.
struct PoissonTable: Sendable {
    /// The largest mean it tabulates; above it ``PoissonDistribution`` costs less.
    static let largestMean = 64.0

    private let mean: Double
    /// P(X ≤ k).
    private let cumulative: [Double]
    /// For each of `cumulative.count` equal slices of [0, 1), the smallest k whose
    /// `cumulative[k]` exceeds the slice's start.
    private let guide: [Int]

    /// Tabulates the distribution with `mean`, from 0 up to ``largestMean``.
    ///
    /// - Complexity: O(`mean` + √`mean`), once per stream.
    init(mean: Double) {
        precondition(mean >= 0 && mean <= Self.largestMean, "a mean above the tabulated range")
        self.mean = mean
        var cumulative: [Double] = []
        var term = exp(-mean)
        var sum = term
        var count = 0
        cumulative.append(sum)
        while sum < 1 && (term > 1e-17 || Double(count) < mean) {
            count += 1
            term *= mean / Double(count)
            sum += term
            cumulative.append(sum)
        }
        self.cumulative = cumulative
        let slices = cumulative.count
        var guide = [Int](repeating: 0, count: slices)
        var k = 0
        for slice in 0..<slices {
            let start = Double(slice) / Double(slices)
            while k < slices - 1 && cumulative[k] <= start { k += 1 }
            guide[slice] = k
        }
        self.guide = guide
    }

    /// Draws a count.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    func sample(using generator: inout Xoshiro256StarStar) -> Int {
        let unit = generator.nextUnitDouble()
        var k = guide[Int(unit * Double(guide.count))]
        let last = cumulative.count - 1
        while k < last && unit >= cumulative[k] { k += 1 }
        if unit < cumulative[k] { return k }
        return continued(from: k, unit: unit)
    }

    /// The count of a draw past the table's last entry, found term by term.
    private func continued(from last: Int, unit: Double) -> Int {
        var count = last
        var term = exp(-mean)
        if last > 0 { for index in 1...last { term *= mean / Double(index) } }
        var sum = cumulative[last]
        while unit >= sum && count < last + 200 {
            count += 1
            term *= mean / Double(count)
            sum += term
        }
        return count
    }
}
