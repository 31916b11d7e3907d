/// The xoshiro256** generator of Blackman and Vigna: fast, small state, and reproducible from a
/// seed, so that every simulated run can be replayed.
///
/// It produces the published reference outputs: the state `(1, 2, 3, 4)` yields
/// 11520, 0, 1509978240, 1215971899390074240, …
///
/// - Note: Not cryptographically secure; it is meant for simulation only.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline internal var s0: UInt64
    @usableFromInline internal var s1: UInt64
    @usableFromInline internal var s2: UInt64
    @usableFromInline internal var s3: UInt64

    /// Creates a generator from one seed, expanded through ``SplitMix64`` as the authors
    /// recommend.
    ///
    /// Every seed is valid: SplitMix64 never yields four zero words in a row.
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// Creates a generator for one of many non-overlapping streams of the same seed.
    ///
    /// Stream `k` starts `k` ``jump()``s (k·2¹²⁸ outputs) after the stream of `seed`, so streams
    /// derived for different runs or strategies can never overlap. Negative streams count as 0.
    ///
    /// - Complexity: O(`stream`); each jump costs 256 steps of the generator.
    @inlinable
    public init(seed: UInt64, stream: Int) {
        self.init(seed: seed)
        var remaining = stream
        while remaining > 0 {
            jump()
            remaining -= 1
        }
    }

    /// Creates a generator with an explicit state, as the reference implementation is seeded.
    ///
    /// Returns `nil` for the all-zero state, the one state from which xoshiro only yields zeros.
    @inlinable
    public init?(state: (UInt64, UInt64, UInt64, UInt64)) {
        guard state.0 | state.1 | state.2 | state.3 != 0 else { return nil }
        (s0, s1, s2, s3) = state
    }

    /// The four state words, for checkpoints and tests.
    @inlinable
    public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    /// Returns the next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// Returns an integer in `0..<n` by Lemire's multiply-high reduction of one draw.
    ///
    /// Skipping Lemire's rejection step leaves a bias below n/2⁶⁴ per value, far under anything a
    /// simulation can observe, and keeps the call branch-free. Returns 0 when `n` ≤ 0.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func uniform(below n: Int) -> Int {
        let bound = UInt64(truncatingIfNeeded: max(n, 0))
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: bound).high)
    }

    /// Returns a double in `[0, 1)` built from the top 53 bits of one draw, so every value is a
    /// multiple of 2⁻⁵³.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Advances the generator by 2¹²⁸ outputs: 2¹²⁸ non-overlapping streams for parallel runs.
    ///
    /// - Complexity: O(1) (256 steps).
    public mutating func jump() {
        advance(
            polynomial: (0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C))
    }

    /// Advances the generator by 2¹⁹² outputs: 2⁶⁴ starting points, each with room for 2⁶⁴ jumps.
    ///
    /// - Complexity: O(1) (256 steps).
    public mutating func longJump() {
        advance(
            polynomial: (0x76E1_5D3E_FEFD_CBBF, 0xC500_4E44_1C52_2FB3, 0x7771_0069_854E_E241, 0x3910_9BB0_2ACB_E635))
    }

    /// Applies a jump polynomial: the new state is the XOR of the states at the polynomial's set
    /// bits, which equals stepping the linear engine that many times.
    private mutating func advance(polynomial: (UInt64, UInt64, UInt64, UInt64)) {
        var jumped: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in [polynomial.0, polynomial.1, polynomial.2, polynomial.3] {
            for bit in UInt64(0)..<64 {
                if word & (1 << bit) != 0 {
                    jumped.0 ^= s0
                    jumped.1 ^= s1
                    jumped.2 ^= s2
                    jumped.3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = jumped
    }
}

extension UInt64 {
    /// A rotation is one instruction; left to the inliner's judgement inside a large caller it
    /// stays a call, measured at a tenth of a simulated request's cost.
    @inlinable @inline(__always)
    internal func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 &- count))
    }
}
