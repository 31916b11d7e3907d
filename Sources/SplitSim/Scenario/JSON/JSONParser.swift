/// A recursive-descent JSON parser over UTF-8 that records the position of every value and key.
///
/// Nesting is limited to ``maximumDepth`` so that a hostile file cannot exhaust the stack.
/// - Complexity: O(n) time in the length of the text; O(d) stack for nesting depth d.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted; scenarios need about six.
    static let maximumDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Where the parser is inside the document, so a duplicate key can be named by its path.
    private var path: [JSONPath.Component] = []

    /// Creates a parser for `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Parses the whole text as exactly one JSON value surrounded by optional whitespace.
    mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        try skipWhitespace()
        let node = try parseValue(depth: 0)
        try skipWhitespace()
        if index < bytes.count {
            throw failure("unexpected \(describeCurrent()) after the JSON value; expected the end of the file")
        }
        return node
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONNode {
        let start = position
        guard let byte = current else { throw failure("expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(.object(try parseObject(depth: depth + 1)), at: start)
        case UInt8(ascii: "["): return JSONNode(.array(try parseArray(depth: depth + 1)), at: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), at: start)
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return JSONNode(.null, at: start)
        default: throw failure("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func parseLiteral(_ word: String) throws(JSONParseError) {
        let start = position
        for expected in word.utf8 {
            guard current == expected else {
                throw JSONParseError("invalid literal; expected true, false or null", at: start)
            }
            advance()
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> [JSONMember] {
        try checkDepth(depth)
        advance()
        var members: [JSONMember] = []
        var seen: [String: SourcePosition] = [:]
        try skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return members
        }
        while true {
            try skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") { throw failure("trailing ',' before '}'; expected another member") }
                throw failure("expected a string key, found \(describeCurrent())")
            }
            let keyPosition = position
            let key = try parseString()
            if let first = seen[key] {
                let name = JSONPath(path + [.key(key)])
                throw JSONParseError(
                    "duplicate key \(name); first defined at line \(first.line), column \(first.column)",
                    at: keyPosition)
            }
            seen[key] = keyPosition
            try skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \(JSONPath.quoted(key)), found \(describeCurrent())")
            }
            advance()
            try skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth)
            path.removeLast()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            try skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return members
            default: throw failure("expected ',' or '}' after an object member, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> [JSONNode] {
        try checkDepth(depth)
        advance()
        var elements: [JSONNode] = []
        try skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return elements
        }
        while true {
            try skipWhitespace()
            if current == UInt8(ascii: "]") { throw failure("trailing ',' before ']'; expected another element") }
            path.append(.index(elements.count))
            elements.append(try parseValue(depth: depth))
            path.removeLast()
            try skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return elements
            default: throw failure("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONParseError) {
        if depth > Self.maximumDepth {
            throw failure("nesting deeper than \(Self.maximumDepth) levels; expected a shallower document")
        }
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONParseError) -> String {
        let start = position
        advance()
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else {
                throw JSONParseError("unterminated string; expected a closing '\"'", at: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapePosition = position
                advance()
                let scalar = try parseEscape(at: escapePosition)
                UTF8.encode(scalar) { utf8.append($0) }
            case 0..<0x20:
                throw failure("control character in a string; expected it written as an escape such as \\n or \\u0009")
            default:
                utf8.append(byte)
                advance()
            }
        }
    }

    /// Reads the escape after a backslash; `\uD83D\uDE00` pairs become one scalar.
    private mutating func parseEscape(at escapePosition: SourcePosition) throws(JSONParseError) -> Unicode.Scalar {
        guard let byte = current else { throw failure("unterminated string; expected a closing '\"'") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad()
            switch unit {
            case 0xD800...0xDBFF:
                guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw JSONParseError(
                        "unpaired surrogate \\u\(hex(unit)); expected a low surrogate \\uDC00...\\uDFFF after it",
                        at: escapePosition)
                }
                advance()
                advance()
                let low = try parseHexQuad()
                guard (0xDC00...0xDFFF).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else {
                    throw JSONParseError(
                        "unpaired surrogate \\u\(hex(unit)); expected a low surrogate \\uDC00...\\uDFFF after it",
                        at: escapePosition)
                }
                return scalar
            case 0xDC00...0xDFFF:
                throw JSONParseError(
                    "unpaired surrogate \\u\(hex(unit)); expected a high surrogate \\uD800...\\uDBFF before it",
                    at: escapePosition)
            default:
                // Every value outside the surrogate range is a valid scalar.
                return Unicode.Scalar(unit) ?? "\u{FFFD}"
            }
        default:
            throw JSONParseError(
                "invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: escapePosition)
        }
    }

    private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32
            switch current {
            case .some(let c) where (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c):
                digit = UInt32(c - UInt8(ascii: "0"))
            case .some(let c) where (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c):
                digit = UInt32(c - UInt8(ascii: "a") + 10)
            case .some(let c) where (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c):
                digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw failure("expected four hex digits after \\u, found \(describeCurrent())")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// At least four uppercase hex digits, as in `\u000A` and `U+000A`.
    private func hex(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        let startIndex = index
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, isDigit(first) else {
            throw failure("expected a digit after '-', found \(describeCurrent())")
        }
        advance()
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) {
            throw JSONParseError("leading zero in a number; expected no zero before other digits", at: start)
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            advance()
            guard let c = current, isDigit(c) else {
                throw failure("expected a digit after '.', found \(describeCurrent())")
            }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let c = current, isDigit(c) else {
                throw failure("expected a digit in the exponent, found \(describeCurrent())")
            }
            skipDigits()
        }
        let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw JSONParseError("number \(literal) is out of range; expected a magnitude below 1.8e308", at: start)
        }
        return JSONNumber(literal: literal, value: value)
    }

    private mutating func skipDigits() {
        while let c = current, isDigit(c) { advance() }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    // MARK: Scanning

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// Moves one byte forward, keeping line and column; UTF-8 continuation bytes do not
    /// start a new column.
    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() throws(JSONParseError) {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                advance()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"):
                throw failure("comment found; JSON does not allow comments (use a \"description\" key)")
            default:
                return
            }
        }
    }

    private func failure(_ message: String) -> JSONParseError {
        JSONParseError(message, at: position)
    }

    /// Names the character at the current position for a message: `'x'`, or the end of the file.
    private func describeCurrent() -> String {
        guard let byte = current else { return "the end of the file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Unicode.Scalar(byte))'" }
        if byte < 0x80 { return "a control character (U+\(hex(UInt32(byte))))" }
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }
}
