import Foundation
import SplitRouter
import Testing

@testable import SplitSim

/// Poisson counts by inversion below a mean of 10 and by Hörmann's PTRS above, geometric
/// skips by inversion: each matches its distribution at fixed seeds.
@Suite struct PoissonSamplingTests {
    /// Mean and variance both equal the Poisson mean: five standard errors of each.
    @Test(arguments: [0.3, 4.0, 9.99, 10.0, 37.5, 1_234.5, 2.5e7])
    func meanAndVarianceAreTheMean(_ mean: Double) {
        var generator = Xoshiro256StarStar(seed: UInt64(mean * 100))
        let count = 40_000
        let sample = (0..<count).map { _ in Double(generator.poisson(mean: mean)) }
        let sampleMean = sample.reduce(0, +) / Double(count)
        let variance = sample.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / Double(count - 1)
        #expect(abs(sampleMean - mean) < 5 * (mean / Double(count)).squareRoot())
        // The variance of the sample variance is about 2σ⁴/n + μ₄-terms; for a Poisson, (2λ² + λ)/n.
        #expect(abs(variance - mean) < 5 * ((2 * mean * mean + mean) / Double(count)).squareRoot())
    }

    /// A chi-square goodness of fit at a mean on each side of the method switch, and of the
    /// table the connection pool counts its seconds with (``PoissonTable``) across its range:
    /// the 0.1 % critical values for the pooled cells are about 2 · cells.
    @Test(arguments: [(6.5, false), (37.5, false), (0.7, true), (12.5, true), (64, true)])
    func countsFitThePoissonProbabilities(_ mean: Double, tabulated: Bool) {
        var generator = Xoshiro256StarStar(seed: 3)
        let count = 100_000
        var observed: [Int: Int] = [:]
        let table = tabulated ? PoissonTable(mean: mean) : nil
        for _ in 0..<count {
            let draw = table?.sample(using: &generator) ?? generator.poisson(mean: mean)
            observed[draw, default: 0] += 1
        }
        var statistic = 0.0
        var cells = 0
        var logTerm = -mean
        var below = 0.0
        var k = 0
        var observedBelow = 0
        while below < 1 - 1e-4 {
            let probability = exp(logTerm)
            let expected = probability * Double(count)
            if expected >= 5 {
                let seen = Double(observed[k, default: 0])
                statistic += (seen - expected) * (seen - expected) / expected
                cells += 1
            }
            below += probability
            observedBelow += observed[k, default: 0]
            k += 1
            logTerm += log(mean) - log(Double(k))
        }
        #expect(cells >= 5)
        #expect(statistic < 2.0 * Double(cells) + 10, "chi-square \(statistic) over \(cells) cells")
        #expect(count - observedBelow < 40, "the far tail holds 10⁻⁴ of the mass")
    }

    @Test func logFactorialMatchesTheSumOfLogarithms() {
        var sum = 0.0
        for k in 1...400 {
            sum += log(Double(k))
            #expect(abs(PoissonDistribution.logFactorial(k) - sum) < 1e-9 * max(1, sum))
        }
        #expect(PoissonDistribution.logFactorial(0) == 0)
    }

    /// Failures before the first success: mean (1 − p)/p, and P(0) = p.
    @Test(arguments: [0.9, 0.5, 0.01])
    func geometricSkipsHaveTheirMean(_ success: Double) {
        var generator = Xoshiro256StarStar(seed: 11)
        let count = 100_000
        let sample = (0..<count).map { _ in generator.geometricFailures(success: success) }
        let mean = Double(sample.reduce(0, +)) / Double(count)
        let expected = (1 - success) / success
        let deviation = ((1 - success) / (success * success)).squareRoot()
        #expect(abs(mean - expected) < 5 * deviation / Double(count).squareRoot())
        let zeros = Double(sample.filter { $0 == 0 }.count)
        #expect(abs(zeros - success * Double(count)) < 5 * (success * (1 - success) * Double(count)).squareRoot())
        #expect(generator.geometricFailures(success: 1) == 0)
    }
}
