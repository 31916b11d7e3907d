/// A JSON value together with where it starts in the source text.
public struct JSONNode: Hashable, Sendable {
    /// The value.
    public var value: JSONValue
    /// The position of the value's first character.
    public var position: SourcePosition

    /// Creates a node for `value` starting at `position`.
    public init(_ value: JSONValue, at position: SourcePosition) {
        self.value = value
        self.position = position
    }

    /// Parses a complete JSON text (RFC 8259) into a tree with positions.
    ///
    /// Stricter than RFC 8259 in one way: duplicate keys in an object are an error, since
    /// a scenario that says `replicas` twice is ambiguous. A leading byte-order mark is skipped.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String) throws(JSONParseError) {
        var parser = JSONParser(text)
        self = try parser.parseDocument()
    }

    /// The members of an object in file order, or nil for any other value.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The elements of an array, or nil for any other value.
    public var elements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The member value for `key` when this is an object that has it.
    public subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }
}
