import Foundation
import SplitRouter
import Testing

@testable import SplitSim

/// The ziggurat gaps between arrivals are exponential (Marsaglia and Tsang 2000): the tables
/// close up, and a fixed-seed sample passes a Kolmogorov–Smirnov test and hits the tail.
@Suite struct ExponentialZigguratTests {
    /// The layers have equal area, so the recursion from the tail's start must end at the top
    /// layer with about the same area: a wrong constant leaves a visibly wrong cap.
    @Test func theTopLayerHasTheCommonArea() {
        var edge = ExponentialZiggurat.tailStart
        for _ in 2..<256 { edge = -log(exp(-edge) + ExponentialZiggurat.layerArea / edge) }
        let cap = edge * (1 - exp(-edge))
        #expect(abs(cap - ExponentialZiggurat.layerArea) < 1e-9)
    }

    /// D_n = sup |F_n − F| for 200,000 draws: the 0.1 % critical value is 1.95/√n ≈ 0.0044.
    @Test func aFixedSeedSamplePassesKolmogorovSmirnov() {
        let ziggurat = ExponentialZiggurat()
        var generator = Xoshiro256StarStar(seed: 15)
        let count = 200_000
        let sample = (0..<count).map { _ in ziggurat.next(using: &generator) }.sorted()
        var distance = 0.0
        for (index, value) in sample.enumerated() {
            let expected = 1 - exp(-value)
            distance = max(
                distance, abs(Double(index + 1) / Double(count) - expected),
                abs(Double(index) / Double(count) - expected))
        }
        #expect(distance < 1.95 / Double(count).squareRoot())
        let mean = sample.reduce(0, +) / Double(count)
        // Mean 1, standard deviation 1: four standard errors.
        #expect(abs(mean - 1) < 4 / Double(count).squareRoot())
    }

    /// The tail beyond the base layer and the wedges are drawn separately from the rectangles;
    /// their frequencies must be the exponential's: P(X > 7.7) = e^-7.7, P(X > 3) = e^-3.
    @Test func theTailAndTheWedgesHaveTheirMass() {
        let ziggurat = ExponentialZiggurat()
        var generator = Xoshiro256StarStar(seed: 16)
        let count = 2_000_000
        var beyondTail = 0
        var beyondThree = 0
        var largest = 0.0
        for _ in 0..<count {
            let value = ziggurat.next(using: &generator)
            if value > ExponentialZiggurat.tailStart { beyondTail += 1 }
            if value > 3 { beyondThree += 1 }
            largest = max(largest, value)
        }
        for (observed, probability) in [(beyondTail, exp(-ExponentialZiggurat.tailStart)), (beyondThree, exp(-3.0))] {
            let expected = Double(count) * probability
            #expect(abs(Double(observed) - expected) < 4 * expected.squareRoot())
        }
        #expect(largest > ExponentialZiggurat.tailStart)
    }
}
