import Testing

@testable import SplitSim

@Suite("Durations and percentages")
struct SimDurationTests {
    @Test(arguments: [
        ("250ms", 250_000_000 as Int64),
        ("90s", 90_000_000_000),
        ("5m", 300_000_000_000),
        ("1h30m", 5_400_000_000_000),
        ("1.5s", 1_500_000_000),
        ("0", 0),
        ("0s", 0),
        ("2h", 7_200_000_000_000),
        ("10us", 10_000),
        ("10µs", 10_000),
        ("7ns", 7),
        ("1m30s500ms", 90_500_000_000),
    ])
    func parsesDurations(text: String, nanoseconds: Int64) {
        #expect(SimDuration(parsing: text)?.nanoseconds == nanoseconds)
    }

    @Test(arguments: ["", "5", "-5s", "5x", "5X", "s", "1.2.3s", "5 m", "é", "1e3s", "99999999999h", ".s"])
    func rejectsNonDurations(text: String) {
        #expect(SimDuration(parsing: text) == nil)
    }

    @Test func describesDurations() {
        #expect(SimDuration.seconds(90).description == "1m30s")
        #expect(SimDuration.minutes(90).description == "1h30m")
        #expect(SimDuration.seconds(0.25).description == "250ms")
        #expect(SimDuration.zero.description == "0s")
    }

    @Test func parsesIntOrPercent() {
        #expect(IntOrPercent(parsing: "25%") == .percent(25))
        #expect(IntOrPercent(parsing: "3") == .count(3))
        #expect(IntOrPercent(parsing: "-1") == nil)
        #expect(IntOrPercent(parsing: "2.5%") == nil)
        #expect(IntOrPercent(parsing: "%") == nil)
        #expect(IntOrPercent(parsing: "") == nil)
    }
}
