/// Why manifests could not be imported; every message names the file, where in it, and what
/// is expected.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A YAML file the reader does not accept (``YAMLReader``).
    case malformedYAML(file: String, position: SourcePosition, message: String)
    /// A JSON file that does not parse.
    case malformedJSON(file: String, position: SourcePosition, message: String)
    /// A document that is not an object with `apiVersion` and `kind` strings.
    case notAManifest(file: String, position: SourcePosition, message: String)
    /// A manifest of a kind `import` does not read; `supported` lists the ones it does.
    case unsupportedKind(file: String, position: SourcePosition, label: String, supported: [String])
    /// A field whose value is not what the manifest's kind allows.
    case invalidField(file: String, position: SourcePosition, manifest: String, path: JSONPath, message: String)
    /// No manifest held a rollout strategy.
    case noStrategies(files: [String])
    /// The imported scenario does not validate; each line names the strategy's manifest.
    case invalidScenario(lines: [String])

    /// One line per problem, in the shape of `splitsim validate`.
    public var lines: [String] {
        switch self {
        case .malformedYAML(let file, let position, let message):
            return ["\(file):\(position): malformed YAML: \(message)"]
        case .malformedJSON(let file, let position, let message):
            return ["\(file):\(position): malformed JSON: \(message)"]
        case .notAManifest(let file, let position, let message):
            return ["\(file):\(position): not a Kubernetes manifest: \(message)"]
        case .unsupportedKind(let file, let position, let label, let supported):
            return [
                "\(file):\(position): \(label) is not a manifest splitsim imports; expected one of "
                    + supported.joined(separator: ", ")
            ]
        case .invalidField(let file, let position, let manifest, let path, let message):
            return ["\(file):\(position): \(manifest): \(path): \(message)"]
        case .noStrategies(let files):
            return [
                "no rollout strategy in \(files.joined(separator: ", ")); expected a Rollout, a Flagger Canary, "
                    + "a Deployment, a canary Ingress, an HTTPRoute or a VirtualService"
            ]
        case .invalidScenario(let lines):
            return lines
        }
    }

    /// All ``lines`` joined by newlines.
    public var description: String { lines.joined(separator: "\n") }
}
