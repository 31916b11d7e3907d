import Foundation
import Testing

/// A compare past the work limits asks for `--yes` (issue 16): a typo in a duration or a
/// rate is one line and exit 64 before anything runs, not hours of a busy machine.
@Suite struct WorkLimitTests {
    /// 10,000 requests/s for 3,400 h is 122 billion requests at most; the faulty canary is
    /// stopped in two minutes and its healthy twin promoted, so with --yes it runs in a moment.
    private static let big = """
        {"name": "big", "seed": 1, "runs": 1, "duration": "3400h",
         "traffic": {"rps": 10000, "users": 1000},
         "cluster": {"replicas": 4, "podStartup": "5s", "podShutdown": "5s"},
         "versions": {"candidate": {"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1}}},
         "analysis": {"interval": "1m", "maxErrorRate": 0.01, "minRequests": 10},
         "strategies": [{"name": "canary", "kind": "service-split", "steps": [{"setWeight": 50}, {"pause": "1m"}]}]}
        """

    @Test func tooManyRequestsNeedYes() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write("big.json", Self.big)
        let refused = try CLIRun.run(["compare", file])
        #expect(refused.status == 64)
        #expect(
            refused.problemLines == [
                "splitsim compare: the comparison simulates up to 122 billion requests, more than 100 billion (fewer runs, a shorter duration or a lower rate); run with --yes to simulate it anyway, or --estimate to see how long it would take"
            ])
        #expect(refused.stdout.isEmpty)
        let confirmed = try CLIRun.run(["compare", file, "--yes", "--quiet", "--format", "json"])
        #expect(confirmed.status == 0, "\(confirmed)")
        #expect(confirmed.stdout.contains("\"name\": \"canary\""))
    }

    @Test func tooManyAnalysisTicksNeedYes() throws {
        let scratch = try TemporaryDirectory()
        let text = Self.big.replacingOccurrences(of: "\"3400h\"", with: "1000000000")
            .replacingOccurrences(of: "\"rps\": 10000", with: "\"rps\": 0.001")
        let file = try scratch.write("long.json", text)
        let refused = try CLIRun.run(["compare", file])
        #expect(refused.status == 64)
        #expect(
            refused.problemLines == [
                "splitsim compare: \(file): the analysis of canary takes up to 33.3 million scrapes and measurements per run, more than 10 million (a long duration or a short interval); run with --yes to simulate it anyway, or --estimate to see how long it would take"
            ])
    }
}
