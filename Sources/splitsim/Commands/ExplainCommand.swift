import SplitReport
import SplitSim

/// `splitsim explain [KIND]`: what each way of splitting traffic is, in plain language.
enum ExplainCommand: Command {
    static let name = "explain"
    static let summary = "Explain each kind of traffic split in plain language"
    static var help: String {
        """
        Usage: splitsim explain [KIND | callers]

        Explains where the split happens, the unit of each routing decision, the granularity,
        what the cluster needs, and the typical failure mode. KIND is one of:
          \(StrategyRegistry.standard.names.joined(separator: ", "))
        With no KIND, explains them all. `splitsim explain callers` explains who balances the
        requests (traffic.callers): proxy, cluster-ip and clients.

        """
    }

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let kinds = try arguments.positionals()
        if kinds == ["callers"] {
            Console.write(CallerExplanation.all.map(renderCallers).joined(separator: "\n"))
            return
        }
        let all = StrategyRegistry.standard.names
        let chosen: [StrategyExplanation]
        if kinds.isEmpty {
            chosen = all.map(StrategyExplanation.of(kind:))
        } else {
            chosen = try kinds.map { kind throws(CLIError) in
                guard all.contains(kind) else {
                    var message = "unknown kind \"\(kind)\"; expected one of \(all.joined(separator: ", "))"
                    if let near = ArgumentList.nearest(to: kind, among: all) {
                        message += " (did you mean \"\(near)\"?)"
                    }
                    throw arguments.usage(message)
                }
                return StrategyExplanation.of(kind: kind)
            }
        }
        Console.write(chosen.map(render).joined(separator: "\n"))
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
