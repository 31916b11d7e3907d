/// One simulated pod: created pending, ready after its start-up time, terminating when its
/// ReplicaSet scales it away, and gone after its shutdown time.
public struct Pod: Sendable {
    /// The lifecycle phase, in the order a pod goes through them.
    public enum Phase: UInt8, Sendable {
        /// Created, not ready yet: no endpoint, no traffic.
        case pending
        /// An endpoint of every Service that selects it.
        case ready
        /// Removed from endpoints; serves the connections it already has until it is gone.
        case terminating
        /// Deleted: its connections are closed and clients reconnect.
        case gone
    }

    /// The pod's name, e.g. `checkout-canary-7c9f4-x2k8q`.
    public let name: String
    /// The index of the ReplicaSet that owns it in ``ClusterState/replicaSets``.
    public let replicaSet: Int
    /// The version it runs.
    public let version: ReleaseVersion
    /// When it was created, in nanoseconds of simulated time.
    public let createdAt: Int64
    /// When it became ready, if it did.
    public internal(set) var readyAt: Int64?
    /// Its current phase.
    public internal(set) var phase: Phase

    /// True while it still serves requests on connections it holds.
    @inlinable
    public var servesConnections: Bool { phase == .ready || phase == .terminating }
}
