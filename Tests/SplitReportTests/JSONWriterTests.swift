import Testing

@testable import SplitReport

@Suite struct JSONWriterTests {
    @Test func stringsEscapeWhatRFC8259Requires() {
        #expect(JSONWriter.quoted("a\"b\\c\nd\te\r\u{01}") == #""a\"b\\c\nd\te\r\u0001""#)
        #expect(JSONWriter.quoted("<é 5 %>") == "\"<é 5 %>\"")
    }

    @Test func wholeNumbersHaveNoDecimalsAndFractionsAreTrimmed() {
        #expect(JSONWriter.format(3) == "3")
        #expect(JSONWriter.format(-2) == "-2")
        #expect(JSONWriter.format(0) == "0")
        #expect(JSONWriter.format(0.05) == "0.05")
        #expect(JSONWriter.format(1.5) == "1.5")
        #expect(JSONWriter.format(1.0 / 3) == "0.3333")
        #expect(JSONWriter.format(0.00012) == "0.00012")
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONWriter.format(.nan) == "null")
        #expect(JSONWriter.format(.infinity) == "null")
        #expect(JSONWriter.render(.number(.nan)) == "null")
    }

    @Test func objectsKeepTheirKeyOrder() {
        let value = JSONWriter.Value.object([("z", .integer(1)), ("a", .number(0.05)), ("m", .null)])
        #expect(JSONWriter.render(value, pretty: false) == #"{"z":1,"a":0.05,"m":null}"#)
    }

    @Test func prettyOutputIndentsAndKeepsScalarArraysOnOneLine() {
        let value = JSONWriter.Value.object([
            ("name", .string("x")), ("shares", .array([.number(0.1), .integer(2)])),
            ("nested", .array([.object([("ok", .bool(true))])])), ("empty", .object([])),
        ])
        #expect(
            JSONWriter.render(value) == """
                {
                  "name": "x",
                  "shares": [0.1, 2],
                  "nested": [
                    {
                      "ok": true
                    }
                  ],
                  "empty": {}
                }
                """)
    }
}
