/// The figures of one strategy over all runs of a scenario; `docs/scenario-format.md` defines
/// each of them in its metrics glossary. Every figure from randomised runs is a
/// ``SummaryStatistics`` over runs, nil when no run produced it.
public struct StrategyComparison: Sendable {
    /// Outcome fractions over runs.
    public struct Outcomes: Sendable {
        /// Runs in which the candidate took all traffic and kept it.
        public var promoted: Double
        /// Runs in which the release was stopped and production went back to stable.
        public var aborted: Double
        /// Runs that an inconclusive analysis paused for a person.
        public var paused: Double
        /// Runs that had not reached an end state when the scenario's duration was over.
        public var incomplete: Double

        /// Creates outcome fractions.
        public init(promoted: Double, aborted: Double, paused: Double = 0, incomplete: Double) {
            self.promoted = promoted
            self.aborted = aborted
            self.paused = paused
            self.incomplete = incomplete
        }
    }

    /// User exposure to the candidate.
    public struct Exposure: Sendable {
        /// Production requests the candidate served.
        public var candidateUserRequests: SummaryStatistics?
        /// Of those, the failed ones.
        public var failedUserRequests: SummaryStatistics?
        /// Distinct users who got a response from the candidate.
        public var usersExposed: SummaryStatistics?
        /// Distinct users who got a failed response from the candidate.
        public var usersFailed: SummaryStatistics?
        /// Seconds from the fault going live to its detection.
        public var detectionSeconds: SummaryStatistics?
        /// Seconds from detection until production could no longer reach the candidate.
        public var rollbackSeconds: SummaryStatistics?
        /// Fraction of runs in which the fault still reached users when the run ended.
        public var escaped: Double
        /// Failed candidate requests above stable's error rate for the same requests.
        public var excessFailedUserRequests: SummaryStatistics?
        /// What stable's error rate would have failed of the candidate's requests.
        public var baselineFailedUserRequests: SummaryStatistics?
        /// Users exposed, as a share of all users.
        public var usersExposedShare: SummaryStatistics?
        /// Users failed, as a share of all users.
        public var usersFailedShare: SummaryStatistics?
        /// Synthetic smoke-test requests, never counted as exposure.
        public var smokeRequests: SummaryStatistics?
        /// Copies of production requests mirrored to the candidate; their responses are dropped,
        /// so they load it and count in its metrics without exposing anyone.
        public var mirroredRequests: SummaryStatistics?

        /// Creates exposure figures.
        public init(
            candidateUserRequests: SummaryStatistics?, failedUserRequests: SummaryStatistics?,
            usersExposed: SummaryStatistics?, usersFailed: SummaryStatistics?, detectionSeconds: SummaryStatistics?,
            rollbackSeconds: SummaryStatistics?, escaped: Double, smokeRequests: SummaryStatistics?,
            mirroredRequests: SummaryStatistics? = nil, excessFailedUserRequests: SummaryStatistics? = nil,
            baselineFailedUserRequests: SummaryStatistics? = nil, usersExposedShare: SummaryStatistics? = nil,
            usersFailedShare: SummaryStatistics? = nil
        ) {
            self.mirroredRequests = mirroredRequests
            self.excessFailedUserRequests = excessFailedUserRequests
            self.baselineFailedUserRequests = baselineFailedUserRequests
            self.usersExposedShare = usersExposedShare
            self.usersFailedShare = usersFailedShare
            self.candidateUserRequests = candidateUserRequests
            self.failedUserRequests = failedUserRequests
            self.usersExposed = usersExposed
            self.usersFailed = usersFailed
            self.detectionSeconds = detectionSeconds
            self.rollbackSeconds = rollbackSeconds
            self.escaped = escaped
            self.smokeRequests = smokeRequests
        }
    }

    /// What the release cost in pods.
    public struct Cost: Sendable {
        /// Pod-seconds of every existing pod over the scenario's duration.
        public var podSeconds: SummaryStatistics?
        /// Pod-seconds above the stable baseline of `replicas` pods for the whole duration.
        public var extraPodSeconds: SummaryStatistics?
        /// The most pods that existed at once: pending, ready and terminating.
        public var peakPods: SummaryStatistics?
        /// The pod-seconds at the scenario's pod-hour price.
        public var money: SummaryStatistics?
        /// Seconds during which ready capacity was below the offered rate.
        public var underCapacitySeconds: SummaryStatistics?

        /// Creates cost figures.
        public init(
            podSeconds: SummaryStatistics?, extraPodSeconds: SummaryStatistics?, peakPods: SummaryStatistics?,
            money: SummaryStatistics?, underCapacitySeconds: SummaryStatistics?
        ) {
            self.podSeconds = podSeconds
            self.extraPodSeconds = extraPodSeconds
            self.peakPods = peakPods
            self.money = money
            self.underCapacitySeconds = underCapacitySeconds
        }
    }

    /// Whether production always had a ready pod with room for its requests.
    public struct Availability: Sendable {
        /// Seconds during which ready capacity was below the offered rate.
        public var underCapacitySeconds: SummaryStatistics?
        /// Seconds during which production traffic had no ready pod to go to.
        public var noReadyPodSeconds: SummaryStatistics?
        /// Requests that failed because their version's ready pods were overloaded.
        public var capacityFailedRequests: SummaryStatistics?

        /// Creates availability figures.
        public init(
            underCapacitySeconds: SummaryStatistics?, noReadyPodSeconds: SummaryStatistics?,
            capacityFailedRequests: SummaryStatistics?
        ) {
            self.underCapacitySeconds = underCapacitySeconds
            self.noReadyPodSeconds = noReadyPodSeconds
            self.capacityFailedRequests = capacityFailedRequests
        }
    }

    /// The strategy's name in the scenario.
    public var name: String
    /// The kind's name in the ``StrategyRegistry``, as a scenario writes it, e.g. `service-split`.
    public var kind: String
    /// How the runs ended.
    public var outcome: Outcomes
    /// What shares the mechanism can express and what the runs realised.
    public var granularity: Granularity
    /// How far the candidate reached users.
    public var exposure: Exposure
    /// What the release cost in pods.
    public var cost: Cost
    /// Whether production always had a ready pod with room for its requests.
    public var availability: Availability
    /// Seconds until the release reached its end state.
    public var durationSeconds: SummaryStatistics?
    /// Users who saw both versions.
    public var usersSawBoth: SummaryStatistics?
    /// False aborts and detection power.
    public var decision: Decision
    /// What the reader must know about the strategy as written and its runs.
    public var warnings: [StrategyWarning]

    /// Creates the figures of one strategy.
    public init(
        name: String, kind: String, outcome: Outcomes, granularity: Granularity, exposure: Exposure, cost: Cost,
        availability: Availability, durationSeconds: SummaryStatistics?, usersSawBoth: SummaryStatistics?,
        decision: Decision = Decision(
            falseAbortRate: 0, detectionPower: nil, detectionSecondsP95: nil, healthyTwinRuns: 0),
        warnings: [StrategyWarning]
    ) {
        self.decision = decision
        self.name = name
        self.kind = kind
        self.outcome = outcome
        self.granularity = granularity
        self.exposure = exposure
        self.cost = cost
        self.availability = availability
        self.durationSeconds = durationSeconds
        self.usersSawBoth = usersSawBoth
        self.warnings = warnings
    }
}

/// The comparison of every strategy of one scenario.
public struct ScenarioComparison: Sendable {
    /// The scenario's name.
    public var name: String
    /// What the scenario teaches.
    public var description: String?
    /// The file the scenario came from.
    public var file: String
    /// Runs per strategy.
    public var runs: Int
    /// The seed of run 0.
    public var seed: UInt64
    /// The service's replica count, for context in reports.
    public var replicas: Int
    /// The scenario's simulated time, for context in reports.
    public var durationSeconds: Double
    /// Who balanced requests over the Services' pods: an assumption every figure rests on.
    public var callers: CallersSpec
    /// The analysis settings the strategies measure with, each with the strategies that use
    /// it, in the scenario's order: assumptions too (metric lag, no-data policy, watchdog).
    public var analyses: [AnalysisUse]
    /// Each strategy's figures, in the scenario's order.
    public var strategies: [StrategyComparison]
    /// Which strategy to use and why; nil without strategies.
    public var recommendation: Recommendation?
    /// The unit of every cost figure.
    public var currency = ClusterSpec.defaultCurrency

    /// Creates a scenario's comparison.
    public init(
        name: String, description: String?, file: String, runs: Int, seed: UInt64, replicas: Int,
        durationSeconds: Double, callers: CallersSpec = .default, analyses: [AnalysisUse] = [],
        strategies: [StrategyComparison]
    ) {
        self.analyses = analyses
        self.name = name
        self.description = description
        self.file = file
        self.runs = runs
        self.seed = seed
        self.replicas = replicas
        self.durationSeconds = durationSeconds
        self.callers = callers
        self.strategies = strategies
    }
}

/// One set of analysis settings and the strategies of a scenario that measure with it.
public struct AnalysisUse: Sendable, Equatable {
    /// The settings.
    public var spec: AnalysisSpec
    /// How the strategies' controller judges them.
    public var style: AnalysisStyle
    /// The strategies, by name, in the scenario's order.
    public var strategies: [String]
    /// Whether every strategy of the scenario uses these settings.
    public var coversAll: Bool

    /// Groups the strategies that measure by their analysis settings.
    public static func of(_ strategies: [StrategySpec]) -> [AnalysisUse] {
        var uses: [AnalysisUse] = []
        for strategy in strategies {
            guard let spec = strategy.analysis,
                strategy.kind.spec.runsAnalysis || spec.afterPromotion > .zero
            else { continue }
            let style = strategy.kind.spec.analysisStyle
            if let index = uses.firstIndex(where: { $0.spec == spec && $0.style == style }) {
                uses[index].strategies.append(strategy.name)
            } else {
                uses.append(AnalysisUse(spec: spec, style: style, strategies: [strategy.name], coversAll: false))
            }
        }
        for index in uses.indices { uses[index].coversAll = uses[index].strategies.count == strategies.count }
        return uses
    }
}
