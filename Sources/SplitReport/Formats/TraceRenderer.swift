import SplitSim

/// Renders one run's control events for `splitsim trace`.
public enum TraceRenderer {
    /// One line per event: `00:02:30  what happened`.
    public static func text(_ events: [TraceEvent]) -> String {
        events.map { clock($0.time) + "  " + TraceSentence.text($0.detail) }.joined(separator: "\n") + "\n"
    }

    /// A JSON array with one object per event.
    public static func json(_ events: [TraceEvent], strategy: String, run: Int) -> String {
        let items: [JSONWriter.Value] = events.map { event in
            .object([
                ("time", .number(Double(event.time) / 1e9)),
                ("clock", .string(clock(event.time))),
                ("kind", .string(event.kind)),
                ("detail", .string(TraceSentence.text(event.detail))),
                ("stableReady", .integer(event.stableReady)),
                ("candidateReady", .integer(event.candidateReady)),
                ("pods", .integer(event.pods)),
                ("candidateShare", .number(event.candidateShare)),
                (
                    "replicaSets",
                    .array(
                        event.replicaSets.map { set in
                            .object([
                                ("name", .string(set.name)), ("spec", .integer(set.spec)),
                                ("ready", .integer(set.ready)), ("terminating", .integer(set.terminating)),
                            ])
                        })
                ),
            ])
        }
        return JSONWriter.render(
            .object([
                ("strategy", .string(strategy)),
                ("run", .integer(run)),
                ("events", .array(items)),
            ])) + "\n"
    }

    /// `hh:mm:ss`, with milliseconds when the time is not a whole second.
    public static func clock(_ nanoseconds: Int64) -> String {
        let totalMilliseconds = nanoseconds / 1_000_000
        let seconds = totalMilliseconds / 1000
        let pad = { (value: Int64) in value < 10 ? "0\(value)" : "\(value)" }
        var text = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        let milliseconds = totalMilliseconds % 1000
        if milliseconds != 0 {
            text += "." + String(String(milliseconds + 1000).dropFirst())
        }
        return text
    }
}
