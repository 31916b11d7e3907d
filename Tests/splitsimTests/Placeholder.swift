import Testing
@Test func placeholdersplitsimTests() { #expect(1 + 1 == 2) }
