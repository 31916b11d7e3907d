import Testing

@testable import SplitRouter

@Suite struct HashingTests {
    @Test func murmurHash2MatchesKafkaVectors() {
        // Kafka's partitioner uses the same MurmurHash2 with seed 0x9747b28c (UtilsTest).
        let seed: UInt32 = 0x9747_B28C
        let vectors: [(String, Int32)] = [
            ("21", -973_932_308),
            ("foobar", -790_332_482),
            ("a-little-bit-long-string", -985_981_536),
            ("a-little-bit-longer-string", -1_486_304_829),
            ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
            ("abc", 479_470_107),
        ]
        for (key, expected) in vectors {
            #expect(MurmurHash2.hash(key, seed: seed) == UInt32(bitPattern: expected), "\(key)")
        }
    }

    @Test func murmurHash2WithNginxSeedZero() {
        // Seed 0 and no bytes leave h = 0, which the finalizer keeps at 0.
        #expect(MurmurHash2.hash("") == 0)
        #expect(MurmurHash2.hash("user-1") == MurmurHash2.hash("user-1", seed: 0))
        #expect(MurmurHash2.hash("user-1") != MurmurHash2.hash("user-2"))
    }

    @Test func keyHashIsDeterministicAndSeeded() {
        #expect(KeyHash.hash("user-1") == KeyHash.hash("user-1"))
        #expect(KeyHash.hash("user-1") != KeyHash.hash("user-1", seed: 1))
        #expect(KeyHash.finalized(0) == 0)
    }
}
