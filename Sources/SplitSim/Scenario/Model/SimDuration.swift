/// A span of simulated time, held as whole nanoseconds so that event ordering is exact.
///
/// Scenario files write durations as `"250ms"`, `"90s"`, `"5m"`, `"1h30m"` or as a plain
/// number of seconds; ``init(parsing:)`` reads the string forms.
public struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in nanoseconds.
    public var nanoseconds: Int64

    /// Creates a duration of the given number of nanoseconds.
    @inlinable
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The zero-length duration.
    public static let zero = SimDuration(nanoseconds: 0)

    /// A duration of whole or fractional seconds, rounded to the nearest nanosecond and held
    /// within the range of ``nanoseconds`` (NaN is zero), so that no figure derived from a
    /// scenario can trap.
    public static func seconds(_ seconds: Double) -> SimDuration {
        SimDuration(nanoseconds: clamped((seconds * 1e9).rounded()))
    }

    /// `nanoseconds`, truncated, as an `Int64` held within its range: the one conversion from
    /// a computed double to a time, so that a long start-up times a jitter, or a rare arrival,
    /// saturates instead of trapping.
    @inlinable
    public static func clamped(_ nanoseconds: Double) -> Int64 {
        if nanoseconds >= 9_223_372_036_854_775_807.0 { return .max }
        if nanoseconds <= -9_223_372_036_854_775_808.0 { return .min }
        return nanoseconds.isNaN ? 0 : Int64(nanoseconds)
    }

    /// A duration of whole minutes.
    public static func minutes(_ minutes: Int64) -> SimDuration {
        SimDuration(nanoseconds: minutes * 60_000_000_000)
    }

    /// The length in seconds.
    @inlinable
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    @inlinable
    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    @inlinable
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds &+ rhs.nanoseconds)
    }

    @inlinable
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds &- rhs.nanoseconds)
    }

    /// Parses `"250ms"`, `"90s"`, `"5m"`, `"1h30m"`, `"1.5s"` (units `h`, `m`, `s`, `ms`,
    /// `us`/`µs`, `ns`, in any order Go's `time.ParseDuration` accepts; a lone `"0"` is zero).
    /// Returns nil when the text is not a duration, is negative, or is longer than about
    /// 285 years (the range of ``nanoseconds``).
    /// - Complexity: O(n) in the length of `text`.
    public init?(parsing text: String) {
        if text == "0" {
            self = .zero
            return
        }
        var total: Double = 0
        var rest = Substring(text).utf8[...]
        guard !rest.isEmpty else { return nil }
        let isNumeric: (UInt8) -> Bool = {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
        }
        while !rest.isEmpty {
            let number = rest.prefix(while: isNumeric)
            rest = rest.dropFirst(number.count)
            // Every byte up to the next number is the unit, so multi-byte units like "µs" fit.
            let unit = rest.prefix(while: { !isNumeric($0) })
            rest = rest.dropFirst(unit.count)
            guard !number.isEmpty, let value = Double(String(decoding: number, as: UTF8.self)) else { return nil }
            let scale: Double
            switch String(decoding: unit, as: UTF8.self) {
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            case "ms": scale = 1e-3
            case "us", "\u{B5}s", "\u{3BC}s": scale = 1e-6
            case "ns": scale = 1e-9
            default: return nil
            }
            total += value * scale
        }
        guard total.isFinite, total < 9e9 else { return nil }
        self = .seconds(total)
    }

    /// The shortest unit form, e.g. `"1h30m"`, `"90s"` → `"1m30s"`, `"250ms"`.
    public var description: String {
        if nanoseconds == 0 { return "0s" }
        let sign = nanoseconds < 0 ? "-" : ""
        var rest = nanoseconds.magnitude
        if rest % 1_000_000_000 != 0 && rest < 1_000_000_000 {
            if rest % 1_000_000 == 0 { return "\(sign)\(rest / 1_000_000)ms" }
            return "\(sign)\(Double(rest) / 1e6)ms"
        }
        var text = sign
        let hours = rest / 3_600_000_000_000
        rest %= 3_600_000_000_000
        let minutes = rest / 60_000_000_000
        rest %= 60_000_000_000
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 {
            if rest % 1_000_000_000 == 0 {
                text += "\(rest / 1_000_000_000)s"
            } else {
                text += "\(Double(rest) / 1e9)s"
            }
        }
        return text
    }
}
