import SplitSim
import Testing

/// A row of argo-rollouts `TestApproximateWeightedNewStableReplicaCounts`
/// (utils/replicaset/canary_test.go) or one derived from the same algorithm.
struct WeightedSplitCase: Sendable, CustomTestStringConvertible {
    var replicas: Int
    var weight: Int
    var maxSurge: Int
    var canary: Int
    var stable: Int

    var testDescription: String { "R=\(replicas) w=\(weight) surge=\(maxSurge)" }
}

private func row(_ replicas: Int, _ weight: Int, _ maxSurge: Int, _ canary: Int, _ stable: Int) -> WeightedSplitCase {
    WeightedSplitCase(replicas: replicas, weight: weight, maxSurge: maxSurge, canary: canary, stable: stable)
}

/// The full upstream table, then cases it does not reach.
let weightedSplitCases: [WeightedSplitCase] = [
    row(0, 0, 0, 0, 0), row(0, 50, 0, 0, 0), row(0, 100, 0, 0, 0),
    row(0, 0, 1, 0, 0), row(0, 50, 1, 0, 0), row(0, 100, 1, 0, 0),
    row(1, 0, 0, 0, 1), row(1, 1, 0, 0, 1), row(1, 49, 0, 0, 1), row(1, 50, 0, 1, 0), row(1, 99, 0, 1, 0),
    row(1, 100, 0, 1, 0),
    row(1, 0, 1, 0, 1), row(1, 1, 1, 1, 1), row(1, 49, 1, 1, 1), row(1, 50, 1, 1, 1), row(1, 99, 1, 1, 1),
    row(1, 100, 1, 1, 0),
    row(2, 0, 0, 0, 2), row(2, 1, 0, 1, 1), row(2, 50, 0, 1, 1), row(2, 99, 0, 1, 1), row(2, 100, 0, 2, 0),
    row(2, 0, 1, 0, 2), row(2, 1, 1, 1, 2), row(2, 50, 1, 1, 1), row(2, 99, 1, 2, 1), row(2, 100, 1, 2, 0),
    row(3, 10, 0, 1, 2), row(3, 25, 0, 1, 2), row(3, 33, 0, 1, 2), row(3, 34, 0, 1, 2), row(3, 49, 0, 1, 2),
    row(3, 50, 0, 2, 1),
    row(3, 10, 1, 1, 3), row(3, 25, 1, 1, 3), row(3, 33, 1, 1, 2), row(3, 34, 1, 1, 2), row(3, 49, 1, 2, 2),
    row(3, 50, 1, 2, 2),
    row(10, 0, 1, 0, 10), row(10, 1, 0, 1, 9), row(10, 14, 0, 1, 9), row(10, 15, 0, 2, 8), row(10, 16, 0, 2, 8),
    row(10, 99, 0, 9, 1), row(10, 100, 1, 10, 0),
    row(10, 0, 1, 0, 10), row(10, 1, 1, 1, 10), row(10, 18, 1, 2, 9), row(10, 19, 1, 2, 9), row(10, 20, 1, 2, 8),
    row(10, 23, 1, 2, 8), row(10, 24, 1, 3, 8), row(10, 25, 1, 3, 8), row(10, 99, 1, 10, 1),
    row(10, 100, 1, 10, 0),
    // Not upstream: only whether surge is positive matters, not how large it is.
    row(10, 1, 3, 1, 10),
    // Not upstream: a .5 tie whose ceiling is every pod leaves no allowed candidate without
    // surge, and upstream falls back to no canary at all.
    row(2, 75, 0, 0, 2), row(10, 95, 0, 0, 10),
    // Not upstream: a surge candidate (R + 1 pods) is closest.
    row(10, 46, 1, 5, 6), row(10, 55, 1, 6, 5),
    // Not upstream: the surge candidates reuse the counts rounded at R. Rounding again at
    // R + 1 would offer 3 of 3 pods here and pick it, leaving no stable pod.
    row(2, 85, 1, 2, 1), row(1, 75, 1, 1, 1),
]

@Suite("Argo Rollouts weighted split approximation")
struct WeightedSplitTests {
    @Test(arguments: weightedSplitCases)
    func approximation(_ testCase: WeightedSplitCase) {
        let counts = CanaryReplicaCalculator.approximateWeightedCounts(
            replicas: testCase.replicas, weight: testCase.weight, maxSurge: testCase.maxSurge)
        #expect(counts == CanaryReplicaCounts(stable: testCase.stable, canary: testCase.canary))
    }

    @Test func candidatesComeInUpstreamOrder() {
        var candidates: [CanaryReplicaCounts] = []
        CanaryReplicaCalculator.forEachSplitCandidate(replicas: 10, weight: 24, maxSurge: 1) { candidates.append($0) }
        #expect(
            candidates == [
                .init(stable: 7, canary: 3), .init(stable: 8, canary: 2), .init(stable: 8, canary: 3),
                .init(stable: 9, canary: 2),
            ])
    }

    @Test func tiedFloorIsNotACandidate() {
        var candidates: [CanaryReplicaCounts] = []
        CanaryReplicaCalculator.forEachSplitCandidate(replicas: 3, weight: 50, maxSurge: 0) { candidates.append($0) }
        #expect(candidates == [.init(stable: 1, canary: 2)])
    }

    /// argo-rollouts `TestCalculateReplicaCountsForCanaryTrafficRouting` and `TestTrafficWeightToReplicas`.
    @Test(arguments: [(10, 10, 1), (10, 0, 0), (10, 20, 2), (10, 25, 3), (10, 33, 4), (10, 99, 10), (10, 100, 10)])
    func trafficRouted(replicas: Int, weight: Int, canary: Int) {
        let counts = CanaryReplicaCalculator.trafficRoutedCounts(replicas: replicas, weight: weight)
        #expect(counts == CanaryReplicaCounts(stable: replicas, canary: canary))
    }

    @Test func trafficRoutedSinglePodCanary() {
        #expect(CanaryReplicaCalculator.trafficRoutedCounts(replicas: 4, weight: 1) == .init(stable: 4, canary: 1))
    }

    @Test func canaryShareOfASplit() {
        #expect(CanaryReplicaCounts(stable: 8, canary: 3).canaryShare == 3.0 / 11.0)
        #expect(CanaryReplicaCounts(stable: 0, canary: 0).canaryShare == 0)
        #expect(CanaryReplicaCounts(stable: 0, canary: 4).canaryShare == 1)
    }

    @Test(arguments: [(10, 1, 1, 11), (10, 0, 1, 10), (1, 0, 1, 1), (1, 1, 1, 2), (4, 0, 1, 4), (4, 1, 1, 5)])
    func finestSplit(replicas: Int, maxSurge: Int, canary: Int, total: Int) {
        let split = CanaryReplicaCalculator.finestSplit(replicas: replicas, maxSurge: maxSurge)
        #expect(split?.canary == canary)
        #expect(split?.total == total)
    }

    @Test func noSplitWithoutReplicas() {
        #expect(CanaryReplicaCalculator.finestSplit(replicas: 0, maxSurge: 1) == nil)
    }
}
