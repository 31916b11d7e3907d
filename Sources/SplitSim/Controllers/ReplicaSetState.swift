/// The two numbers a rollout controller reads from one ReplicaSet: the pods it asks for
/// (`spec.replicas`) and the pods that are available (`status.availableReplicas`).
///
/// `available` may exceed `spec` for a moment after a scale-down, before the surplus pods
/// have terminated; both controllers handle that case explicitly.
public struct ReplicaSetState: Hashable, Sendable {
    /// The desired pod count, `spec.replicas`.
    public var spec: Int
    /// The pods that have been ready for at least `minReadySeconds`, `status.availableReplicas`.
    public var available: Int

    /// Creates a ReplicaSet state.
    ///
    /// - Complexity: O(1).
    public init(spec: Int, available: Int) {
        self.spec = spec
        self.available = available
    }

    /// A ReplicaSet with no pods.
    public static let empty = ReplicaSetState(spec: 0, available: 0)

    /// A ReplicaSet whose `replicas` pods are all available.
    ///
    /// - Complexity: O(1).
    public static func fullyAvailable(_ replicas: Int) -> ReplicaSetState {
        ReplicaSetState(spec: replicas, available: replicas)
    }
}
