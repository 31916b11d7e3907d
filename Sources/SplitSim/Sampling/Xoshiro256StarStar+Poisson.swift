import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Xoshiro256StarStar {
    /// Returns a Poisson variate with the given mean: the number of arrivals of a Poisson
    /// process in a stretch where it expects `mean` of them (``PoissonDistribution``).
    ///
    /// - Complexity: O(`mean`) below 10, O(1) expected above. Returns 0 for a mean ≤ 0.
    mutating func poisson(mean: Double) -> Int {
        PoissonDistribution(mean: mean).sample(using: &self)
    }

    /// Returns the number of failures before the first success of independent trials that
    /// each succeed with probability `success`: a geometric variate, by inversion.
    ///
    /// - Complexity: O(1). Returns 0 for `success` ≥ 1 and a count beyond any run for
    ///   `success` ≤ 0.
    mutating func geometricFailures(success: Double) -> Int {
        guard success < 1 else { return 0 }
        guard success > 0 else { return Int.max / 2 }
        let draws = log(1 - nextUnitDouble()) / log1p(-success)
        return draws < 1e18 ? Int(draws) : Int.max / 2
    }
}
