/// A policy that picks one of several weighted backends for each request.
///
/// Round-robin policies ignore the generator; random ones draw from it. Use the protocol as a
/// generic constraint, not an existential, so that picks inline into the caller's loop.
public protocol WeightedPicker {
    /// The number of backends, including those with weight zero.
    var backendCount: Int { get }

    /// Returns the index of the backend for the next request.
    mutating func pick<G: RandomNumberGenerator>(using generator: inout G) -> Int
}
