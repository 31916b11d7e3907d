/// Why a text is not YAML this reader accepts, and where.
///
/// The reader reads a subset of YAML, so some valid YAML (anchors, tags, complex keys) is
/// reported here too, always naming the feature rather than reading it some other way.
public struct YAMLParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem was found.
    public var position: SourcePosition
    /// What is wrong, in words, without the position.
    public var message: String

    /// Creates an error at `position`.
    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// `line:column: message`, the same shape as ``JSONParseError``.
    public var description: String { "\(position): \(message)" }
}
