/// Pearson's chi-square goodness-of-fit test at significance 0.001.
///
/// Tests run at fixed seeds, so a pass is reproducible; the bound is strict enough to catch a
/// policy that is off by a few percent on a 100,000-pick sample.
enum ChiSquare {
    /// Returns the chi-square statistic of `counts` against `expectedShares` (summing to 1).
    static func statistic(_ counts: [Int], expectedShares: [Double]) -> Double {
        let total = Double(counts.reduce(0, +))
        var statistic = 0.0
        for (count, share) in zip(counts, expectedShares) where share > 0 {
            let expected = total * share
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        return statistic
    }

    /// The 0.999 quantile of chi-square with `degrees` degrees of freedom, by Wilson–Hilferty.
    static func criticalValue(degrees: Int) -> Double {
        let k = Double(degrees)
        let z = 3.090_232  // standard normal 0.999 quantile
        let term = 1 - 2 / (9 * k) + z * (2 / (9 * k)).squareRoot()
        return k * term * term * term
    }

    /// Whether `counts` fit `weights` (zero-weight categories must be empty).
    static func fits(_ counts: [Int], weights: [Double]) -> Bool {
        let total = weights.reduce(0, +)
        let shares = weights.map { $0 / total }
        let degrees = shares.filter { $0 > 0 }.count - 1
        let emptyWhereZero = zip(counts, shares).allSatisfy { $1 > 0 || $0 == 0 }
        return emptyWhereZero && statistic(counts, expectedShares: shares) < criticalValue(degrees: max(degrees, 1))
    }

    /// Whether `counts` fit a uniform distribution.
    static func fitsUniform(_ counts: [Int]) -> Bool {
        fits(counts, weights: Array(repeating: 1, count: counts.count))
    }
}
