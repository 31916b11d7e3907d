/// What a mechanism can express, computed from the strategy and the cluster without
/// simulating: the smallest share, and the share each weight or replica step can really set.
public struct GranularityPlan: Sendable {
    /// One weight or replica step.
    public struct PlannedStep: Sendable {
        /// The step as written, e.g. `setWeight 5`.
        public var label: String
        /// The share the step asks for.
        public var requested: Double
        /// The share the mechanism can set for it.
        public var effective: Double

        /// Creates a planned step.
        public init(label: String, requested: Double, effective: Double) {
            self.label = label
            self.requested = requested
            self.effective = effective
        }
    }

    /// The smallest non-zero candidate share the mechanism can express.
    public var minShare: Double
    /// The weight and replica steps, in order.
    public var steps: [PlannedStep]

    /// Creates a plan.
    public init(minShare: Double, steps: [PlannedStep] = []) {
        self.minShare = minShare
        self.steps = steps
    }

    /// The steps (0-based among the plan's steps) whose effective share is far from the one
    /// asked: more than half a percentage point and more than a tenth of the share asked.
    public var roundedSteps: [(index: Int, step: PlannedStep)] {
        steps.enumerated().filter {
            abs($0.element.effective - $0.element.requested) > max(0.005, $0.element.requested / 10)
        }
        .map { ($0.offset, $0.element) }
    }
}
