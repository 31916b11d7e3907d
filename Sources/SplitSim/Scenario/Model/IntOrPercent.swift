/// A count written either as an integer or as a percentage string such as `"25%"`,
/// like Kubernetes' `intstr.IntOrString` for `maxSurge` and `maxUnavailable`.
public enum IntOrPercent: Hashable, Sendable, CustomStringConvertible {
    /// An absolute number of pods.
    case count(Int)
    /// A percentage of the desired replica count.
    case percent(Int)

    /// Parses `"25%"` as a percentage or `"3"` as a count, as a command-line flag would be
    /// written. Returns nil for anything else, including negative and fractional values.
    public init?(parsing text: String) {
        let isPercent = text.hasSuffix("%")
        let digits = isPercent ? text.dropLast() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(digits)
        else { return nil }
        self = isPercent ? .percent(value) : .count(value)
    }

    /// Resolves the value against `total` replicas: percentages round up when
    /// `roundingUp` is true (how Kubernetes resolves `maxSurge`) and down otherwise
    /// (how it resolves `maxUnavailable`).
    public func resolved(against total: Int, roundingUp: Bool) -> Int {
        switch self {
        case .count(let n):
            return n
        case .percent(let p):
            let scaled = p * total
            return roundingUp ? (scaled + 99) / 100 : scaled / 100
        }
    }

    /// True when the value is literally zero (`0` or `"0%"`).
    public var isZero: Bool {
        switch self {
        case .count(let n), .percent(let n): return n == 0
        }
    }

    public var description: String {
        switch self {
        case .count(let n): return String(n)
        case .percent(let p): return "\(p)%"
        }
    }
}
