/// Why a text is not acceptable JSON, and where.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem was found.
    public var position: SourcePosition
    /// What is wrong, in words, without the position.
    public var message: String

    /// Creates an error at `position`.
    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
