/// How a strategy's controller judges the candidate's metric.
public enum AnalysisStyle: Sendable, Equatable {
    /// Argo Rollouts' AnalysisRuns: measurement phases, limits, `noData`.
    case analysisRun
    /// Flagger's checks: a check without data or above the threshold rate fails, and
    /// `threshold` failed checks roll back.
    case flaggerChecks
}
