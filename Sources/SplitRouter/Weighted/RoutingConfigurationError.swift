/// Why a routing policy could not be built from its configuration.
///
/// Policies validate their weights once, at build time, so that picking never has to.
public enum RoutingConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
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

    /// One line saying what is wrong and what is expected.
    public var description: String {
        switch self {
        case .noBackends: "no backends; expected at least one"
        case .negativeWeight(let index): "weight \(index + 1) is negative; expected a weight of 0 or more"
        case .nonFiniteWeight(let index): "weight \(index + 1) is not a finite number; expected a finite weight"
        case .nameCountMismatch(let names, let weights):
            "\(names) names for \(weights) weights; expected one name per weight"
        case .zeroTotalWeight: "every weight is 0; expected at least one positive weight"
        case .totalWeightTooLarge(let limit): "the weights add up to more than \(limit); expected a smaller total"
        case .tooManyBackends(let limit): "too many backends or points; expected at most \(limit)"
        case .invalidTableSize(let size):
            "table size \(size) is not valid; expected a prime at least the number of backends"
        case .invalidPointsPerBackend(let points): "\(points) points per backend; expected 1 or more"
        case .invalidPercentage(let text):
            "\(text) is not valid; expected * or a percentage in 0.01...100 % with at most two decimals"
        case .percentagesExceed100: "the percentages add up to more than 100 %; expected at most 100 %"
        }
    }
}
