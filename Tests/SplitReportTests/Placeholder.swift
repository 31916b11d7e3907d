import Testing
@Test func placeholderSplitReportTests() { #expect(1 + 1 == 2) }
