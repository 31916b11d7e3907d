/// A decimal number held as an integer and a power of ten, so that thresholds convert
/// exactly: 1 − 0.99 is 0.01, not the 0.010000000000000009 of binary floating point.
struct DecimalFraction: Hashable, Sendable, CustomStringConvertible {
    /// The value times 10^``scale``.
    var units: Int
    /// The number of decimal places; never negative.
    var scale: Int

    /// The most decimal places a literal may have: two fewer than an `Int` holds, so that
    /// ``complement`` and ``percentAsFraction`` stay exact.
    private static let maximumScale = 16

    /// Creates the number `units` / 10^`scale`, with trailing zeros dropped.
    init(units: Int, scale: Int) {
        var units = units
        var scale = scale
        while scale > 0 && units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        self.units = units
        self.scale = scale
    }

    /// Reads a decimal literal such as `0.99`, `99`, `-0.5`, `.5` or `1e-2`; nil for anything
    /// else, and for numbers with more digits than an `Int` holds.
    /// - Complexity: O(n) in the length of `literal`.
    init?(literal: String) {
        var rest = Substring(literal)
        let negative = rest.first == "-"
        if negative || rest.first == "+" { rest = rest.dropFirst() }
        var mantissa = rest
        var exponent = 0
        if let marker = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = rest[..<marker]
            guard let power = Int(rest[rest.index(after: marker)...]), abs(power) <= Self.maximumScale else {
                return nil
            }
            exponent = power
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let digits = whole + fraction
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let magnitude = Int(digits)
        else { return nil }
        var units = negative ? -magnitude : magnitude
        var scale = fraction.count - exponent
        while scale < 0 {
            let (scaled, overflow) = units.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            units = scaled
            scale += 1
        }
        guard scale <= Self.maximumScale else { return nil }
        self.init(units: units, scale: scale)
    }

    /// The number 1 − self: a success rate's error rate, and back.
    var complement: DecimalFraction {
        DecimalFraction(units: Self.power(scale) - units, scale: scale)
    }

    /// The number divided by 100: a percentage as a fraction.
    var percentAsFraction: DecimalFraction {
        DecimalFraction(units: units, scale: scale + 2)
    }

    /// Whether the number lies in [0, 1], the range of a rate.
    var isFraction: Bool {
        units >= 0 && units <= Self.power(scale)
    }

    /// The nearest double, for comparisons.
    var doubleValue: Double {
        Double(units) / Double(Self.power(scale))
    }

    /// The shortest plain decimal literal: `0.01`, `1`, `-0.5`.
    var description: String {
        guard scale > 0 else { return String(units) }
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return (units < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
    }

    /// 10^`exponent` for the small exponents a decimal here has.
    private static func power(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
