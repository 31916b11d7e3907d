import SplitSim

/// The `compare --format json` document: a stable schema for pipelines, whose keys the metrics
/// glossary of `docs/scenario-format.md` defines.
public enum JSONReport {
    /// Renders the comparisons as one JSON document.
    public static func render(_ scenarios: [ScenarioComparison], version: String) -> String {
        JSONWriter.render(
            .object([
                ("tool", .string("splitsim")),
                ("version", .string(version)),
                ("scenarios", .array(scenarios.map(scenario))),
            ])) + "\n"
    }

    static func scenario(_ scenario: ScenarioComparison) -> JSONWriter.Value {
        .object([
            ("name", .string(scenario.name)),
            ("file", .string(scenario.file)),
            ("runs", .integer(scenario.runs)),
            ("seed", .unsigned(scenario.seed)),
            ("assumptions", .array(AssumptionSentence.all(scenario).map { .string($0) })),
            ("currency", .string(scenario.currency)),
            (
                "recommendation",
                scenario.recommendation.map { recommendation in
                    .object([
                        ("strategy", .string(recommendation.strategy)),
                        ("paretoFront", .array(recommendation.paretoFront.map { .string($0) })),
                        ("reasons", .array(recommendation.reasons.map { .string(RecommendationSentence.text($0)) })),
                    ])
                } ?? .null
            ),
            ("strategies", .array(scenario.strategies.map(strategy))),
        ])
    }

    static func strategy(_ strategy: StrategyComparison) -> JSONWriter.Value {
        .object([
            ("name", .string(strategy.name)),
            ("kind", .string(strategy.kind)),
            (
                "outcome",
                .object([
                    ("promoted", .number(strategy.outcome.promoted)),
                    ("aborted", .number(strategy.outcome.aborted)),
                    ("paused", .number(strategy.outcome.paused)),
                    ("incomplete", .number(strategy.outcome.incomplete)),
                ])
            ),
            (
                "granularity",
                .object([
                    ("minCandidateShare", .number(strategy.granularity.minCandidateShare)),
                    (
                        "steps",
                        .array(
                            strategy.granularity.steps.map { step in
                                .object([
                                    ("step", .string(step.label)),
                                    ("requested", .number(step.requested)),
                                    ("effective", .number(step.effective)),
                                    ("realized", stats(step.realized)),
                                    ("peak", stats(step.peak)),
                                    ("secondsAtPeak", stats(step.secondsAtPeak)),
                                ])
                            })
                    ),
                    ("peakCandidateShare", stats(strategy.granularity.peakCandidateShare)),
                ])
            ),
            (
                "exposure",
                .object([
                    ("candidateUserRequests", stats(strategy.exposure.candidateUserRequests)),
                    ("failedUserRequests", stats(strategy.exposure.failedUserRequests)),
                    ("usersExposed", stats(strategy.exposure.usersExposed)),
                    ("usersFailed", stats(strategy.exposure.usersFailed)),
                    ("detectionSeconds", stats(strategy.exposure.detectionSeconds)),
                    ("rollbackSeconds", stats(strategy.exposure.rollbackSeconds)),
                    ("escaped", .number(strategy.exposure.escaped)),
                    ("smokeRequests", stats(strategy.exposure.smokeRequests)),
                    ("mirroredRequests", stats(strategy.exposure.mirroredRequests)),
                    ("excessFailedUserRequests", stats(strategy.exposure.excessFailedUserRequests)),
                    ("baselineFailedUserRequests", stats(strategy.exposure.baselineFailedUserRequests)),
                    ("usersExposedShare", stats(strategy.exposure.usersExposedShare)),
                    ("usersFailedShare", stats(strategy.exposure.usersFailedShare)),
                ])
            ),
            (
                "cost",
                .object([
                    ("podSeconds", stats(strategy.cost.podSeconds)),
                    ("extraPodSeconds", stats(strategy.cost.extraPodSeconds)),
                    ("peakPods", stats(strategy.cost.peakPods)),
                    ("money", stats(strategy.cost.money)),
                    ("underCapacitySeconds", stats(strategy.cost.underCapacitySeconds)),
                ])
            ),
            (
                "availability",
                .object([
                    ("underCapacitySeconds", stats(strategy.availability.underCapacitySeconds)),
                    ("noReadyPodSeconds", stats(strategy.availability.noReadyPodSeconds)),
                    ("capacityFailedRequests", stats(strategy.availability.capacityFailedRequests)),
                ])
            ),
            ("durationSeconds", stats(strategy.durationSeconds)),
            (
                "consistency",
                .object([
                    ("usersSawBoth", stats(strategy.usersSawBoth))
                ])
            ),
            (
                "decision",
                .object([
                    ("falseAbortRate", .number(strategy.decision.falseAbortRate)),
                    ("detectionPower", strategy.decision.detectionPower.map { .number($0) } ?? .null),
                    ("detectionSecondsP95", strategy.decision.detectionSecondsP95.map { .number($0) } ?? .null),
                    ("healthyTwinRuns", .number(Double(strategy.decision.healthyTwinRuns))),
                ])
            ),
            (
                "warnings",
                .array(
                    strategy.warnings.map {
                        .object([("code", .string($0.code)), ("message", .string(WarningSentence.text($0)))])
                    })
            ),
        ])
    }

    static func stats(_ statistics: SummaryStatistics?) -> JSONWriter.Value {
        guard let statistics else { return .null }
        return .object([
            ("mean", .number(statistics.mean)),
            ("p5", .number(statistics.p5)),
            ("p50", .number(statistics.p50)),
            ("p95", .number(statistics.p95)),
            ("min", .number(statistics.min)),
            ("max", .number(statistics.max)),
        ])
    }
}
