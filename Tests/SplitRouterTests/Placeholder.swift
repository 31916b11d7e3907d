import Testing
@Test func placeholderSplitRouterTests() { #expect(1 + 1 == 2) }
