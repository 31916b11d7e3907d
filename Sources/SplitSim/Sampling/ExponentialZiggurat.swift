import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard exponential variates by the ziggurat method of Marsaglia and Tsang ("The
/// Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000).
///
/// The density e⁻ˣ is covered by 256 layers of equal area: a draw picks a layer and a point
/// in it, and returns at once when the point lies under the curve's lowest point in that
/// layer (about 98.9 % of draws), so most gaps between arrivals cost one 64-bit draw, a
/// multiply and a compare instead of a logarithm. The rest are decided exactly — a wedge
/// test against e⁻ˣ, or the tail beyond `r` by memorylessness — so the variates are
/// exponential exactly, not approximately.
struct ExponentialZiggurat: Sendable {
    /// Where the base layer's tail starts.
    static let tailStart = 7.697_117_470_131_487
    /// The area of each layer.
    static let layerArea = 0.003_949_659_822_581_557_2

    /// Layer `i` spans `[0, edges[i])`; `edges[0]` is the base layer's width with its tail
    /// folded in, `edges[256]` is 0.
    private let edges: [Double]
    /// e^-edges[i]: the height of the curve at each edge.
    private let heights: [Double]

    /// Builds the layer tables.
    ///
    /// - Complexity: O(256), once per run.
    init() {
        var edges = [Double](repeating: 0, count: 257)
        edges[0] = Self.layerArea / exp(-Self.tailStart)
        edges[1] = Self.tailStart
        for layer in 2..<256 {
            edges[layer] = -log(exp(-edges[layer - 1]) + Self.layerArea / edges[layer - 1])
        }
        self.edges = edges
        heights = edges.map { exp(-$0) }
    }

    /// Returns an exponential variate with mean 1.
    ///
    /// - Complexity: O(1) expected; one draw on 98.9 % of calls.
    @inline(__always)
    func next(using generator: inout Xoshiro256StarStar) -> Double {
        while true {
            let bits = generator.next()
            // The low 8 bits pick the layer, the top 53 the point: disjoint bits of one draw.
            let layer = Int(bits & 0xFF)
            let x = Double(bits >> 11) * 0x1.0p-53 * edges[layer]
            if x < edges[layer + 1] { return x }
            if layer == 0 {
                // Beyond the tail's start the density is e⁻ˣ shifted: memorylessness.
                return Self.tailStart - log(1 - generator.nextUnitDouble())
            }
            let y = heights[layer] + generator.nextUnitDouble() * (heights[layer + 1] - heights[layer])
            if y < exp(-x) { return x }
        }
    }

    /// The next arrival after `time` of a Poisson stream with the given mean gap in
    /// nanoseconds; `.max` for a mean of 0, a stream that never sends.
    @inline(__always)
    func arrival(after time: Int64, meanNanoseconds: Double, using generator: inout Xoshiro256StarStar) -> Int64 {
        guard meanNanoseconds > 0 else { return .max }
        let gap = next(using: &generator) * meanNanoseconds
        // Truncating and adding one rounds up without a libm call and keeps arrivals increasing.
        return Double(time) + gap < 9e18 ? time + Int64(gap) + 1 : .max
    }
}
