import Testing
@Test func placeholderSplitSimTests() { #expect(1 + 1 == 2) }
