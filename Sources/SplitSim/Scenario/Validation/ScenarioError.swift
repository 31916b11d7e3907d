/// Why a scenario text could not be decoded.
public enum ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not acceptable JSON (including invalid UTF-8 and duplicate keys).
    case malformedJSON(file: String, line: Int, column: Int, message: String)
    /// The text of a `.yaml` or `.yml` scenario is not YAML this tool reads (``YAMLReader``).
    case malformedYAML(file: String, line: Int, column: Int, message: String)
    /// The JSON is well formed but describes an invalid scenario; every problem is listed.
    case invalid(file: String, problems: [ScenarioProblem])

    /// One line per problem: `FILE: path: message`, or `FILE:LINE:COLUMN: malformed JSON: …`.
    public var lines: [String] {
        switch self {
        case .malformedJSON(let file, let line, let column, let message):
            return ["\(file):\(line):\(column): malformed JSON: \(message)"]
        case .malformedYAML(let file, let line, let column, let message):
            return ["\(file):\(line):\(column): malformed YAML: \(message)"]
        case .invalid(let file, let problems):
            return problems.map { "\(file): \($0)" }
        }
    }

    /// All ``lines`` joined by newlines.
    public var description: String { lines.joined(separator: "\n") }
}
