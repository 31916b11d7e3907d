import SplitSim

/// Comparisons built by hand, so that report tests know every figure they render.
enum ComparisonFixture {
    /// A name that would run a script if any renderer forgot to escape it.
    static let hostileName = "<script>alert(1)</script> & \"canary\""

    /// Statistics over the given run values.
    static func stats(_ values: Double...) -> SummaryStatistics? {
        SummaryStatistics(values)
    }

    static func strategy(
        name: String, kind: String, usersExposed: SummaryStatistics?, usersFailed: SummaryStatistics?,
        detection: SummaryStatistics?, steps: [StepGranularity] = [], minShare: Double = 0.01,
        warnings: [StrategyWarning] = []
    ) -> StrategyComparison {
        StrategyComparison(
            name: name,
            kind: kind,
            outcome: .init(promoted: 0.5, aborted: 0.5, incomplete: 0),
            granularity: Granularity(minCandidateShare: minShare, steps: steps),
            exposure: .init(
                candidateUserRequests: stats(1000, 1200), failedUserRequests: stats(10, 12),
                usersExposed: usersExposed, usersFailed: usersFailed, detectionSeconds: detection,
                rollbackSeconds: stats(1), escaped: 0, smokeRequests: nil),
            cost: .init(
                podSeconds: stats(36000), extraPodSeconds: stats(1800, 3600), peakPods: stats(5),
                money: stats(1.5), underCapacitySeconds: stats(0)),
            availability: .init(
                underCapacitySeconds: stats(0), noReadyPodSeconds: stats(0), capacityFailedRequests: stats(0)),
            durationSeconds: stats(90, 120),
            usersSawBoth: stats(30),
            warnings: warnings
        )
    }

    /// Three strategies: a routed canary with a step it can set exactly and one never reached,
    /// a pod-based canary whose 5 % becomes 20 %, and blue-green that detected nothing.
    static let scenario = ScenarioComparison(
        name: "search: 5 % asked, with 4 replicas",
        description: "Pods can only split in quarters & fifths.",
        file: "scenarios/search.json",
        runs: 3,
        seed: 11,
        replicas: 4,
        durationSeconds: 2700,
        strategies: [
            strategy(
                name: "ingress weight 5 %", kind: "service-split", usersExposed: stats(100, 100, 100),
                usersFailed: stats(8, 10, 12), detection: stats(40),
                steps: [
                    StepGranularity(
                        label: "setWeight 5", requested: 0.05, effective: 0.05, realized: stats(0.048, 0.05)),
                    StepGranularity(label: "setWeight 25", requested: 0.25, effective: 0.25, realized: nil),
                ]),
            strategy(
                name: "basic canary", kind: "replicaset-split", usersExposed: stats(250, 250, 250),
                usersFailed: stats(30, 40), detection: stats(40, 60),
                steps: [
                    StepGranularity(label: "setWeight 5", requested: 0.05, effective: 0.2, realized: stats(0.19, 0.21))
                ],
                minShare: 0.2,
                warnings: [.podSplitRounded(step: 0, requested: 0.05, effective: 0.2, replicas: 4)]),
            strategy(
                name: hostileName, kind: "blue-green", usersExposed: stats(400, 500), usersFailed: stats(0),
                detection: nil, minShare: 1),
        ]
    )
}
