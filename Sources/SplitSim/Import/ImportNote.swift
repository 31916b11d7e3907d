/// One thing `import` says about what it did: a manifest it turned into a strategy, a value it
/// had to fill in, or a field it could not map.
///
/// Notes go into the imported scenario's `description` and, one line each, to the terminal:
/// `ignored spec.strategy.canary.antiAffinity of Rollout web (web-rollout.yaml)`.
public struct ImportNote: Hashable, Sendable, CustomStringConvertible {
    /// What kind of note it is; the raw value is the note's first word.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Read from a manifest or the base scenario as it is.
        case imported
        /// Filled in or approximated: a value to confirm.
        case assumed
        /// A field, or a whole manifest, that has no counterpart in a scenario.
        case ignored
    }

    /// What kind of note it is.
    public var kind: Kind
    /// What the note is about: `Rollout web`, or a field of it.
    public var subject: String
    /// The manifest field, when the note is about one.
    public var path: JSONPath?
    /// The file the subject comes from, as notes name it (its last path component).
    public var file: String?
    /// Why, or what was done instead.
    public var detail: String?

    /// Creates a note.
    public init(_ kind: Kind, _ subject: String, path: JSONPath? = nil, file: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.subject = subject
        self.path = path
        self.file = file
        self.detail = detail
    }

    /// `KIND SUBJECT (FILE): DETAIL`, with the parts that are absent left out.
    public var description: String {
        var text = kind.rawValue + " " + subject
        if let file { text += " (\(file))" }
        if let detail { text += ": " + detail }
        return text
    }
}
