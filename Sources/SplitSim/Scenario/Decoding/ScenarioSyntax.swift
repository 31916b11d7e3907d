/// The syntax a scenario file is written in, told by its name: YAML for `.yaml` and `.yml`,
/// JSON for everything else (standard input included). Both parse to the same tree, so
/// decoding, validation and error paths do not depend on it.
public enum ScenarioSyntax: Sendable, Equatable {
    case json
    case yaml

    /// The syntax of the file named `file`.
    public init(file: String) {
        let name = file.lowercased()
        self = name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? .yaml : .json
    }

    /// Parses `text` into a tree with positions; `file` names it in errors.
    ///
    /// - Throws: ``ScenarioError/malformedJSON(file:line:column:message:)`` or
    ///   ``ScenarioError/malformedYAML(file:line:column:message:)`` at the first problem.
    /// - Complexity: O(*n*) in the length of `text`.
    public func parse(_ text: String, file: String) throws(ScenarioError) -> JSONNode {
        switch self {
        case .json:
            do {
                return try JSONNode(parsing: text)
            } catch {
                throw .malformedJSON(
                    file: file, line: error.position.line, column: error.position.column, message: error.message)
            }
        case .yaml:
            do {
                return try YAMLReader.document(parsing: text)
            } catch {
                throw .malformedYAML(
                    file: file, line: error.position.line, column: error.position.column, message: error.message)
            }
        }
    }
}
