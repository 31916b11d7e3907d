import Testing

@testable import SplitSim

@Suite struct SummaryStatisticsTests {
    @Test func percentilesInterpolateBetweenOrderStatistics() throws {
        let stats = try #require(SummaryStatistics((1...21).map(Double.init).reversed()))
        #expect(stats.mean == 11)
        #expect(stats.min == 1 && stats.max == 21)
        #expect(stats.p50 == 11)
        #expect(stats.p5 == 2)
        #expect(stats.p95 == 20)
        let pair = try #require(SummaryStatistics([0, 10]))
        #expect(abs(pair.p5 - 0.5) < 1e-12 && abs(pair.p95 - 9.5) < 1e-12)
    }

    @Test func noValuesMeansNoFigure() {
        #expect(SummaryStatistics([]) == nil)
    }
}
