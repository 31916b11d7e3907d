/// A stable/candidate split decided per request by one compare of a 64-bit random draw.
///
/// This is what nginx's and Envoy's weighted routes amount to for two backends: the candidate
/// share p becomes the threshold p·2⁶⁴ and a draw below it picks the candidate. The threshold
/// saturates at 2⁶⁴ − 1, which stands for certainty, so shares 0 and 1 are exact.
public struct TwoWaySplit: Sendable, Hashable {
    /// Draws below this value pick the candidate; `UInt64.max` means every draw does.
    public let threshold: UInt64

    /// Creates a split that sends `candidateShare` of requests to the candidate.
    ///
    /// Shares below 0 (and NaN) count as 0, shares above 1 as 1.
    public init(candidateShare: Double) {
        if !(candidateShare > 0) {
            threshold = 0
        } else if candidateShare >= 1 {
            threshold = .max
        } else {
            // p < 1 is at most 1 − 2⁻⁵³, so the product stays below 2⁶⁴ and converts exactly.
            threshold = UInt64(candidateShare * 0x1.0p64)
        }
    }

    /// Creates the split `numerator / denominator` with an exact integer threshold, as integer
    /// weights out of a total are configured.
    ///
    /// A denominator ≤ 0 or a numerator ≤ 0 gives share 0; a numerator ≥ denominator gives 1.
    public init(numerator: Int, denominator: Int) {
        if numerator <= 0 || denominator <= 0 {
            threshold = 0
        } else if numerator >= denominator {
            threshold = .max
        } else {
            // ⌊numerator·2⁶⁴ / denominator⌋ fits in 64 bits because numerator < denominator.
            threshold = UInt64(denominator).dividingFullWidth((high: UInt64(numerator), low: 0)).quotient
        }
    }

    /// The candidate share this split realises, within 2⁻⁶⁴ of the share asked for.
    public var candidateShare: Double {
        threshold == .max ? 1 : Double(threshold) * 0x1.0p-64
    }

    /// Returns whether `draw`, a uniformly random 64-bit value, routes to the candidate.
    ///
    /// - Complexity: O(1), branch-free.
    @inlinable
    public func picksCandidate(_ draw: UInt64) -> Bool {
        draw < threshold || threshold == .max
    }

    /// Draws from `generator` and returns whether the request routes to the candidate.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func picksCandidate<G: RandomNumberGenerator>(using generator: inout G) -> Bool {
        picksCandidate(generator.next())
    }
}

extension TwoWaySplit: WeightedPicker {
    /// Two backends: 0 is stable, 1 is the candidate.
    @inlinable
    public var backendCount: Int { 2 }

    /// Returns 1 (candidate) or 0 (stable) for the next request.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func pick<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        picksCandidate(using: &generator) ? 1 : 0
    }
}
