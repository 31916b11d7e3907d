import Testing

@testable import SplitSim

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParseError) -> JSONNode {
        try JSONNode(parsing: text)
    }

    /// The error parsing `text` reports, as `line:column: message`.
    private func failure(_ text: String) -> JSONParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesScalarsAndContainers() throws {
        let node = try parse(#" {"a": [1, -2.5, 3e2, true, false, null, "x"], "b": {}} "#)
        #expect(node.position == SourcePosition(line: 1, column: 2))
        let members = try #require(node.members)
        #expect(members.map(\.key) == ["a", "b"])
        let elements = try #require(node["a"]?.elements)
        #expect(
            elements.map(\.value) == [
                .number(JSONNumber(literal: "1", value: 1)),
                .number(JSONNumber(literal: "-2.5", value: -2.5)),
                .number(JSONNumber(literal: "3e2", value: 300)),
                .bool(true), .bool(false), .null, .string("x"),
            ])
        #expect(node["b"]?.value == .object([]))
        #expect(try parse("[]").value == .array([]))
        #expect(try parse("0").value == .number(JSONNumber(0)))
    }

    @Test func keepsKeysInFileOrder() throws {
        let node = try parse(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        #expect(node.members?.map(\.key) == ["zeta", "alpha", "mid"])
    }

    @Test func recordsPositionsOfValuesAndKeys() throws {
        let text = "{\n  \"a\": 1,\n  \"bé\": [true,\n    \"x\"]\n}"
        let node = try parse(text)
        let members = try #require(node.members)
        #expect(members[0].keyPosition == SourcePosition(line: 2, column: 3))
        #expect(members[0].value.position == SourcePosition(line: 2, column: 8))
        #expect(members[1].keyPosition == SourcePosition(line: 3, column: 3))
        // Columns count characters, so "é" (two UTF-8 bytes) is one column.
        #expect(members[1].value.position == SourcePosition(line: 3, column: 9))
        #expect(members[1].value.elements?[1].position == SourcePosition(line: 4, column: 5))
    }

    @Test func distinguishesIntegersFromFractions() throws {
        let three = JSONNumber(literal: "3", value: 3)
        #expect(three.isWhole && three.integerValue == 3)
        let threeAndAHalf = JSONNumber(literal: "3.5", value: 3.5)
        #expect(!threeAndAHalf.isWhole && threeAndAHalf.integerValue == nil)
        #expect(JSONNumber(literal: "3.0", value: 3).integerValue == 3)
        #expect(JSONNumber(literal: "1e3", value: 1000).integerValue == 1000)
        let big = try parse("18446744073709551615")
        guard case .number(let number) = big.value else {
            Issue.record("expected a number")
            return
        }
        #expect(number.unsignedValue == UInt64.max)
        #expect(number.integerValue == nil)
        #expect(JSONNumber(literal: "-1", value: -1).unsignedValue == nil)
        #expect(JSONNumber(literal: "1e19", value: 1e19).unsignedValue == 10_000_000_000_000_000_000)
        #expect(JSONNumber(literal: "2e19", value: 2e19).unsignedValue == nil)
        #expect(JSONNumber(literal: "1e19", value: 1e19).integerValue == nil)
    }

    @Test func resolvesEscapes() throws {
        let node = try parse(#""q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u20AC \uD83D\uDE00 \u0000""#)
        #expect(node.value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t Aé€ 😀 \u{0}"))
        #expect(try parse(#""plain é 😀""#).value == .string("plain é 😀"))
    }

    @Test func skipsAByteOrderMark() throws {
        // Editors do not show the mark, so it takes no column.
        let node = try parse("\u{FEFF}[1]")
        #expect(node.position == SourcePosition(line: 1, column: 1))
        #expect(node.value == .array([JSONNode(.number(JSONNumber(1)), at: SourcePosition(line: 1, column: 2))]))
    }

    @Test(arguments: [
        ("", "1:1: expected a value, found the end of the file"),
        ("   \n  ", "2:3: expected a value, found the end of the file"),
        ("{\"a\": 1 \"b\": 2}", "1:9: expected ',' or '}' after an object member, found '\"'"),
        ("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}", "4:3: expected ',' or '}' after an object member, found '\"'"),
        ("[1 2]", "1:4: expected ',' or ']' after an array element, found '2'"),
        ("[1, 2,]", "1:7: trailing ',' before ']'; expected another element"),
        ("{\"a\": 1,}", "1:9: trailing ',' before '}'; expected another member"),
        ("{a: 1}", "1:2: expected a string key, found 'a'"),
        ("{\"a\" 1}", "1:6: expected ':' after the key \"a\", found '1'"),
        ("{\"a\": }", "1:7: expected a value, found '}'"),
        ("[tru]", "1:2: invalid literal; expected true, false or null"),
        ("nul", "1:1: invalid literal; expected true, false or null"),
        ("[1] x", "1:5: unexpected 'x' after the JSON value; expected the end of the file"),
        ("\"abc", "1:1: unterminated string; expected a closing '\"'"),
        ("\"a\nb\"", "1:3: control character in a string; expected it written as an escape such as \\n or \\u0009"),
        ("\"\\x\"", "1:2: invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
        ("\"\\u12G4\"", "1:6: expected four hex digits after \\u, found 'G'"),
        ("\"\\uD83D\"", "1:2: unpaired surrogate \\uD83D; expected a low surrogate \\uDC00...\\uDFFF after it"),
        ("\"\\uD83D\\u0041\"", "1:2: unpaired surrogate \\uD83D; expected a low surrogate \\uDC00...\\uDFFF after it"),
        ("\"\\uDE00\"", "1:2: unpaired surrogate \\uDE00; expected a high surrogate \\uD800...\\uDBFF before it"),
        ("01", "1:1: leading zero in a number; expected no zero before other digits"),
        ("-", "1:2: expected a digit after '-', found the end of the file"),
        ("-x", "1:2: expected a digit after '-', found 'x'"),
        ("1.", "1:3: expected a digit after '.', found the end of the file"),
        ("1e+", "1:4: expected a digit in the exponent, found the end of the file"),
        ("+1", "1:1: expected a value, found '+'"),
        (".5", "1:1: expected a value, found '.'"),
        ("[1e400]", "1:2: number 1e400 is out of range; expected a magnitude below 1.8e308"),
        ("// note\n{}", "1:1: comment found; JSON does not allow comments (use a \"description\" key)"),
        ("[\u{01}]", "1:2: expected a value, found a control character (U+0001)"),
        ("[é]", "1:2: expected a value, found 'é'"),
    ])
    func reportsMalformedJSONWithPosition(text: String, expected: String) {
        #expect(failure(text)?.description == expected)
    }

    @Test func rejectsDuplicateKeysWithTheirPath() {
        let text = "{\n  \"cluster\": {\n    \"replicas\": 3,\n    \"replicas\": 4\n  }\n}"
        #expect(failure(text)?.description == "4:5: duplicate key cluster.replicas; first defined at line 3, column 5")
        #expect(
            failure(#"{"a": [{"k": 1, "k": 2}]}"#)?.description
                == "1:17: duplicate key a[0].k; first defined at line 1, column 9")
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(failure(deep)?.message == "nesting deeper than 128 levels; expected a shallower document")
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(failure(fine) == nil)
    }

    @Test func rendersPaths() {
        let path = JSONPath.root.key("strategies").index(2).key("steps").index(0).key("setWeight")
        #expect(path.description == "strategies[2].steps[0].setWeight")
        #expect(JSONPath.root.description == "$")
        #expect(JSONPath.root.key("headers").key("x-canary").description == #"headers["x-canary"]"#)
        #expect(JSONPath.root.key("$schema").description == "$schema")
    }
}
