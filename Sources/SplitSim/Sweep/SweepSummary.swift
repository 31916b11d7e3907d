/// A merged parameter study, as the sweep renderers draw it: the varied paths with their
/// values, and per point the figures of every strategy that the curves and the Pareto view
/// need. `sweep merge` builds it from the shard files.
public struct SweepSummary: Sendable, Equatable {
    /// One varied scenario path and its values, as written on the command line.
    public struct Axis: Sendable, Equatable {
        /// A dotted scenario path, e.g. `versions.candidate.fault.errorRate`.
        public var path: String
        /// The values in plan order, e.g. `["0.02", "0.05"]` or `["30s", "1m"]`.
        public var values: [String]

        /// Creates an axis.
        public init(path: String, values: [String]) {
            self.path = path
            self.values = values
        }
    }

    /// One strategy's figures at one point: means over the point's runs, and its decision.
    public struct Figures: Sendable, Equatable {
        public var name: String
        public var kind: String
        /// Mean users failed; nil when no run produced it.
        public var usersFailed: Double?
        /// Mean extra pod-seconds over the stable baseline.
        public var extraPodSeconds: Double?
        /// Mean seconds until the release reached its end state.
        public var durationSeconds: Double?
        /// Share of runs aborted.
        public var aborted: Double
        /// Share of runs in which the fault still reached users at the end.
        public var escaped: Double
        /// Share of healthy runs stopped (`decision.falseAbortRate`).
        public var falseAbortRate: Double
        /// Share of faulty runs stopped before escaping; nil for a healthy candidate.
        public var detectionPower: Double?
        /// The 95th percentile of the time to detect; nil when nothing was detected.
        public var detectionSecondsP95: Double?

        /// Creates a strategy's figures.
        public init(
            name: String, kind: String, usersFailed: Double?, extraPodSeconds: Double?, durationSeconds: Double?,
            aborted: Double, escaped: Double, falseAbortRate: Double, detectionPower: Double?,
            detectionSecondsP95: Double?
        ) {
            self.name = name
            self.kind = kind
            self.usersFailed = usersFailed
            self.extraPodSeconds = extraPodSeconds
            self.durationSeconds = durationSeconds
            self.aborted = aborted
            self.escaped = escaped
            self.falseAbortRate = falseAbortRate
            self.detectionPower = detectionPower
            self.detectionSecondsP95 = detectionSecondsP95
        }
    }

    /// One point of the plan with its results.
    public struct Point: Sendable, Equatable {
        /// The point's stable id, e.g. `p0007`.
        public var id: String
        /// Its 0-based index in the plan.
        public var index: Int
        /// The value of every axis at this point, in axis order.
        public var values: [String]
        /// Every strategy's figures, in the scenario's order.
        public var strategies: [Figures]

        /// Creates a point.
        public init(id: String, index: Int, values: [String], strategies: [Figures]) {
            self.id = id
            self.index = index
            self.values = values
            self.strategies = strategies
        }
    }

    /// The scenario file the plan varies.
    public var file: String
    /// The scenario's name.
    public var name: String
    /// The varied paths, outermost (slowest-varying) first.
    public var axes: [Axis]
    /// Every point, in plan order.
    public var points: [Point]

    /// Creates a summary.
    public init(file: String, name: String, axes: [Axis], points: [Point]) {
        self.file = file
        self.name = name
        self.axes = axes
        self.points = points
    }
}
