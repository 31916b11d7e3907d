/// Why a routing policy could not be built from its configuration.
///
/// Policies validate their weights once, at build time, so that picking never has to.
public enum RoutingConfigurationError: Error, Sendable, Hashable {
    /// No backend was given.
    case noBackends
    /// The weight at `index` is negative.
    case negativeWeight(index: Int)
    /// The weight at `index` is NaN or infinite.
    case nonFiniteWeight(index: Int)
    /// Different numbers of backend names and weights.
    case nameCountMismatch(names: Int, weights: Int)
    /// All weights are zero, so no backend could ever be picked.
    case zeroTotalWeight
    /// The weights add up to more than `limit`, the largest total the policy can count exactly.
    case totalWeightTooLarge(limit: Int)
    /// More backends than the policy's table can index.
    case tooManyBackends(limit: Int)
    /// A Maglev table size that is not prime, or smaller than the number of backends.
    case invalidTableSize(Int)
    /// A ring with fewer than one point per backend.
    case invalidPointsPerBackend(Int)
    /// A `split_clients` share that is not `*` or a positive percentage with at most two
    /// decimals, such as `0.5%`.
    case invalidPercentage(String)
    /// `split_clients` shares that add up to more than 100 %.
    case percentagesExceed100
}
