import Testing

@testable import SplitRouter

@Suite struct WeightedPolicyTests {
    static let sampleSize = 100_000

    /// Picks `sampleSize` times and counts the picks per backend.
    func counts<P: WeightedPicker>(_ picker: P, seed: UInt64) -> [Int] {
        var picker = picker
        var generator = Xoshiro256StarStar(seed: seed)
        var counts = Array(repeating: 0, count: picker.backendCount)
        for _ in 0..<Self.sampleSize {
            counts[picker.pick(using: &generator)] += 1
        }
        return counts
    }

    func names(_ picks: [Int]) -> String {
        picks.map { ["a", "b", "c", "d"][$0] }.joined(separator: " ")
    }

    // MARK: Two-way split

    @Test func twoWaySplitExtremesAreExact() {
        let never = TwoWaySplit(candidateShare: 0)
        let always = TwoWaySplit(candidateShare: 1)
        for draw: UInt64 in [0, 1, 1 << 63, .max - 1, .max] {
            #expect(!never.picksCandidate(draw))
            #expect(always.picksCandidate(draw))
        }
        #expect(TwoWaySplit(candidateShare: .nan).threshold == 0)
        #expect(TwoWaySplit(candidateShare: 2) == always)
        #expect(TwoWaySplit(numerator: 0, denominator: 100) == never)
        #expect(TwoWaySplit(numerator: 100, denominator: 100) == always)
        #expect(TwoWaySplit(numerator: 1, denominator: 0) == never)
    }

    @Test func twoWaySplitThresholdIsShareTimesTwoToThe64() {
        #expect(TwoWaySplit(candidateShare: 0.5).threshold == 1 << 63)
        #expect(TwoWaySplit(numerator: 1, denominator: 2).threshold == 1 << 63)
        #expect(TwoWaySplit(numerator: 1, denominator: 4).threshold == 1 << 62)
        let half = TwoWaySplit(candidateShare: 0.5)
        #expect(!half.picksCandidate(1 << 63))
        #expect(half.picksCandidate((1 << 63) - 1))
        #expect(TwoWaySplit(numerator: 5, denominator: 100).candidateShare == 0.05)
    }

    @Test(arguments: [0.05, 0.2, 0.5, 0.99])
    func twoWaySplitFitsItsShare(share: Double) {
        let observed = counts(TwoWaySplit(candidateShare: share), seed: 21)
        #expect(ChiSquare.fits(observed, weights: [1 - share, share]))
    }

    // MARK: Alias and cumulative tables

    static let weightSets: [[Double]] = [
        [5, 1, 1],
        [1, 0, 3, 0.5],
        [1, 1],
        [0, 7],
        (1...100).map { Double($0 % 17 + 1) },
    ]

    @Test(arguments: weightSets)
    func aliasTableFitsWeights(weights: [Double]) throws {
        let table = try AliasTable(weights: weights)
        #expect(ChiSquare.fits(counts(table, seed: 5), weights: weights))
    }

    @Test(arguments: weightSets)
    func cumulativeTableFitsWeights(weights: [Double]) throws {
        let table = try CumulativeTable(weights: weights)
        #expect(ChiSquare.fits(counts(table, seed: 6), weights: weights))
    }

    @Test func aliasTableIsExactOnEqualWeights() throws {
        // With equal weights every column keeps its own backend, so the draw's high bits alone
        // decide: the pick is ⌊draw × n / 2⁶⁴⌋.
        let table = try AliasTable(weights: [1, 1, 1, 1])
        #expect(table.pick(draw: 0) == 0)
        #expect(table.pick(draw: 1 << 62) == 1)
        #expect(table.pick(draw: .max) == 3)
    }

    @Test func aliasTableColumnsSplitByCoin() throws {
        // Weights 3 and 1 scale to 1.5 and 0.5: column 1 keeps backend 1 for half its coin and
        // hands the other half to backend 0.
        let table = try AliasTable(weights: [3, 1])
        #expect(table.pick(draw: (1 << 63) + 1) == 1)
        #expect(table.pick(draw: .max) == 0)
        #expect(table.pick(draw: 0) == 0)
    }

    @Test func cumulativeTableBoundaries() throws {
        let table = try CumulativeTable(weights: [1, 0, 1, 2])
        #expect(table.pick(draw: 0) == 0)
        #expect(table.pick(draw: (1 << 62) - 1) == 0)
        #expect(table.pick(draw: 1 << 62) == 2)
        #expect(table.pick(draw: 1 << 63) == 3)
        #expect(table.pick(draw: .max) == 3)
    }

    @Test func randomPoliciesAreReproducible() throws {
        let table = try AliasTable(weights: [2, 3, 5])
        var first = Xoshiro256StarStar(seed: 99)
        var second = Xoshiro256StarStar(seed: 99)
        let a = (0..<1000).map { _ in table.pick(using: &first) }
        let b = (0..<1000).map { _ in table.pick(using: &second) }
        #expect(a == b)
    }

    @Test func invalidWeightsAreRejected() {
        #expect(throws: RoutingConfigurationError.noBackends) { try AliasTable(weights: []) }
        #expect(throws: RoutingConfigurationError.negativeWeight(index: 1)) { try AliasTable(weights: [1, -1]) }
        #expect(throws: RoutingConfigurationError.nonFiniteWeight(index: 0)) { try CumulativeTable(weights: [.nan]) }
        #expect(throws: RoutingConfigurationError.zeroTotalWeight) { try EDFScheduler(weights: [0, 0]) }
        #expect(throws: RoutingConfigurationError.zeroTotalWeight) { try SmoothWeightedRoundRobin(weights: [0]) }
        #expect(throws: RoutingConfigurationError.negativeWeight(index: 0)) {
            try SmoothWeightedRoundRobin(weights: [-1, 2])
        }
        #expect(throws: RoutingConfigurationError.totalWeightTooLarge(limit: Int(Int32.max))) {
            try SmoothWeightedRoundRobin(weights: [Int(Int32.max), 1])
        }
    }

    // MARK: Smooth weighted round robin

    @Test func smoothWRRMatchesNginxForFiveOneOne() throws {
        var rotation = try SmoothWeightedRoundRobin(weights: [5, 1, 1])
        let picks = (0..<14).map { _ in rotation.next() }
        #expect(names(picks) == "a a b a c a a a a b a c a a")
    }

    @Test func smoothWRRMatchesNginxForFourTwoOne() throws {
        var rotation = try SmoothWeightedRoundRobin(weights: [4, 2, 1])
        let picks = (0..<14).map { _ in rotation.next() }
        #expect(names(picks) == "a b a c a b a a b a c a b a")
    }

    @Test func smoothWRRTiesGoToEarlierBackendAndSkipZeroWeights() throws {
        var rotation = try SmoothWeightedRoundRobin(weights: [1, 0, 1, 1])
        #expect(names((0..<6).map { _ in rotation.next() }) == "a c d a c d")
    }

    @Test func smoothWRRRecordedPeriodEqualsNginxScan() throws {
        var generator = Xoshiro256StarStar(seed: 17)
        for _ in 0..<200 {
            let weights = (0..<(1 + generator.uniform(below: 8))).map { _ in generator.uniform(below: 12) } + [1]
            var recorded = try SmoothWeightedRoundRobin(weights: weights)
            var live = recorded
            #expect(recorded.schedule.count == weights.reduce(0, +))
            let total = weights.reduce(0, +)
            #expect((0..<(3 * total)).map { _ in recorded.next() } == (0..<(3 * total)).map { _ in live.scan() })
        }
    }

    @Test func smoothWRRScansWhenThePeriodIsLong() throws {
        var rotation = try SmoothWeightedRoundRobin(weights: [SmoothWeightedRoundRobin.maximumRecordedPeriod, 1])
        #expect(rotation.schedule.isEmpty)
        let picks = (0..<(SmoothWeightedRoundRobin.maximumRecordedPeriod + 1)).map { _ in rotation.next() }
        #expect(picks.filter { $0 == 1 }.count == 1)
    }

    // MARK: EDF

    @Test func edfMatchesHandComputedSchedule() throws {
        // Deadlines 1/4, 1/2, 1 are exact in binary. Picks, with (deadline, order) queued after:
        // a(.25)→a(.5,#3); b(.5,#1)→b(1,#4); a(.5,#3)→a(.75); a(.75)→a(1,#6);
        // c(1,#2)→c(2); b(1,#4)→b(1.5); a(1,#6)→a(1.25); a(1.25)→a(1.5,#10);
        // b(1.5,#8)→b(2); a(1.5,#10)→a(1.75); a(1.75)→a(2,#13); c(2,#7); b(2,#11); a(2,#13).
        var scheduler = try EDFScheduler(weights: [4, 2, 1])
        let picks = (0..<14).map { _ in scheduler.next() }
        #expect(names(picks) == "a b a a c b a a b a a c b a")
    }

    @Test func edfBreaksTiesFirstInFirstOut() throws {
        var scheduler = try EDFScheduler(weights: [1, 0, 1, 1])
        #expect(names((0..<6).map { _ in scheduler.next() }) == "a c d a c d")
    }

    @Test func deterministicPoliciesMatchWeightsOverAPeriod() throws {
        let weights = [3, 7, 1, 9]
        var rotation = try SmoothWeightedRoundRobin(weights: weights)
        var scheduler = try EDFScheduler(weights: weights.map(Double.init))
        var rotationCounts = [0, 0, 0, 0]
        var schedulerCounts = [0, 0, 0, 0]
        for _ in 0..<(20 * 50) {
            rotationCounts[rotation.next()] += 1
            schedulerCounts[scheduler.next()] += 1
        }
        #expect(rotationCounts == weights.map { $0 * 50 })
        #expect(schedulerCounts.enumerated().allSatisfy { abs($1 - weights[$0] * 50) <= 1 })
    }
}
