import SplitReport
import SplitSim

/// `splitsim explain [KIND]`: what each way of splitting traffic is, in plain language.
enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "Explain each kind of traffic split in plain language"
    static var help: String {
        """
        Usage: splitsim explain [KIND | callers | CONTROLLER | ROUTER ...]

        Explains where the split happens, the unit of each routing decision, the granularity,
        what the cluster needs, and the typical failure mode. KIND is one of:
          \(StrategyRegistry.standard.names.joined(separator: ", "))
        With no KIND, explains them all. `splitsim explain callers` explains who balances the
        requests (traffic.callers): proxy, cluster-ip and clients.
        The controllers argo and flagger, and the routers ingress-nginx, gateway-api and istio,
        are explained by name: what each is, how it moves traffic, how it decides, its pitfall,
        the scenario keys that select it, and the upstream source it is modelled on.

        """
    }

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let names = try arguments.positionals()
        let kinds = StrategyRegistry.standard.names
        if names.isEmpty {
            Console.write(kinds.map { render(StrategyExplanation.of(kind: $0)) }.joined(separator: "\n"))
            return
        }
        let accepted = kinds + ["callers"] + ControllerExplanation.names
        let sections = try names.map { name throws(CLIError) in
            var parts: [String] = []
            if kinds.contains(name) { parts.append(render(StrategyExplanation.of(kind: name))) }
            if name == "callers" { parts.append(CallerExplanation.all.map(renderCallers).joined(separator: "\n")) }
            if let controller = ControllerExplanation.named(name) { parts.append(renderController(controller)) }
            guard !parts.isEmpty else {
                var message =
                    "unknown kind or topic \"\(name)\"; expected one of \(accepted.joined(separator: ", "))"
                if let near = ArgumentList.nearest(to: name, among: accepted) {
                    message += " (did you mean \"\(near)\"?)"
                }
                throw arguments.usage(message)
            }
            return parts.joined(separator: "\n")
        }
        Console.write(sections.joined(separator: "\n"))
    }

    private static func render(_ explanation: StrategyExplanation) -> String {
        let fields = [
            ("Where it splits", explanation.splitPoint),
            ("Unit of decision", explanation.unitOfDecision),
            ("Granularity", explanation.granularity),
            ("Needs", explanation.requirements),
            ("Failure mode", explanation.failureMode),
            ("Modelled on", explanation.modelledOn),
        ]
        var text = "\(explanation.kind) — \(explanation.title)\n"
        for (label, body) in fields {
            text += wrap(body, label: label)
        }
        return text
    }

    private static func renderCallers(_ explanation: CallerExplanation) -> String {
        var text = "callers via \(explanation.via) — \(explanation.title)\n"
        for (label, body) in [
            ("Who balances", explanation.balancing), ("Reaction", explanation.reaction),
            ("Use for", explanation.useFor),
        ] {
            text += wrap(body, label: label)
        }
        return text
    }

    private static func renderController(_ explanation: ControllerExplanation) -> String {
        var text = "\(explanation.name) — \(explanation.title)\n"
        for (label, body) in [
            ("What it is", explanation.whatItIs), ("Moves traffic", explanation.trafficMovement),
            ("Decides", explanation.decision), ("Pitfall", explanation.pitfall),
            ("In a scenario", explanation.scenarioKeys), ("Modelled on", explanation.modelledOn),
        ] {
            text += wrap(body, label: label)
        }
        return text
    }

    /// Wraps `body` at 100 columns under an aligned label.
    private static func wrap(_ body: String, label: String) -> String {
        let indent = String(repeating: " ", count: 20)
        var lines: [String] = []
        var line = ""
        for word in body.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > 80 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        let head = "  " + label + String(repeating: " ", count: max(1, 18 - label.count))
        return lines.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element }.joined(separator: "\n") + "\n"
    }
}
