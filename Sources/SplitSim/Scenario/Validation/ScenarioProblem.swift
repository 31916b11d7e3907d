/// One thing wrong with a scenario: where (a JSON path) and what.
public struct ScenarioProblem: Hashable, Sendable, CustomStringConvertible {
    /// The path of the offending value, or of a missing key.
    public var path: JSONPath
    /// What is wrong and what is expected, e.g. `140 is out of range; expected 0...100`.
    public var message: String
    /// Where in the file the offending value (or the object missing a key) starts.
    public var position: SourcePosition?

    /// Creates a problem.
    public init(path: JSONPath, message: String, position: SourcePosition? = nil) {
        self.path = path
        self.message = message
        self.position = position
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
