/// The figures of one strategy over all runs of a scenario; `docs/scenario-format.md` defines
/// each of them in its metrics glossary.
public struct StrategyComparison: Sendable {
    /// Outcome fractions over runs.
    public struct Outcomes: Sendable {
        public var promoted: Double
        public var aborted: Double
        public var incomplete: Double
    }

    /// User exposure to the candidate.
    public struct Exposure: Sendable {
        public var candidateUserRequests: SummaryStatistics?
        public var failedUserRequests: SummaryStatistics?
        public var usersExposed: SummaryStatistics?
        public var usersFailed: SummaryStatistics?
        public var detectionSeconds: SummaryStatistics?
        public var rollbackSeconds: SummaryStatistics?
        /// Fraction of runs in which a faulty candidate reached 100 %.
        public var escaped: Double
        public var smokeRequests: SummaryStatistics?
    }

    /// What the release cost in pods.
    public struct Cost: Sendable {
        public var podSeconds: SummaryStatistics?
        public var extraPodSeconds: SummaryStatistics?
        public var peakPods: SummaryStatistics?
        public var money: SummaryStatistics?
        public var underCapacitySeconds: SummaryStatistics?
    }

    public var name: String
    /// The scenario key of the kind, e.g. `service-split`.
    public var kind: String
    public var outcome: Outcomes
    public var granularity: Granularity
    public var exposure: Exposure
    public var cost: Cost
    public var durationSeconds: SummaryStatistics?
    /// Users who saw both versions.
    public var usersSawBoth: SummaryStatistics?
    /// Things the user should know, in plain language.
    public var warnings: [StrategyWarning]
}

/// The comparison of every strategy of one scenario.
public struct ScenarioComparison: Sendable {
    public var name: String
    public var description: String?
    public var file: String
    public var runs: Int
    public var seed: UInt64
    /// The replica count and duration, for context in reports.
    public var replicas: Int
    public var durationSeconds: Double
    public var strategies: [StrategyComparison]
}
