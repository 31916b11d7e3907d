/// Reads YAML into the same ``JSONNode`` trees the JSON parser builds, so Kubernetes manifests
/// and `.yaml` scenario files go through the same decoding as JSON ones.
///
/// The reader covers what manifests use: block mappings and sequences (also the compact
/// `- key: value` form and sequences not indented under their key), plain, quoted and block
/// (`|`, `>`) scalars, flow collections of scalars, comments and `---`-separated documents.
/// Plain scalars follow the YAML 1.2 core schema, so `yes` and `on` stay strings.
/// Anchors, aliases, tags, complex keys, merge keys, directives, nested flow collections and
/// tabs in indentation are reported as errors naming the feature, never read some other way.
/// Keys are kept as written (`1: x` has the key `"1"`), and duplicate keys are an error, as in
/// ``JSONNode/init(parsing:)``.
///
/// Every node's position is where its value starts: a block mapping's first key, a block
/// sequence's first `-`, a block scalar's `|` or `>`, and for an empty value the character
/// after its `:` or `-`.
public enum YAMLReader {
    /// Parses every document of a YAML stream, in order, skipping empty ones.
    ///
    /// Documents are separated by `---` lines and may end with `...` lines; an empty text
    /// yields no documents.
    /// - Complexity: O(n) in the length of `text`.
    public static func documents(parsing text: String) throws(YAMLParseError) -> [JSONNode] {
        try YAMLParser.documents(in: text).documents.map(\.node)
    }

    /// Parses a YAML text that holds exactly one non-empty document.
    ///
    /// - Throws: ``YAMLParseError`` for malformed or unsupported YAML, at the start of a second
    ///   document (its `---`) when there is one, or at the end of a text that has none.
    /// - Complexity: O(n) in the length of `text`.
    public static func document(parsing text: String) throws(YAMLParseError) -> JSONNode {
        let (documents, end) = try YAMLParser.documents(in: text)
        guard let first = documents.first else {
            throw YAMLParseError("expected one YAML document, found none", at: end)
        }
        guard documents.count == 1 else {
            throw YAMLParseError("expected exactly one document; another one starts here", at: documents[1].start)
        }
        return first.node
    }
}
