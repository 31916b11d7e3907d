/// A way of releasing the candidate, driven by the control events of a run.
///
/// The event loop calls these with the engine after it has applied each event to the
/// cluster; the strategy answers by scaling ReplicaSets, changing routing and setting timers.
public protocol RolloutStrategy {
    /// Sets up the ReplicaSets and routing at time 0 and starts the release.
    mutating func begin(in engine: inout Engine)
    /// Reacts to an event the engine has applied (a pod ready or gone, a timer, …).
    mutating func react(to event: ControlEvent, in engine: inout Engine)
    /// Stops the release, or rolls it back, after the background analysis failed.
    mutating func analysisFailed(in engine: inout Engine)
}
