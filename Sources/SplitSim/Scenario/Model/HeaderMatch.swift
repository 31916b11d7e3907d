/// A routing rule on a request header (ingress-nginx `canary-by-header*`, a gateway's test route).
public struct HeaderMatch: Hashable, Sendable {
    /// The header name.
    public var name: String
    /// An exact value that routes to the candidate; with neither value nor pattern, nginx's
    /// `always`/`never` values apply.
    public var value: String?
    /// A regular expression the value must match; only used without `value`.
    public var pattern: String?

    /// Creates a header rule.
    public init(name: String, value: String? = nil, pattern: String? = nil) {
        self.name = name
        self.value = value
        self.pattern = pattern
    }
}
