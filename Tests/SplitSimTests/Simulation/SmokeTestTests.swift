import SplitSim
import Testing

/// A smoke test is `requests` test cases; each exercises the fault's code path with
/// probability `coverage` and then fails with the fault's error rate, and the test fails on
/// any failed case (DESIGN §1.5, §4). So its chance to catch a fault is 1 − (1 − coverage ·
/// errorRate)^requests, which only grows with the number of cases.
@Suite struct SmokeTestTests {
    private static func catchRate(cases: Int, maxErrorRate: String = "") throws -> Double {
        let strategy =
            #"{"name": "gw", "kind": "gateway-route", "header": {"name": "x-canary", "value": "true"}, "approvalDelay": "1h", "smokeTest": {"requests": \#(cases), "rps": 100, "coverage": 0.01\#(maxErrorRate)}}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 2, rps: 5, users: 100, duration: "10m", runs: 100, startup: "5s",
            shutdown: "5s", candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1}}"#)
        return Comparison.run(scenario).strategies[0].outcome.aborted
    }

    @Test func moreCasesNeverLowerTheChanceToCatchAFault() throws {
        let few = try Self.catchRate(cases: 20)
        let many = try Self.catchRate(cases: 200)
        // 1 − 0.995^20 = 9.5 %, 1 − 0.995^200 = 63 %; four standard deviations over 100 runs.
        #expect(abs(few - 0.095) <= 4 * (0.095 * 0.905 / 100).squareRoot())
        #expect(abs(many - 0.633) <= 4 * (0.633 * 0.367 / 100).squareRoot())
        #expect(many > few)
    }

    /// With a failed-share threshold the user set, a bigger test can catch less: 1 of 20
    /// cases is 5 %, above 1 %, while 200 cases need 3 failures to exceed 1 %.
    @Test func aShareThresholdTheUserSetIsKept() throws {
        let many = try Self.catchRate(cases: 200, maxErrorRate: #", "maxErrorRate": 0.01"#)
        // P(at least 3 of 200 at 0.5 %) = 8 %.
        #expect(many < 0.25)
    }
}
