import Foundation
import SplitRouter
import Testing

@testable import SplitSim

/// The collector's jumps leave the set as request-by-request insertion would, in distribution:
/// after m uniform draws from n users the distinct count has mean n(1 − (1 − 1/n)^m) and a
/// known variance (the occupancy problem).
@Suite struct UserCollectorTests {
    static func occupancy(users n: Double, draws m: Double) -> (mean: Double, variance: Double) {
        let miss: Double = pow(1 - 1 / n, m)
        let bothMissed: Double = pow(1 - 2 / n, m)
        let mean = n * (1 - miss)
        let variance = n * (n - 1) * bothMissed + n * miss - n * n * miss * miss
        return (mean, variance)
    }

    /// Draw counts on both sides of half collected, in one call and in many small ones (the
    /// request path collects stretch by stretch): five standard errors of the mean over 2,000
    /// fixed-seed trials, and the variance within a third.
    @Test(arguments: [(500, 200, 1), (500, 900, 1), (500, 3_000, 1), (500, 3_000, 30), (64, 10_000, 7)])
    func theDistinctCountIsTheOccupancyDistribution(_ users: Int, _ draws: Int, _ pieces: Int) {
        let classes = UserClasses(allOf: users)
        var generator = Xoshiro256StarStar(seed: UInt64(users * 31 + draws + pieces))
        let trials = 2_000
        var counts: [Double] = []
        for _ in 0..<trials {
            var set = UserBitset(capacity: users)
            var collector = UserCollector()
            var left = draws
            for piece in 0..<pieces {
                let requests = piece == pieces - 1 ? left : draws / pieces
                collector.collect(requests, fromClass: 0, of: classes, byCookie: false, into: &set, using: &generator)
                left -= requests
            }
            counts.append(Double(set.count))
        }
        let expected = Self.occupancy(users: Double(users), draws: Double(draws))
        let mean = counts.reduce(0, +) / Double(trials)
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(trials - 1)
        #expect(abs(mean - expected.mean) < 5 * (max(expected.variance, 1e-3) / Double(trials)).squareRoot() + 1e-9)
        if expected.variance > 1 {
            #expect(abs(variance - expected.variance) < expected.variance / 3)
        }
    }

    /// Users already in the set count as collected, and classes stay apart: a request of the
    /// cookie class never adds a user without the cookie.
    @Test func itStartsFromTheSetAndKeepsToTheClass() {
        var traits = [UInt8](repeating: 0, count: 1_000)
        for user in stride(from: 0, to: 1_000, by: 10) { traits[user] = 1 << 1 }
        let classes = UserClasses(cookiesOf: traits, cookieCount: 1)
        #expect(classes.count == 2)
        #expect(classes.size(of: 1) == 100)
        var set = UserBitset(capacity: 1_000)
        for user in stride(from: 0, to: 1_000, by: 20) { set.insert(user) }
        var collector = UserCollector()
        var generator = Xoshiro256StarStar(seed: 5)
        collector.collect(100_000, fromClass: 1, of: classes, byCookie: true, into: &set, using: &generator)
        #expect(set.count == 100)
        #expect((0..<1_000).allSatisfy { set.contains($0) == ($0 % 10 == 0) })
        collector.invalidate()
        set.insert(1)
        collector.collect(1_000_000, fromClass: 0, of: classes, byCookie: true, into: &set, using: &generator)
        #expect(set.count == 1_000)
    }
}
