/// One JSON value without its position; containers hold positioned ``JSONNode``s.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept with its literal text.
    case number(JSONNumber)
    /// A string with every escape resolved.
    case string(String)
    /// An array's elements in order.
    case array([JSONNode])
    /// An object's members in file order; keys are unique (the parser rejects duplicates).
    case object([JSONMember])

    /// The kind of value with an article, for messages such as "expected a number, found a string".
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
