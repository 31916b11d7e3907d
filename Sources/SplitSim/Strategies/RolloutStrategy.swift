/// A way of releasing the candidate, driven by the events of a run.
///
/// The run loop calls these after it has applied each control event to the cluster; the
/// strategy answers through ``ReleaseControl``: it scales ReplicaSets, changes routing, sets
/// its own timers and starts checks.
public protocol RolloutStrategy {
    /// The strategy's own timers.
    associatedtype Timer: Sendable

    /// Sets up the ReplicaSets and routing at time 0 and starts the release.
    mutating func begin(_ release: inout ReleaseControl<Timer>)

    /// Reacts to a pod change, one of its timers, or a check's verdict.
    mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>)
}
