/// A JSON number as written in the file, so that `3` and `3.0` and `3.5` stay distinguishable
/// and integers beyond 2⁵³ keep every digit.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number exactly as it appears in the source, e.g. `"1e3"` or `"-0.25"`.
    public var literal: String
    /// The nearest double; always finite because the parser rejects overflowing literals.
    public var value: Double

    /// Creates a number from its source literal and its value.
    public init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
    }

    /// Creates the number an integer literal denotes.
    public init(_ integer: Int) {
        self.init(literal: String(integer), value: Double(integer))
    }

    /// True when the value is a whole number, however it is written (`3`, `3.0`, `3e0`).
    public var isWhole: Bool { value.rounded(.towardZero) == value }

    /// The integer value, or nil when the number is not whole or does not fit an `Int`.
    /// Plain integer literals convert digit for digit; other whole forms (`1e3`, `3.0`) via
    /// their double, which is exact for every whole double.
    public var integerValue: Int? {
        if let exact = Int(literal) { return exact }
        guard isWhole, value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0 else { return nil }
        return Int(value)
    }

    /// The unsigned 64-bit value, or nil when the number is negative, not whole or too large.
    public var unsignedValue: UInt64? {
        if let exact = UInt64(literal) { return exact }
        guard isWhole, value >= 0, value < 18_446_744_073_709_551_616.0 else { return nil }
        return UInt64(value)
    }

    public var description: String { literal }
}
