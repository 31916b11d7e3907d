/// What a strategy is told about: pod changes, its own timers, and the verdicts of the checks
/// it started. Verdicts arrive as events, never as flags to poll.
public enum ReleaseEvent<Timer: Sendable>: Sendable {
    /// A pod became ready, or was terminated before it could.
    case podReady
    /// A terminating pod is gone.
    case podGone
    /// A timer the strategy set went off.
    case timer(Timer)
    /// The background analysis (or the external watchdog after promotion) failed, erred or
    /// was inconclusive; a successful background run changes nothing and is not reported.
    case backgroundAnalysisEnded(AnalysisPurpose, AnalysisRun.Phase)
    /// The blocking analysis run (an `analysis` step, pre- or post-promotion analysis) completed.
    case analysisFinished(AnalysisRun.Phase)
    /// The smoke test ended with this verdict.
    case smokeTestFinished(passed: Bool)
}
