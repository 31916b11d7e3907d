/// What one sync of a Deployment's rolling update changed.
public enum RollingUpdateStep: Hashable, Sendable {
    /// The new ReplicaSet was resized; upstream ends the sync there.
    case scaledNewReplicaSet
    /// One or more old ReplicaSets were scaled down.
    case scaledDownOldReplicaSets
    /// Nothing could move: the rollout waits for pods to become available.
    case unchanged
}
