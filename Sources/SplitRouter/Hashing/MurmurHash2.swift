/// Austin Appleby's 32-bit MurmurHash2, as nginx's `ngx_murmur_hash2` computes it (seed 0) for
/// `split_clients`.
///
/// Input is read in little-endian 4-byte blocks whatever the host's byte order, matching nginx
/// on x86 and ARM.
public enum MurmurHash2 {
    @usableFromInline
    internal static let multiplier: UInt32 = 0x5BD1_E995

    /// Returns the hash of `bytes`.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt32 = 0) -> UInt32 {
        var h = seed ^ UInt32(truncatingIfNeeded: bytes.count)
        var index = 0
        while bytes.count - index >= 4 {
            var k =
                UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
            k &*= multiplier
            k ^= k >> 24
            k &*= multiplier
            h &*= multiplier
            h ^= k
            index += 4
        }
        let remaining = bytes.count - index
        if remaining > 0 {
            if remaining == 3 { h ^= UInt32(bytes[index + 2]) << 16 }
            if remaining >= 2 { h ^= UInt32(bytes[index + 1]) << 8 }
            h ^= UInt32(bytes[index])
            h &*= multiplier
        }
        h ^= h >> 13
        h &*= multiplier
        h ^= h >> 15
        return h
    }

    /// Returns the hash of `key`'s UTF-8 bytes.
    ///
    /// - Complexity: O(n) in the key's UTF-8 length.
    public static func hash(_ key: String, seed: UInt32 = 0) -> UInt32 {
        var key = key
        return key.withUTF8 { hash($0, seed: seed) }
    }
}
