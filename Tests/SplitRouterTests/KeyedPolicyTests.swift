import Testing

@testable import SplitRouter

@Suite struct KeyedPolicyTests {
    static let keys = (1...20_000).map { "user-\($0)" }
    static let names = (0..<10).map { "backend-\($0)" }

    @Test func ringHashRemovalMovesOnlyTheRemovedBackendsKeys() throws {
        let full = try RingHash(names: Self.names, weights: Array(repeating: 1, count: 10))
        var survivors = Self.names
        survivors.remove(at: 3)
        let reduced = try RingHash(names: survivors, weights: Array(repeating: 1, count: 9))
        var moved = 0
        for key in Self.keys {
            let before = Self.names[full.pick(forKey: key)]
            let after = survivors[reduced.pick(forKey: key)]
            if before != after {
                moved += 1
                #expect(before == "backend-3", "a key moved between surviving backends")
            }
        }
        let fraction = Double(moved) / Double(Self.keys.count)
        #expect(fraction > 0.1 * 0.7 && fraction < 0.1 * 1.3, "moved \(fraction)")
        #expect(full.pointCount == 1600)
    }

    @Test func ringHashSplitsRoughlyByWeight() throws {
        let ring = try RingHash(names: ["a", "b", "c"], weights: [2, 1, 1], pointsPerBackend: 400)
        var counts = [0, 0, 0]
        for key in Self.keys { counts[ring.pick(forKey: key)] += 1 }
        let shares = counts.map { Double($0) / Double(Self.keys.count) }
        #expect(abs(shares[0] - 0.5) < 0.05 && abs(shares[1] - 0.25) < 0.05, "\(shares)")
    }

    @Test func ringHashWrapsAround() throws {
        let ring = try RingHash(names: ["a", "b"], weights: [1, 1], pointsPerBackend: 1)
        #expect(ring.pick(forHash: .max) == ring.pick(forHash: 0))
        #expect(throws: RoutingConfigurationError.invalidPointsPerBackend(0)) {
            try RingHash(names: ["a"], weights: [1], pointsPerBackend: 0)
        }
        #expect(throws: RoutingConfigurationError.nameCountMismatch(names: 1, weights: 2)) {
            try RingHash(names: ["a"], weights: [1, 1])
        }
    }

    @Test func maglevTableIsBalancedWithinAFewPercent() throws {
        let maglev = try Maglev(names: Self.names, weights: Array(repeating: 1, count: 10))
        let counts = maglev.slotCounts()
        let mean = Double(Maglev.defaultTableSize) / 10
        #expect(counts.allSatisfy { abs(Double($0) - mean) / mean < 0.02 }, "\(counts)")
        #expect(counts.reduce(0, +) == 65537)
    }

    @Test func maglevTableFollowsWeights() throws {
        let maglev = try Maglev(names: ["a", "b", "c"], weights: [2, 1, 0])
        let counts = maglev.slotCounts()
        #expect(counts[2] == 0)
        #expect(abs(Double(counts[0]) / 65537 - 2.0 / 3) < 0.01, "\(counts)")
    }

    @Test func maglevRemovalDisruptsLittle() throws {
        let full = try Maglev(names: Self.names, weights: Array(repeating: 1, count: 10))
        var survivors = Self.names
        survivors.remove(at: 3)
        let reduced = try Maglev(names: survivors, weights: Array(repeating: 1, count: 9))
        var moved = 0
        for key in Self.keys where Self.names[full.pick(forKey: key)] != survivors[reduced.pick(forKey: key)] {
            moved += 1
        }
        let fraction = Double(moved) / Double(Self.keys.count)
        #expect(fraction > 0.07 && fraction < 0.2, "moved \(fraction)")
    }

    @Test func maglevRejectsBadTableSizes() {
        #expect(throws: RoutingConfigurationError.invalidTableSize(65536)) {
            try Maglev(names: ["a"], weights: [1], tableSize: 65536)
        }
        #expect(throws: RoutingConfigurationError.invalidTableSize(2)) {
            try Maglev(names: ["a", "b", "c"], weights: [1, 1, 1], tableSize: 2)
        }
        #expect(throws: Never.self) { try Maglev(names: ["a", "b"], weights: [1, 1], tableSize: 7) }
    }

    @Test func keyedPoliciesAreDeterministic() throws {
        let first = try Maglev(names: Self.names, weights: Array(repeating: 1, count: 10))
        let second = try Maglev(names: Self.names, weights: Array(repeating: 1, count: 10))
        #expect(first == second)
        #expect(Self.keys.prefix(100).allSatisfy { first.pick(forKey: $0) == second.pick(forKey: $0) })
    }

    // MARK: split_clients

    @Test func splitClientsBoundariesMatchNginxArithmetic() throws {
        // 0.5 % → ⌊50 × 4294967295 / 10000⌋ = 21474836; 2 % adds ⌊200 × 4294967295 / 10000⌋ = 85899345.
        let split = try SplitClients(shares: [.hundredthsOfPercent(50), .hundredthsOfPercent(200), .remainder])
        #expect(split.pick(forHash: 0) == 0)
        #expect(split.pick(forHash: 21_474_835) == 0)
        #expect(split.pick(forHash: 21_474_836) == 1)
        #expect(split.pick(forHash: 107_374_180) == 1)
        #expect(split.pick(forHash: 107_374_181) == 2)
        #expect(split.pick(forHash: .max) == 2)
    }

    @Test func splitClientsWithoutRemainderLeavesTheTopUnmatched() throws {
        // Two halves: ⌊5000 × 4294967295 / 10000⌋ = 2147483647 each, so the last hash is left over.
        let split = try SplitClients(shares: [.hundredthsOfPercent(5000), .hundredthsOfPercent(5000)])
        #expect(split.pick(forHash: 2_147_483_646) == 0)
        #expect(split.pick(forHash: 2_147_483_647) == 1)
        #expect(split.pick(forHash: 4_294_967_293) == 1)
        #expect(split.pick(forHash: 4_294_967_294) == nil)
        #expect(split.pick(forHash: .max) == nil)
    }

    @Test func splitClientsPicksByMurmurHashOfTheKey() throws {
        let split = try SplitClients(shares: [.hundredthsOfPercent(5000), .remainder])
        for key in Self.keys.prefix(200) {
            #expect(split.pick(forKey: key) == (MurmurHash2.hash(key) < 2_147_483_647 ? 0 : 1))
        }
        var counts = [0, 0]
        for key in Self.keys { counts[split.pick(forKey: key) ?? 0] += 1 }
        #expect(ChiSquare.fitsUniform(counts))
    }

    @Test func splitClientsParsesNginxPercentages() {
        #expect(SplitClients.Share(parsing: "0.5%") == .hundredthsOfPercent(50))
        #expect(SplitClients.Share(parsing: "50%") == .hundredthsOfPercent(5000))
        #expect(SplitClients.Share(parsing: "12.34%") == .hundredthsOfPercent(1234))
        #expect(SplitClients.Share(parsing: "100%") == .hundredthsOfPercent(10_000))
        #expect(SplitClients.Share(parsing: "*") == .remainder)
        for bad in ["0%", "50", "0.005%", "101%", "-1%", "%", "a%", "1.%", "1e2%"] {
            #expect(SplitClients.Share(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func splitClientsRejectsMoreThan100Percent() {
        #expect(throws: RoutingConfigurationError.percentagesExceed100) {
            try SplitClients(shares: [.hundredthsOfPercent(6000), .hundredthsOfPercent(5000)])
        }
        #expect(throws: RoutingConfigurationError.percentagesExceed100) {
            try SplitClients(shares: [.remainder, .hundredthsOfPercent(1)])
        }
        #expect(throws: RoutingConfigurationError.noBackends) { try SplitClients(shares: []) }
    }
}
