/// How a run's release ended.
public enum RunOutcome: String, Sendable {
    /// The candidate took all traffic and kept it.
    case promoted
    /// The release was stopped and traffic went back to stable.
    case aborted
    /// An inconclusive analysis paused the release for a person, who never came in the run.
    case paused
    /// The scenario's duration ended first.
    case incomplete
}
