import Testing

@testable import SplitSim

@Suite struct UserBitsetTests {
    @Test func countsMembersAndIntersectionsAcrossWordBoundaries() {
        var first = UserBitset(capacity: 130)
        var second = UserBitset(capacity: 130)
        for user in [0, 63, 64, 127, 129, 63] { first.insert(user) }
        for user in [63, 64, 65, 129] { second.insert(user) }
        #expect(first.count == 5)
        #expect(second.count == 4)
        #expect(first.intersectionCount(with: second) == 3)
        #expect(first.contains(127) && !first.contains(128))
    }
}
