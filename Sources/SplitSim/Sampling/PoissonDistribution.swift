import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Poisson distribution of one mean, its sampler's constants computed once, for a stream
/// that draws many counts of the same mean.
///
/// Below a mean of 10 it inverts the distribution function term by term; above, it uses
/// Hörmann's transformed rejection with squeeze, PTRS ("The transformed rejection method for
/// generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993),
/// which is exact and needs about 1.1 pairs of draws whatever the mean.
struct PoissonDistribution: Sendable {
    let mean: Double
    /// e^-mean, the inversion's first term.
    private let firstTerm: Double
    private let logMean: Double
    private let a: Double
    private let b: Double
    private let logInverseAlpha: Double
    private let squeeze: Double

    /// log(k!) for k below 16, summed once.
    private static let smallLogFactorials: [Double] = (0..<16).map { k in
        var sum = 0.0
        var factor = 2
        while factor <= k {
            sum += log(Double(factor))
            factor += 1
        }
        return sum
    }

    /// The distribution with `mean`; a mean ≤ 0 always gives 0.
    ///
    /// - Complexity: O(1): a square root and two logarithms.
    init(mean: Double) {
        self.mean = mean
        firstTerm = mean < 10 ? exp(-mean) : 0
        let root = mean.squareRoot()
        logMean = mean >= 10 ? log(mean) : 0
        b = 0.931 + 2.53 * root
        a = -0.059 + 0.024_83 * b
        logInverseAlpha = mean >= 10 ? log(1.1239 + 1.1328 / (b - 3.4)) : 0
        squeeze = 0.9277 - 3.6224 / (b - 2)
    }

    /// Draws a count.
    ///
    /// - Complexity: O(`mean`) below 10, O(1) expected above.
    func sample(using generator: inout Xoshiro256StarStar) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 10 {
            let unit = generator.nextUnitDouble()
            var term = firstTerm
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
        while true {
            let u = generator.nextUnitDouble() - 0.5
            let v = generator.nextUnitDouble()
            let us = 0.5 - abs(u)
            let candidate = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= squeeze { return Int(candidate) }
            if candidate < 0 || (us < 0.013 && v > us) { continue }
            let k = Int(candidate)
            if log(v) + logInverseAlpha - log(a / (us * us) + b)
                <= -mean + Double(k) * logMean - Self.logFactorial(k)
            {
                return k
            }
        }
    }

    /// log(k!): a table below 16, Stirling's series above (error below 10⁻¹²).
    static func logFactorial(_ k: Int) -> Double {
        if k < 16 { return smallLogFactorials[k] }
        let x = Double(k + 1)
        let inverse = 1 / x
        let inverseSquare = inverse * inverse
        let series = inverse * (1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260)))
        return (x - 0.5) * log(x) - x + 0.5 * log(2 * Double.pi) + series
    }
}
