/// The 64-bit hash that places keys and backends on the consistent-hashing tables.
///
/// FNV-1a over the UTF-8 bytes, then the MurmurHash3 64-bit finalizer: FNV alone leaves the high
/// bits poorly mixed for short keys such as `user-17`, and the table lookups use the high bits.
/// It is deterministic across processes and platforms, unlike Swift's seeded `Hasher`.
public enum KeyHash {
    /// Returns the hash of `key`; different `seed`s give independent hash functions.
    ///
    /// - Complexity: O(n) in the key's UTF-8 length.
    public static func hash(_ key: String, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return finalized(h)
    }

    /// MurmurHash3's `fmix64`: every input bit affects every output bit.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func finalized(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
