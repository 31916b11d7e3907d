/// The YAML 1.2 core schema for plain scalars, mapped onto JSON values.
///
/// Only plain (unquoted) scalars are resolved; quoted ones are always strings. The YAML 1.1
/// words `yes`, `no`, `on` and `off` stay strings, as do `1_000`, `1.2.3` and `10m`.
enum YAMLScalar {
    /// The JSON value a plain scalar denotes: null, a boolean, a number or a string.
    ///
    /// Numbers keep a literal JSON can read back: a sign `+` is dropped, leading zeros go,
    /// `.5` becomes `0.5`, `1.` becomes `1.0` and hexadecimal or octal becomes decimal digits.
    /// - Throws: for `.inf` and `.nan`, which JSON cannot hold, and for numbers whose double
    ///   would overflow, which ``JSONNode/init(parsing:)`` rejects as well.
    /// - Complexity: O(n) in the length of `text`.
    static func resolve(plain text: String, at position: SourcePosition) throws(YAMLParseError) -> JSONValue {
        switch text {
        case "null", "Null", "NULL", "~": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
            throw YAMLParseError(
                "infinity '\(text)' has no JSON equivalent; JSON numbers are finite (quote it to keep the text)",
                at: position)
        case ".nan", ".NaN", ".NAN":
            throw YAMLParseError(
                "not-a-number '\(text)' has no JSON equivalent; JSON numbers are finite (quote it to keep the text)",
                at: position)
        default: break
        }
        let bytes = Array(text.utf8)
        let unsigned =
            bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        if unsigned.count > 1, unsigned.first == UInt8(ascii: "0"),
            unsigned.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            unsigned.contains(where: { $0 != UInt8(ascii: "0") })
        {
            // Kubernetes reads manifests as YAML 1.1, where 0644 is octal 420; YAML 1.2 reads 644.
            throw YAMLParseError(
                "\(text) is octal in YAML 1.1, which Kubernetes reads, and decimal in YAML 1.2; write it without the leading zero, as 0o\(String(decoding: unsigned.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)) for octal, or quote it",
                at: position)
        }
        let literal: String?
        switch bytes.count > 2 && bytes[0] == UInt8(ascii: "0") ? bytes[1] : nil {
        case UInt8(ascii: "x"):
            literal = try decimalLiteral(ofNumeral: bytes[2...], radix: 16, text: text, at: position)
        case UInt8(ascii: "o"): literal = try decimalLiteral(ofNumeral: bytes[2...], radix: 8, text: text, at: position)
        default: literal = jsonLiteral(ofDecimal: bytes)
        }
        guard let literal else { return .string(text) }
        guard let value = Double(literal), value.isFinite else {
            throw YAMLParseError("number \(text) is out of range; expected a magnitude below 1.8e308", at: position)
        }
        return .number(JSONNumber(literal: literal, value: value))
    }

    /// The JSON spelling of `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, or nil
    /// when `bytes` does not match; integers are the case without fraction and exponent.
    private static func jsonLiteral(ofDecimal bytes: [UInt8]) -> String? {
        var index = 0
        var literal = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            if bytes[index] == UInt8(ascii: "-") { literal = "-" }
            index += 1
        }
        let integerDigits = digitRun(bytes, from: &index)
        var fractionDigits: ArraySlice<UInt8>?
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digitRun(bytes, from: &index)
        }
        if integerDigits.isEmpty && (fractionDigits ?? []).isEmpty { return nil }
        var exponent = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            exponent.unicodeScalars.append(Unicode.Scalar(bytes[index]))
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponent.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
            let exponentDigits = digitRun(bytes, from: &index)
            if exponentDigits.isEmpty { return nil }
            exponent += String(decoding: exponentDigits, as: UTF8.self)
        }
        guard index == bytes.count else { return nil }
        // JSON forbids leading zeros and empty integer or fraction parts, YAML allows all three.
        let significant = integerDigits.drop { $0 == UInt8(ascii: "0") }
        literal += significant.isEmpty ? "0" : String(decoding: significant, as: UTF8.self)
        if let fractionDigits {
            literal += "." + (fractionDigits.isEmpty ? "0" : String(decoding: fractionDigits, as: UTF8.self))
        }
        return literal + exponent
    }

    private static func digitRun(_ bytes: [UInt8], from index: inout Int) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return bytes[start..<index]
    }

    /// The decimal digits of an unsigned hexadecimal or octal numeral, or nil if a character is
    /// not a digit of `radix` (then the scalar is a string).
    private static func decimalLiteral(
        ofNumeral numeral: ArraySlice<UInt8>, radix: UInt64, text: String, at position: SourcePosition
    ) throws(YAMLParseError) -> String? {
        guard let digits = digitValues(numeral, radix: radix) else { return nil }
        // A leading digit of at least 1 followed by k digits is at least 2^(k·bits), so longer
        // numerals would overflow the double anyway; rejecting them here also bounds the
        // conversion, which is quadratic in the digit count.
        let significant = digits.drop { $0 == 0 }
        guard (significant.count - 1) * (radix == 16 ? 4 : 3) < 1024 else {
            throw YAMLParseError("number \(text) is out of range; expected a magnitude below 1.8e308", at: position)
        }
        return decimalDigits(of: significant, radix: radix)
    }

    /// The digit values of an unsigned numeral in `radix`, or nil if a character is not a digit of it.
    private static func digitValues(_ digits: ArraySlice<UInt8>, radix: UInt64) -> [UInt64]? {
        var values: [UInt64] = []
        values.reserveCapacity(digits.count)
        for byte in digits {
            let value: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt64(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard value < radix else { return nil }
            values.append(value)
        }
        return values
    }

    /// The decimal digits of the number whose digit values in `radix` are `digits`, most
    /// significant first.
    private static func decimalDigits(of digits: ArraySlice<UInt64>, radix: UInt64) -> String {
        // Little-endian limbs in base 10⁹, so every product stays far below 2⁶⁴.
        let limbBase: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]
        for digit in digits {
            var carry = digit
            for index in limbs.indices {
                let product = limbs[index] * radix + carry
                limbs[index] = product % limbBase
                carry = product / limbBase
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
