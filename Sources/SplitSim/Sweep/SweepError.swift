/// Why a sweep cannot be planned, run or merged; the message names the flag, path or file.
public enum SweepError: Error, Equatable, CustomStringConvertible {
    /// A `--vary` value that is not `PATH=V1,V2,...`, or a path that cannot be set.
    case badVary(String)
    /// A point's scenario does not decode: the scenario error, which names the path.
    case invalidPoint(id: String, ScenarioError)
    /// More points than one plan may hold.
    case tooManyPoints(Int, limit: Int)
    /// A plan or shard line that is not what `sweep plan` or `sweep run` writes.
    case badLine(file: String, line: Int, String)
    /// Shard files that do not hold every planned point exactly once.
    case notExactlyOnce(missing: [String], duplicated: [String])

    public var description: String {
        switch self {
        case .badVary(let message): return message
        case .invalidPoint(_, let error): return error.description
        case .tooManyPoints(let count, let limit):
            return
                "the --vary values make \(count) points; expected at most \(limit) (split the study into several plans)"
        case .badLine(let file, let line, let message): return "\(file):\(line): \(message)"
        case .notExactlyOnce(let missing, let duplicated):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing " + Self.list(missing)) }
            if !duplicated.isEmpty { parts.append("duplicated " + Self.list(duplicated)) }
            return "the shard files do not hold every planned point exactly once: " + parts.joined(separator: "; ")
        }
    }

    /// At most 20 ids, then how many more, so that one line stays readable.
    private static func list(_ ids: [String]) -> String {
        let shown = ids.prefix(20).joined(separator: ", ")
        return ids.count > 20 ? shown + " and \(ids.count - 20) more" : shown
    }
}
