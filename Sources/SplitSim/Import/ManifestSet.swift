/// The Kubernetes objects of a set of manifest files, in the order read: YAML streams of
/// `---`-separated documents, or JSON as `kubectl get -o json` writes it (one object, or a
/// `List` whose `items` are the objects).
public struct ManifestSet: Hashable, Sendable {
    /// The objects, in file order and, within a file, in document order.
    public private(set) var documents: [ManifestDocument] = []
    /// Documents that are not Kubernetes objects at all (no `apiVersion` and no `kind`), such
    /// as a scenario file in the same directory.
    public private(set) var skipped: [ImportNote] = []
    /// The files read, in order.
    public private(set) var files: [String] = []

    /// Creates an empty set.
    public init() {}

    /// Reads the manifests in `text`, JSON when `file` ends in `.json` and YAML otherwise.
    ///
    /// - Throws: ``ImportError/malformedYAML(file:position:message:)`` or
    ///   ``ImportError/malformedJSON(file:position:message:)`` at the first syntax error;
    ///   ``ImportError/notAManifest(file:position:message:)`` for a document that is not an
    ///   object, or has only one of `apiVersion` and `kind`.
    /// - Complexity: O(n) in the length of `text`.
    public mutating func add(text: String, file: String) throws(ImportError) {
        let roots: [JSONNode]
        if file.lowercased().hasSuffix(".json") {
            do {
                roots = [try JSONNode(parsing: text)]
            } catch {
                throw .malformedJSON(file: file, position: error.position, message: error.message)
            }
        } else {
            do {
                roots = try YAMLReader.documents(parsing: text)
            } catch {
                throw .malformedYAML(file: file, position: error.position, message: error.message)
            }
        }
        files.append(file)
        for root in roots { try add(root, file: file) }
    }

    /// Adds a document already parsed from `file`: one object, or a `List` of them.
    ///
    /// - Throws: ``ImportError/notAManifest(file:position:message:)`` as ``add(text:file:)``.
    public mutating func add(document node: JSONNode, file: String) throws(ImportError) {
        if !files.contains(file) { files.append(file) }
        try add(node, file: file)
    }

    /// Adds one document, or the items of a list.
    private mutating func add(_ node: JSONNode, file: String) throws(ImportError) {
        guard node.members != nil else {
            throw .notAManifest(
                file: file, position: node.position,
                message: "expected an object with apiVersion and kind, found \(node.value.kindDescription)")
        }
        let apiVersion = try identity("apiVersion", of: node, file: file)
        let kind = try identity("kind", of: node, file: file)
        guard let apiVersion, let kind else {
            if apiVersion == nil && kind == nil {
                let name = file.split(separator: "/").last.map(String.init) ?? file
                skipped.append(
                    ImportNote(
                        .ignored, "the document at line \(node.position.line)", file: name,
                        detail: "not a Kubernetes manifest (no apiVersion and kind)"))
                return
            }
            let missing = apiVersion == nil ? "apiVersion" : "kind"
            throw .notAManifest(
                file: file, position: node.position,
                message:
                    "no \(missing); expected both apiVersion and kind, such as apiVersion: argoproj.io/v1alpha1 and kind: Rollout"
            )
        }
        // `kubectl get -o json` wraps several objects in a List (or a typed list, RolloutList).
        if kind.hasSuffix("List"), let items = node["items"] {
            guard let elements = items.elements else {
                throw .notAManifest(
                    file: file, position: items.position,
                    message: "\(kind).items: expected an array of objects, found \(items.value.kindDescription)")
            }
            for element in elements { try add(element, file: file) }
            return
        }
        let metadata = node["metadata"]
        documents.append(
            ManifestDocument(
                file: file, node: node, apiVersion: apiVersion, kind: kind,
                name: metadata?["name"].flatMap(Self.text) ?? "", namespace: metadata?["namespace"].flatMap(Self.text)))
    }

    /// The string value of `apiVersion` or `kind`, nil when absent.
    private func identity(_ key: String, of node: JSONNode, file: String) throws(ImportError) -> String? {
        guard let value = node[key] else { return nil }
        guard let text = Self.text(value), !text.isEmpty else {
            let found = Self.text(value) == nil ? value.value.kindDescription : "an empty string"
            throw .notAManifest(
                file: file, position: value.position, message: "\(key): expected a non-empty string, found \(found)")
        }
        return text
    }

    private static func text(_ node: JSONNode) -> String? {
        if case .string(let text) = node.value { return text }
        return nil
    }
}
