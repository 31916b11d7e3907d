import SplitSim

/// A small JSON writer with a fixed key order and a fixed number format, so that the same
/// result always renders to the same bytes.
public struct JSONWriter {
    /// A JSON value to write.
    public indirect enum Value {
        case null
        case bool(Bool)
        case number(Double)
        case integer(Int)
        case unsigned(UInt64)
        case string(String)
        case array([Value])
        /// Members in the order given.
        case object([(String, Value)])
    }

    /// Renders `value` with two-space indentation, or compactly when `pretty` is false.
    public static func render(_ value: Value, pretty: Bool = true) -> String {
        var output = ""
        write(value, into: &output, indent: pretty ? 0 : nil)
        return output
    }

    private static func write(_ value: Value, into output: inout String, indent: Int?) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .unsigned(let number): output += String(number)
        case .number(let number): output += format(number)
        case .string(let text): output += quoted(text)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            if let indent, items.allSatisfy(isScalar) {
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += ", " }
                    write(item, into: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent.map { $0 + 1 })
                write(item, into: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent.map { $0 + 1 })
                output += quoted(member.0) + (indent == nil ? ":" : ": ")
                write(member.1, into: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output += "}"
        }
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    private static func newline(_ output: inout String, _ indent: Int?) {
        guard let indent else { return }
        output += "\n" + String(repeating: "  ", count: indent)
    }

    /// Numbers print as integers when whole and otherwise with up to 6 significant decimals,
    /// trimmed; non-finite values become null, as JSON has no NaN.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let magnitude = abs(number)
        let decimals = magnitude >= 1 ? 4 : max(4, Int((-log10Approx(magnitude)).rounded(.up)) + 3)
        var text = fixed(number, decimals: min(decimals, 12))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func log10Approx(_ x: Double) -> Double {
        var value = x
        var exponent = 0.0
        while value < 1 {
            value *= 10
            exponent -= 1
        }
        return exponent
    }

    private static func fixed(_ number: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(number) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        let fraction = scaled - whole * scale
        var fractionText = String(Int64(fraction))
        while fractionText.count < decimals { fractionText = "0" + fractionText }
        return (number < 0 ? "-" : "") + String(Int64(whole)) + "." + fractionText
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quoted(_ text: String) -> String {
        JSONPath.quoted(text)
    }
}
