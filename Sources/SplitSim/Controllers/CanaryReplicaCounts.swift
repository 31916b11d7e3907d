/// Desired pod counts for the stable and the canary ReplicaSet of a rollout.
public struct CanaryReplicaCounts: Hashable, Sendable, CustomStringConvertible {
    /// Pods of the stable version.
    public var stable: Int
    /// Pods of the candidate version.
    public var canary: Int

    /// Creates a pair of counts.
    ///
    /// - Complexity: O(1).
    public init(stable: Int, canary: Int) {
        self.stable = stable
        self.canary = canary
    }

    /// Pods of both versions together.
    public var total: Int { stable + canary }

    /// The canary's share of connections when kube-proxy spreads them evenly over these
    /// pods: `canary / (stable + canary)`, or 0 when there are no pods.
    ///
    /// - Complexity: O(1).
    public var canaryShare: Double {
        total > 0 ? Double(canary) / Double(total) : 0
    }

    public var description: String { "stable \(stable), canary \(canary)" }
}
