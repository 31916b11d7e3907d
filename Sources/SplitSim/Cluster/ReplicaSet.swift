/// A simulated ReplicaSet: a desired pod count for one version.
public struct ReplicaSet: Sendable {
    /// The ReplicaSet's name, e.g. `checkout-7c9f4`.
    public let name: String
    /// The version its pods run.
    public let version: ReleaseVersion
    /// The desired number of pods.
    public internal(set) var spec: Int = 0
    /// Pods that are pending or ready (not terminating): what the controller counts against `spec`.
    public internal(set) var active: Int = 0
    /// Pods that are ready; availability, with minReadySeconds 0.
    public internal(set) var ready: Int = 0
    /// Pods that are terminating but not gone yet.
    public internal(set) var terminating: Int = 0

    /// Pods that exist in any phase but gone.
    @inlinable
    public var existing: Int { active + terminating }
}
