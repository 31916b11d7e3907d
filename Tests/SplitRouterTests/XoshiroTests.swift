import Testing

@testable import SplitRouter

@Suite struct XoshiroTests {
    @Test func splitMix64MatchesReferenceOutputs() {
        var mixer = SplitMix64(seed: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(mixer.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func xoshiroMatchesReferenceOutputsFromState1234() throws {
        var generator = try #require(Xoshiro256StarStar(state: (1, 2, 3, 4)))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in generator.next() } == expected)
    }

    @Test func seedingThroughSplitMixMatchesOtherImplementations() {
        var generator = Xoshiro256StarStar(seed: 42)
        #expect(generator.next() == 1_546_998_764_402_558_742)
        #expect(generator.next() == 6_990_951_692_964_543_102)
        #expect(generator.next() == 12_544_586_762_248_559_009)
    }

    @Test func allZeroStateIsRejected() {
        #expect(Xoshiro256StarStar(state: (0, 0, 0, 0)) == nil)
    }

    @Test func sameSeedGivesSameSequenceAndOtherSeedsDiffer() {
        var a = Xoshiro256StarStar(seed: 7)
        var b = Xoshiro256StarStar(seed: 7)
        var c = Xoshiro256StarStar(seed: 8)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func jumpIsLinear() throws {
        // Jumping is multiplication by a fixed matrix over GF(2), so it distributes over XOR of
        // states; a wrong polynomial or bit order would still be linear, but a non-linear slip
        // (an output instead of a state word) would not.
        var a = try #require(Xoshiro256StarStar(state: (1, 2, 3, 4)))
        var b = try #require(Xoshiro256StarStar(state: (5, 6, 7, 8)))
        var sum = try #require(Xoshiro256StarStar(state: (1 ^ 5, 2 ^ 6, 3 ^ 7, 4 ^ 8)))
        a.jump()
        b.jump()
        sum.jump()
        #expect(sum.state.0 == a.state.0 ^ b.state.0)
        #expect(sum.state.3 == a.state.3 ^ b.state.3)
    }

    @Test func streamsAreJumpsAndDiffer() {
        var jumped = Xoshiro256StarStar(seed: 3)
        jumped.jump()
        jumped.jump()
        #expect(Xoshiro256StarStar(seed: 3, stream: 2) == jumped)
        #expect(Xoshiro256StarStar(seed: 3, stream: 0) == Xoshiro256StarStar(seed: 3))
        var long = Xoshiro256StarStar(seed: 3)
        long.longJump()
        #expect(long != Xoshiro256StarStar(seed: 3) && long != jumped)
    }

    @Test func uniformBelowIsInRangeAndFits() {
        var generator = Xoshiro256StarStar(seed: 11)
        var counts = Array(repeating: 0, count: 10)
        for _ in 0..<100_000 {
            let value = generator.uniform(below: 10)
            counts[value] += 1
        }
        #expect(ChiSquare.fitsUniform(counts))
        #expect(generator.uniform(below: 0) == 0)
        #expect(generator.uniform(below: -5) == 0)
        #expect(generator.uniform(below: 1) == 0)
    }

    @Test func unitDoublesAreInHalfOpenIntervalAndFit() {
        var generator = Xoshiro256StarStar(seed: 12)
        var counts = Array(repeating: 0, count: 20)
        for _ in 0..<100_000 {
            let value = generator.nextUnitDouble()
            #expect(value >= 0 && value < 1)
            counts[Int(value * 20)] += 1
        }
        #expect(ChiSquare.fitsUniform(counts))
    }
}
