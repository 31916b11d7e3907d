/// One `"key": value` member of a JSON object, with the position of its key.
public struct JSONMember: Hashable, Sendable {
    /// The key with escapes resolved.
    public var key: String
    /// The position of the key's opening quote.
    public var keyPosition: SourcePosition
    /// The member's value.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyPosition: SourcePosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
