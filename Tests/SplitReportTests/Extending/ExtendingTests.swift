import SplitReport
import SplitSim
import Testing

/// A new strategy kind is one file (``BigBangSpec``) plus one registry line; these tests show
/// that it then decodes, validates, simulates and renders like the kinds splitsim ships.
@Suite("adding a strategy kind")
struct ExtendingTests {
    /// The one registry line.
    static let registry = StrategyRegistry.standard.adding(BigBangSpec.self)

    static func scenario(strategy: String, fault: String = "") -> String {
        """
        {"name": "toy", "seed": 5, "runs": 3, "duration": "20m",
         "traffic": {"rps": 50, "users": 2000},
         "cluster": {"replicas": 4, "podStartup": "10s", "podShutdown": "10s", "podHourlyCost": 0.1, "podStartupJitter": 0, "podShutdownJitter": 0},
         "versions": {"stable": {"errorRate": 0}, "candidate": {"errorRate": 0\(fault)}},
         "analysis": {"interval": "1m", "maxErrorRate": 0.05, "minRequests": 20, "afterPromotion": "10m"},
         "strategies": [\(strategy)]}
        """
    }

    static let bigBang = #"{"name": "all at once", "kind": "big-bang", "delay": "2m"}"#

    @Test("the kind decodes with its own keys")
    func decodes() throws {
        let scenario = try Scenario(
            decoding: Self.scenario(strategy: Self.bigBang), file: "toy.json", registry: Self.registry)
        #expect(scenario.strategies[0].kind.name == "big-bang")
        #expect(scenario.strategies[0].kind.settings(as: BigBangSpec.self) == BigBangSpec(delay: .minutes(2)))
    }

    @Test("the standard registry does not know it; the extended one validates its keys")
    func validates() {
        #expect(throws: ScenarioError.self) {
            try Scenario(decoding: Self.scenario(strategy: Self.bigBang), file: "toy.json")
        }
        let misspelt = #"{"name": "x", "kind": "big-bang", "dealy": "2m"}"#
        do {
            _ = try Scenario(decoding: Self.scenario(strategy: misspelt), file: "toy.json", registry: Self.registry)
            Issue.record("a misspelt key was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains(#"strategies[0].dealy: unknown key; did you mean "delay"?"#), "\(text)")
            #expect(text.contains("strategies[0].delay: missing required key"), "\(text)")
        }
    }

    @Test("it simulates: the switch happens after the delay, with twice the pods at the peak")
    func simulates() throws {
        let scenario = try Scenario(
            decoding: Self.scenario(strategy: Self.bigBang), file: "toy.json", registry: Self.registry)
        let result = Comparison.run(scenario)
        let strategy = try #require(result.strategies.first)
        #expect(strategy.outcome.promoted == 1)
        #expect(strategy.cost.peakPods?.max == 8)
        // Switch at 2m, old pods gone 10 s later.
        #expect(strategy.durationSeconds?.mean == 130)
        #expect(strategy.exposure.usersExposed?.min ?? 0 > 1_000)
    }

    @Test("a failed analysis after the switch switches back")
    func rollsBack() throws {
        let text = Self.scenario(
            strategy: Self.bigBang, fault: #", "fault": {"errorRate": 0.5, "users": 1, "after": "0s"}"#)
        let scenario = try Scenario(decoding: text, file: "toy.json", registry: Self.registry)
        let strategy = try #require(Comparison.run(scenario).strategies.first)
        #expect(strategy.outcome.aborted == 1)
        #expect(strategy.exposure.detectionSeconds != nil)
    }

    @Test("it renders in every report format")
    func renders() throws {
        let scenario = try Scenario(
            decoding: Self.scenario(strategy: Self.bigBang), file: "toy.json", registry: Self.registry)
        let comparison = [Comparison.run(scenario)]
        #expect(TableReport.render(comparison).contains("all at once"))
        #expect(JSONReport.render(comparison, version: "test").contains(#""kind": "big-bang""#))
        #expect(MarkdownReport.render(comparison).contains("big-bang"))
        #expect(CSVReport.render(comparison).contains("big-bang"))
        #expect(HTMLReport.render(comparison, version: "test").contains("big-bang"))
    }
}

@Suite("explanations")
struct ExplanationTests {
    @Test("every kind splitsim ships has its own account, in registry order")
    func everyStandardKindIsExplained() {
        #expect(StrategyExplanation.all.map(\.kind) == StrategyRegistry.standard.names)
    }

    @Test("a kind without an account says so instead of guessing")
    func unexplainedKind() {
        let explanation = StrategyExplanation.of(kind: BigBangSpec.kindName)
        #expect(explanation.kind == "big-bang")
        #expect(explanation.splitPoint.hasPrefix("Not written yet"))
    }
}
