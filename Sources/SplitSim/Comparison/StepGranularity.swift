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
    /// The highest one-minute candidate share while the step was in force (``ShareWindows``).
    public var peak: SummaryStatistics?
    /// Seconds the step spent at that peak, within sampling noise.
    public var secondsAtPeak: SummaryStatistics?

    /// Creates a step's figures.
    public init(
        label: String, requested: Double, effective: Double, realized: SummaryStatistics?,
        peak: SummaryStatistics? = nil, secondsAtPeak: SummaryStatistics? = nil
    ) {
        self.label = label
        self.requested = requested
        self.effective = effective
        self.realized = realized
        self.peak = peak
        self.secondsAtPeak = secondsAtPeak
    }
}

/// How finely a strategy can split traffic, and what its steps get.
public struct Granularity: Sendable {
    /// The smallest non-zero candidate share the mechanism can express.
    public var minCandidateShare: Double
    /// Per weight or replica step.
    public var steps: [StepGranularity]
    /// The highest one-minute candidate share before the candidate took all traffic: what
    /// users met at worst while the release was still on trial.
    public var peakCandidateShare: SummaryStatistics?

    /// Creates a strategy's granularity.
    public init(minCandidateShare: Double, steps: [StepGranularity], peakCandidateShare: SummaryStatistics? = nil) {
        self.minCandidateShare = minCandidateShare
        self.steps = steps
        self.peakCandidateShare = peakCandidateShare
    }
}
