/// A header or cookie that a simulated request may carry: a name and a value.
public struct HTTPField: Sendable, Hashable {
    /// The header or cookie name.
    public var name: String
    /// The value carried.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
