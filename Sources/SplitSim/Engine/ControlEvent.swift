/// What can happen between two stretches of user traffic. Each one changes the cluster or
/// the routing state; requests are never events.
public enum ControlEvent: Sendable, Equatable {
    /// A pending pod passed its start-up time.
    case podReady(Int32)
    /// A terminating pod passed its shutdown time.
    case podGone(Int32)
    /// The traffic profile's rate changes to the point at this index.
    case rateChange(Int)
    /// The background analysis takes a measurement.
    case analysisTick
    /// The first candidate pod reached the age `fault.after`: from now on a smoke test can
    /// hit the fault (user requests check the age of the pod that serves them).
    case faultOnset
    /// A timer the strategy set went off.
    case timer(StrategyTimer)
    /// The scenario's duration is over.
    case end
}

/// The timers strategies set for themselves.
public enum StrategyTimer: Sendable, Equatable {
    /// A `pause` step (by index) is over.
    case pauseOver(step: Int)
    /// An `analysis` step (by index) takes its next measurement.
    case stepMeasurement(step: Int)
    /// The smoke test has sent its last request.
    case smokeTestOver
    /// The manual approval or auto-promotion delay is over.
    case promotionDue
    /// The delayed scale-down of a ReplicaSet (by index) is due.
    case scaleDown(replicaSet: Int)
}
