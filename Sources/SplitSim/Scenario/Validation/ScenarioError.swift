/// Why a scenario could not be loaded.
public enum ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file at the path.
    case fileMissing(path: String)
    /// The file exists but cannot be read (a directory, permissions, I/O).
    case unreadable(path: String, reason: String)
    /// The text is not acceptable JSON (including invalid UTF-8 and duplicate keys).
    case malformedJSON(file: String, line: Int, column: Int, message: String)
    /// The JSON is well formed but describes an invalid scenario; every problem is listed.
    case invalid(file: String, problems: [ScenarioProblem])

    /// The sysexits code the command-line tool exits with: 66 (`EX_NOINPUT`) when the input
    /// is missing or unreadable, 65 (`EX_DATAERR`) when its content is wrong.
    public var exitCode: Int32 {
        switch self {
        case .fileMissing, .unreadable: return 66
        case .malformedJSON, .invalid: return 65
        }
    }

    /// One line per problem: `FILE: path: message`, or `FILE:LINE:COLUMN: malformed JSON: …`.
    public var lines: [String] {
        switch self {
        case .fileMissing(let path):
            return ["\(path): no such file"]
        case .unreadable(let path, let reason):
            return ["\(path): cannot read: \(reason)"]
        case .malformedJSON(let file, let line, let column, let message):
            return ["\(file):\(line):\(column): malformed JSON: \(message)"]
        case .invalid(let file, let problems):
            return problems.map { "\(file): \($0)" }
        }
    }

    /// All ``lines`` joined by newlines.
    public var description: String { lines.joined(separator: "\n") }
}
