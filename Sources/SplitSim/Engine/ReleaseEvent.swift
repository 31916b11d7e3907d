/// What a strategy is told about: pod changes, its own timers, and the verdicts of the checks
/// it started. Verdicts arrive as events, never as flags to poll.
public enum ReleaseEvent<Timer: Sendable>: Sendable {
    /// A pod became ready, or was terminated before it could.
    case podReady
    /// A terminating pod is gone.
    case podGone
    /// A timer the strategy set went off.
    case timer(Timer)
    /// The background analysis failed.
    case analysisFailed
    /// The running `analysis` step ended: every measurement passed, or one failed it.
    case analysisStepFinished(passed: Bool)
    /// The smoke test ended with this verdict.
    case smokeTestFinished(passed: Bool)
}
