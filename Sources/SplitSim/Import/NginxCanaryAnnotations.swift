/// ingress-nginx's canary annotations (`nginx.ingress.kubernetes.io/canary-*`), from a canary
/// Ingress or from the annotations Argo Rollouts adds to the one it manages, as a scenario's
/// `header`, `cookie`, weight and weight total.
///
/// Meanings follow kubernetes/ingress-nginx `docs/user-guide/nginx-configuration/annotations.md`
/// (Canary): header, then cookie, then weight; `canary-by-header-pattern` is ignored when
/// `canary-by-header-value` is set.
struct NginxCanaryAnnotations {
    /// The annotation prefix ingress-nginx reads by default.
    static let prefix = "nginx.ingress.kubernetes.io/"

    /// One annotation: its value and where the manifest sets it.
    struct Entry {
        var value: String
        var path: JSONPath
    }

    /// The canary annotations that mean something to a scenario, by name without the prefix.
    private static let known = [
        "canary", "canary-weight", "canary-weight-total", "canary-by-header", "canary-by-header-value",
        "canary-by-header-pattern", "canary-by-cookie",
    ]

    /// The annotations by name without the prefix.
    private(set) var entries: [String: Entry] = [:]
    /// The names in the order first set, so notes come out in manifest order.
    private var order: [String] = []

    /// Creates an empty set.
    init() {}

    /// Reads the annotations of the map at `path`; names without `prefix` are completed with
    /// it when `completingNames` is true (Argo's `additionalIngressAnnotations`), and skipped
    /// otherwise. Later ``merge(_:)`` calls override earlier ones, as Argo's precedence does.
    init(_ map: [(key: String, value: String)], at path: JSONPath, prefix: String, completingNames: Bool) {
        for (key, value) in map {
            let name: String
            if key.hasPrefix(prefix) {
                name = String(key.dropFirst(prefix.count))
            } else if completingNames && !key.contains("/") {
                name = key
            } else {
                continue
            }
            set(name, Entry(value: value, path: path.key(key)))
        }
    }

    /// Overrides these annotations with `other`'s.
    mutating func merge(_ other: NginxCanaryAnnotations) {
        for name in other.order { if let entry = other.entries[name] { set(name, entry) } }
    }

    private mutating func set(_ name: String, _ entry: Entry) {
        if entries[name] == nil { order.append(name) }
        entries[name] = entry
    }

    /// Whether `canary: "true"` is set.
    var isCanary: Bool { entries["canary"]?.value == "true" }

    /// The header rule, `{"name": …}` with `value` or `pattern`; nil without `canary-by-header`.
    func header(noting context: inout ImportContext, of document: ManifestDocument) -> JSONNode? {
        guard let name = entries["canary-by-header"]?.value, !name.isEmpty else { return nil }
        var members: [(String, JSONNode)] = [("name", ImportTree.string(name))]
        if let value = entries["canary-by-header-value"] {
            members.append(("value", ImportTree.string(value.value)))
            if let pattern = entries["canary-by-header-pattern"] {
                context.note(
                    .ignored, pattern.path, of: document,
                    "ingress-nginx ignores canary-by-header-pattern when canary-by-header-value is set")
            }
        } else if let pattern = entries["canary-by-header-pattern"] {
            members.append(("pattern", ImportTree.string(pattern.value)))
        }
        return ImportTree.object(members)
    }

    /// The cookie name of `canary-by-cookie`.
    var cookie: String? {
        entries["canary-by-cookie"].flatMap { $0.value.isEmpty ? nil : $0.value }
    }

    /// A whole-number annotation such as `canary-weight`; nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, of fields: ManifestFields) throws(ImportError) -> Int? {
        guard let entry = entries[name] else { return nil }
        guard let value = Int(entry.value), range.contains(value) else {
            throw fields.failure(
                entry.path,
                "\(JSONPath.quoted(entry.value)) is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Notes the annotations that shape canary routing but have no place in a scenario.
    func noteIgnored(in context: inout ImportContext, of document: ManifestDocument) {
        for name in order where !Self.known.contains(name) {
            guard let entry = entries[name] else { continue }
            if name.hasPrefix("canary") {
                context.note(.ignored, entry.path, of: document, nil)
            } else if name == "affinity" {
                context.note(
                    .ignored, entry.path, of: document,
                    "sticky sessions are the base scenario's traffic.sessionAffinity")
            }
        }
    }
}
