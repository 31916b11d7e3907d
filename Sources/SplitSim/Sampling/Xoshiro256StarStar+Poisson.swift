import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Xoshiro256StarStar {
    /// Returns a Poisson variate with the given mean: the number of arrivals of a Poisson
    /// process in a stretch where it expects `mean` of them.
    ///
    /// Below a mean of 10 it inverts the distribution function term by term; above, it uses
    /// Hörmann's transformed rejection with squeeze, PTRS ("The transformed rejection method
    /// for generating Poisson random variables", Insurance: Mathematics and Economics 12,
    /// 1993), which is exact and needs about 1.1 pairs of draws whatever the mean.
    ///
    /// - Complexity: O(`mean`) below 10, O(1) expected above. Returns 0 for a mean ≤ 0.
    mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 10 {
            let unit = nextUnitDouble()
            var term = exp(-mean)
            var cumulative = term
            var count = 0
            // The terms fall below the rounding of `cumulative` long before count reaches 200.
            while unit >= cumulative && count < 200 {
                count += 1
                term *= mean / Double(count)
                cumulative += term
            }
            return count
        }
        let root = mean.squareRoot()
        let logMean = log(mean)
        let b = 0.931 + 2.53 * root
        let a = -0.059 + 0.024_83 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let squeeze = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextUnitDouble() - 0.5
            let v = nextUnitDouble()
            let us = 0.5 - abs(u)
            let candidate = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= squeeze { return Int(candidate) }
            if candidate < 0 || (us < 0.013 && v > us) { continue }
            let k = Int(candidate)
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b)
                <= -mean + Double(k) * logMean - Self.logFactorial(k)
            {
                return k
            }
        }
    }

    /// log(k!): a sum of logarithms below 16, Stirling's series above (error below 10⁻¹²).
    static func logFactorial(_ k: Int) -> Double {
        if k < 16 {
            var sum = 0.0
            var factor = 2
            while factor <= k {
                sum += log(Double(factor))
                factor += 1
            }
            return sum
        }
        let x = Double(k + 1)
        let inverse = 1 / x
        let inverseSquare = inverse * inverse
        let series = inverse * (1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260)))
        return (x - 0.5) * log(x) - x + 0.5 * log(2 * Double.pi) + series
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
