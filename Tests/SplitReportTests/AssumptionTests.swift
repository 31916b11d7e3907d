import SplitReport
import SplitSim
import Testing

@Suite("assumptions")
struct AssumptionTests {
    static func scenario(callers: CallersSpec) -> [ScenarioComparison] {
        var scenario = ComparisonFixture.scenario
        scenario.callers = callers
        return [scenario]
    }

    @Test("every format states who balances the requests")
    func everyFormatStatesTheCallers() {
        let proxy = Self.scenario(callers: .proxy(endpointDelay: .seconds(2)))
        let sentence =
            "requests reach pods through a proxy that balances each request and sees endpoint changes after 2s"
        #expect(TableReport.render(proxy).contains("assumes: " + sentence + "\n"))
        #expect(MarkdownReport.render(proxy).contains("Assumes: " + sentence + ".\n"))
        #expect(
            HTMLReport.render(proxy, version: "test").contains("<p class=\"context\">Assumes: " + sentence + ".</p>"))
        #expect(JSONReport.render(proxy, version: "test").contains(#""assumptions": ["\#(sentence)"]"#))
        let clients = Self.scenario(callers: .clients(idleTimeout: .zero))
        #expect(TableReport.render(clients).contains("assumes: each user's client keeps its own connection"))
    }
}
