/// Sebastiano Vigna's SplitMix64: a tiny generator used to expand one 64-bit seed into a full
/// xoshiro state.
///
/// Every seed, including 0, yields a well-mixed, non-zero-looking sequence, which is why the
/// xoshiro authors recommend it for seeding.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline
    internal var state: UInt64

    /// Creates a generator whose first output is derived from `seed`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64-bit output.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
