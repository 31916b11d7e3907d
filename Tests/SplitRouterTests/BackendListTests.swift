import Testing

@testable import SplitRouter

@Suite struct BackendListTests {
    @Test func parsesNamesAndWeights() throws {
        let list = try BackendList(parsing: "a=5,b=1,c=0.5")
        #expect(list.names == ["a", "b", "c"])
        #expect(try list.weights() == [5, 1, 0.5])
        #expect(throws: BackendListError.invalidIntegerWeight(name: "c", value: "0.5")) { try list.integerWeights() }
        #expect(try BackendList(parsing: "a=5,b=0").integerWeights() == [5, 0])
    }

    @Test(arguments: [
        ("", BackendListError.empty),
        ("a", .malformedEntry("a")),
        ("a=1,,b=2", .malformedEntry("")),
        ("=1", .malformedEntry("=1")),
        ("a=", .malformedEntry("a=")),
        ("a=1=2", .malformedEntry("a=1=2")),
        ("a=1,a=2", .duplicateName("a")),
    ])
    func rejectsMalformedLists(text: String, error: BackendListError) {
        #expect(throws: error) { try BackendList(parsing: text) }
    }

    @Test(arguments: ["-1", "nan", "inf", "1e3", "0x10", "1.2.3", ".", "+1"])
    func rejectsBadWeights(value: String) throws {
        let list = try BackendList(parsing: "a=1,b=\(value)")
        #expect(throws: BackendListError.invalidWeight(name: "b", value: value)) { try list.weights() }
    }

    @Test func rejectsZeroTotal() throws {
        #expect(throws: BackendListError.zeroTotal) { try BackendList(parsing: "a=0,b=0.0").weights() }
        #expect(throws: BackendListError.zeroTotal) { try BackendList(parsing: "a=0").integerWeights() }
    }

    @Test func parsesSplitClientsPercentages() throws {
        let shares = try BackendList(parsing: "a=0.5%,b=50,c=*").splitClientsShares()
        #expect(shares == [.hundredthsOfPercent(50), .hundredthsOfPercent(5000), .remainder])
        #expect(throws: BackendListError.percentagesExceed100) {
            try BackendList(parsing: "a=60,b=50%").splitClientsShares()
        }
        #expect(throws: BackendListError.invalidPercentage(name: "a", value: "0.001")) {
            try BackendList(parsing: "a=0.001,b=*").splitClientsShares()
        }
        #expect(throws: BackendListError.invalidPercentage(name: "a", value: "0")) {
            try BackendList(parsing: "a=0,b=*").splitClientsShares()
        }
    }

    @Test func messagesSayWhatIsExpected() {
        #expect(BackendListError.malformedEntry("a").description.contains("expected NAME=VALUE"))
        #expect(BackendListError.zeroTotal.description.contains("expected at least one positive weight"))
    }
}
