import Foundation
import SplitReport
import Testing

@Suite("explain controllers and routers")
struct ExplainControllersTests {
    static let topics = ["argo", "flagger", "ingress-nginx", "gateway-api", "istio"]

    @Test("explain TOPIC explains that controller or router", arguments: topics)
    func explainTopic(_ topic: String) throws {
        let result = try CLIRun.run(["explain", topic])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.hasPrefix(topic + " — "), "\(result)")
        for label in ["What it is", "Moves traffic", "Decides", "Pitfall", "In a scenario", "Modelled on"] {
            #expect(result.stdout.contains(label), "\(label) missing for \(topic)")
        }
        for other in Self.topics where other != topic {
            #expect(!result.stdoutLines.contains { $0.hasPrefix(other + " — ") }, "\(other) in \(topic)")
        }
    }

    @Test("explain argo gives the AnalysisRun lifecycle")
    func explainArgo() throws {
        let result = try CLIRun.run(["explain", "argo"])
        #expect(result.status == 0, "\(result)")
        let text = Self.unwrapped(result.stdout)
        for fact in [
            "consecutiveErrorLimit (default 4)", "failureLimit (default 0)", "inconclusiveLimit (default 0)",
            "Inconclusive pauses it", "after initialDelay", "terminated when the rollout is fully promoted",
            "Nothing watches after full promotion", "analysis/analysis.go",
        ] {
            #expect(text.contains(fact), "explain argo lacks \"\(fact)\"")
        }
    }

    @Test("explain flagger gives the check loop, threshold and promotion")
    func explainFlagger() throws {
        let result = try CLIRun.run(["explain", "flagger"])
        #expect(result.status == 0, "\(result)")
        let text = Self.unwrapped(result.stdout)
        for fact in [
            "threshold", "stepWeight", "maxWeight", "stepWeights", "iterations", "mirror: true",
            "copies the canary spec to the primary", "full replica count", "kind: \"flagger\"",
            "pkg/controller/scheduler.go",
        ] {
            #expect(text.contains(fact), "explain flagger lacks \"\(fact)\"")
        }
    }

    @Test("explain of the routers gives their weight rules")
    func explainRouters() throws {
        let nginx = Self.unwrapped(try CLIRun.run(["explain", "ingress-nginx"]).stdout)
        for fact in [
            "header → cookie → weight", "math.random(weightTotal) <= weight", "canary-weight-total", "balancer.lua",
        ] {
            #expect(nginx.contains(fact), "explain ingress-nginx lacks \"\(fact)\"")
        }
        let gateway = Self.unwrapped(try CLIRun.run(["explain", "gateway-api"]).stdout)
        for fact in ["1,000,000", "w/Σw", "router: \"gateway-api\"", "Per request"] {
            #expect(gateway.contains(fact), "explain gateway-api lacks \"\(fact)\"")
        }
        let istio = try CLIRun.run(["explain", "istio"])
        #expect(istio.status == 0, "\(istio)")
        let istioText = Self.unwrapped(istio.stdout)
        for fact in ["VirtualService", "Envoy", "1 %", "router: \"istio\"", "Per request"] {
            #expect(istioText.contains(fact), "explain istio lacks \"\(fact)\"")
        }
    }

    @Test("kinds, callers and topics can be explained together, in the order asked")
    func explainMixed() throws {
        let result = try CLIRun.run(["explain", "istio", "service-split", "callers"])
        #expect(result.status == 0, "\(result)")
        let headings = result.stdoutLines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(headings.first?.hasPrefix("istio — ") == true, "\(result)")
        #expect(headings.dropFirst().first?.hasPrefix("service-split ") == true, "\(result)")
        #expect(headings.dropFirst(2).allSatisfy { $0.hasPrefix("callers via ") }, "\(result)")
    }

    @Test("a misspelt topic exits 64 with a did-you-mean")
    func explainMisspelt() throws {
        let result = try CLIRun.run(["explain", "flager"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(#"did you mean "flagger"?"#), "\(result)")
        for name in Self.topics + ["callers", "service-split"] {
            #expect(result.stderr.contains(name), "the error does not list \(name)")
        }
    }

    @Test("the help names the controllers and routers")
    func help() throws {
        let result = try CLIRun.run(["help", "explain"])
        #expect(result.status == 0, "\(result)")
        for topic in Self.topics {
            #expect(result.stdout.contains(topic), "help explain lacks \(topic)")
        }
    }

    @Test("every explanation has all its fields and a unique name")
    func explanationsComplete() {
        let all = ControllerExplanation.all
        #expect(all.map(\.name) == Self.topics)
        #expect(Set(all.map(\.name)).count == all.count)
        for explanation in all {
            let fields = [
                explanation.name, explanation.title, explanation.whatItIs, explanation.trafficMovement,
                explanation.decision, explanation.pitfall, explanation.scenarioKeys, explanation.modelledOn,
            ]
            #expect(
                fields.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                "\(explanation.name) has an empty field")
            #expect(ControllerExplanation.named(explanation.name)?.title == explanation.title)
        }
        #expect(ControllerExplanation.named("flager") == nil)
    }

    /// The output with its wrapping undone: labels and indentation dropped, lines joined by
    /// spaces, so a phrase split over two lines is still found.
    static func unwrapped(_ text: String) -> String {
        CLIResult.lines(text).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
