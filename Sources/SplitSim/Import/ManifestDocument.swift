/// One Kubernetes object read from a manifest file: its tree and the fields that identify it.
public struct ManifestDocument: Hashable, Sendable {
    /// The file it was read from, as the caller named it.
    public var file: String
    /// The object, with positions in `file`.
    public var node: JSONNode
    /// `apiVersion`, e.g. `argoproj.io/v1alpha1`.
    public var apiVersion: String
    /// `kind`, e.g. `Rollout`.
    public var kind: String
    /// `metadata.name`, or empty when it has none.
    public var name: String
    /// `metadata.namespace`, or nil when it names none.
    public var namespace: String?

    /// Creates a document.
    public init(file: String, node: JSONNode, apiVersion: String, kind: String, name: String, namespace: String?) {
        self.file = file
        self.node = node
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }

    /// The API group: what `apiVersion` has before its `/`, empty for the core group (`v1`).
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// `Rollout web`: how notes and messages name the manifest.
    public var label: String {
        "\(kind) \(name.isEmpty ? "(unnamed)" : name)"
    }

    /// The file as notes name it: its last path component, so that a scenario's description
    /// does not depend on where the manifests were read from.
    public var fileName: String {
        String(file.split(separator: "/").last ?? Substring(file))
    }

    /// Whether this document is the object a reference names: the same name, and the same
    /// namespace unless either leaves it unsaid (a reference resolves in its own namespace).
    func isNamed(_ name: String, namespace: String?) -> Bool {
        guard self.name == name else { return false }
        guard let namespace, let own = self.namespace else { return true }
        return namespace == own
    }
}
