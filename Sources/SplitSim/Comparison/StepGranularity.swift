/// One weight or replica step: the share asked for, the share the mechanism can set, and
/// the share the simulated traffic realised.
public struct StepGranularity: Sendable {
    /// The step as written, e.g. `setWeight 5` or `setReplicas 1`.
    public var label: String
    /// The candidate share the step asks for.
    public var requested: Double
    /// The share the mechanism can actually set.
    public var effective: Double
    /// The candidate's share of production requests while the step was in force, over the
    /// runs in which it took effect.
    public var realized: SummaryStatistics?

    /// Creates a step's figures.
    public init(label: String, requested: Double, effective: Double, realized: SummaryStatistics?) {
        self.label = label
        self.requested = requested
        self.effective = effective
        self.realized = realized
    }
}

/// How finely a strategy can split traffic, and what its steps get.
public struct Granularity: Sendable {
    /// The smallest non-zero candidate share the mechanism can express.
    public var minCandidateShare: Double
    /// Per weight or replica step.
    public var steps: [StepGranularity]

    /// Creates a strategy's granularity.
    public init(minCandidateShare: Double, steps: [StepGranularity]) {
        self.minCandidateShare = minCandidateShare
        self.steps = steps
    }
}
