/// What can happen between two stretches of user traffic. Each one changes the cluster, the
/// routing or the release; requests are never events.
///
/// `Timer` is the timer type of the strategy being run: each strategy kind owns its timers.
public enum ControlEvent<Timer: Sendable>: Sendable {
    /// A pending pod passed its start-up time.
    case podReady(Int32)
    /// A terminating pod passed its shutdown time.
    case podGone(Int32)
    /// The traffic profile's rate changes to the point at this index.
    case rateChange(Int)
    /// Prometheus scrapes the candidate pods' counters.
    case metricScrape
    /// A minute of candidate share is over (``ShareWindows``).
    case shareWindow
    /// The analysis run with this id takes a measurement.
    case analysisTick(run: Int)
    /// The smoke test has sent its last request.
    case smokeTestOver
    /// The first candidate pod reached the age `fault.after`: from now on a smoke test can
    /// hit the fault (user requests check the age of the pod that serves them).
    case faultOnset
    /// The callers learn of the endpoint changes due by now (a proxy's endpoint delay).
    case callersLearnEndpoints
    /// A timer the strategy set went off.
    case timer(Timer)
    /// The scenario's duration is over.
    case end
}

extension ControlEvent: Equatable where Timer: Equatable {}
