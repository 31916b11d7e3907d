import SplitSim
import Testing

/// One reconcile of an Argo Rollouts basic canary and the counts the controller asks for.
struct BasicCanaryCase: Sendable, CustomTestStringConvertible {
    var name: String
    var replicas: Int
    var weight: Int
    var maxSurge: IntOrPercent
    var maxUnavailable: IntOrPercent
    var stable: ReplicaSetState
    var canary: ReplicaSetState
    var older: [ReplicaSetState] = []
    var expected: CanaryReplicaCounts

    var testDescription: String { name }
}

private func rs(_ spec: Int, _ available: Int) -> ReplicaSetState {
    ReplicaSetState(spec: spec, available: available)
}

/// Cases named in quotes are rows of argo-rollouts `TestCalculateReplicaCountsForCanary`
/// (utils/replicaset/canary_test.go); the others are derived from the algorithm to reach
/// the branches that table leaves out.
let basicCanaryCases: [BasicCanaryCase] = [
    // Scale-up within R + maxSurge.
    BasicCanaryCase(
        name: "'Use max surge int to scale up canary'", replicas: 10, weight: 20, maxSurge: .count(2),
        maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 10, canary: 2)),
    BasicCanaryCase(
        name: "'Use max surge percentage to scale up canary'", replicas: 10, weight: 20, maxSurge: .percent(20),
        maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 10, canary: 2)),
    BasicCanaryCase(
        name: "'Do not go past max surge'", replicas: 10, weight: 30, maxSurge: .count(2),
        maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 10, canary: 2)),
    BasicCanaryCase(
        name: "'honor maxSurge during scale up when stableRS unavailable'", replicas: 4, weight: 100,
        maxSurge: .count(1), maxUnavailable: .count(0), stable: rs(4, 1), canary: rs(0, 0),
        expected: .init(stable: 4, canary: 1)),
    BasicCanaryCase(
        name: "'promote full still honors maxSurge/maxUnavailable' (full promotion = weight 100)", replicas: 4,
        weight: 100, maxSurge: .count(3), maxUnavailable: .count(0), stable: rs(4, 4), canary: rs(0, 0),
        expected: .init(stable: 4, canary: 3)),
    // The surge candidate (R + 1 pods) wins: 1 of 11 is closer to 1 % than 1 of 10.
    BasicCanaryCase(
        name: "surge candidate wins at weight 1", replicas: 10, weight: 1, maxSurge: .count(1),
        maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 10, canary: 1)),

    // Scale-down gated by availability.
    BasicCanaryCase(
        name: "'Scale down extra stable replicas'", replicas: 10, weight: 20, maxSurge: .percent(20),
        maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(2, 2), expected: .init(stable: 8, canary: 2)),
    BasicCanaryCase(
        name: "stable waits while the new canary pods are not available", replicas: 10, weight: 20,
        maxSurge: .percent(20), maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(2, 0),
        expected: .init(stable: 10, canary: 2)),
    BasicCanaryCase(
        name: "'Use max unavailable int to scale down stableRS'", replicas: 10, weight: 20, maxSurge: .count(0),
        maxUnavailable: .count(2), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 8, canary: 0)),
    BasicCanaryCase(
        name: "'Use max surge percentage to scale down stableRS' (a percentage maxUnavailable)", replicas: 10,
        weight: 20, maxSurge: .count(0), maxUnavailable: .percent(20), stable: rs(10, 10), canary: rs(0, 0),
        expected: .init(stable: 8, canary: 0)),
    BasicCanaryCase(
        name: "'Do not go past max unavailable'", replicas: 10, weight: 30, maxSurge: .count(0),
        maxUnavailable: .count(2), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 8, canary: 0)),
    BasicCanaryCase(
        name: "'Use Max Surge and Max Unavailable'", replicas: 10, weight: 50, maxSurge: .count(2),
        maxUnavailable: .count(1), stable: rs(10, 10), canary: rs(0, 0), expected: .init(stable: 9, canary: 2)),
    BasicCanaryCase(
        name: "'Scale down newRS and stable'", replicas: 10, weight: 30, maxSurge: .count(0),
        maxUnavailable: .count(3), stable: rs(8, 5), canary: rs(4, 4), expected: .init(stable: 7, canary: 3)),
    BasicCanaryCase(
        name: "'Scale down stable and canary available' (canary trimmed to the surge limit)", replicas: 10,
        weight: 100, maxSurge: .count(1), maxUnavailable: .count(0), stable: rs(10, 2), canary: rs(10, 8),
        expected: .init(stable: 2, canary: 9)),
    BasicCanaryCase(
        name: "'Do not add extra RSs in scaleDownCount when .Spec.Replica < AvailableReplicas'", replicas: 10,
        weight: 100, maxSurge: .count(3), maxUnavailable: .count(0), stable: rs(7, 8), canary: rs(6, 3),
        expected: .init(stable: 7, canary: 6)),
    BasicCanaryCase(
        name: "'honor maxUnavailable during scale down stableRS unavailable'", replicas: 4, weight: 100,
        maxSurge: .count(1), maxUnavailable: .count(0), stable: rs(4, 1), canary: rs(1, 1),
        expected: .init(stable: 3, canary: 1)),
    BasicCanaryCase(
        name: "'scale down to maxunavailable without exceeding maxSurge'", replicas: 3, weight: 99,
        maxSurge: .count(0), maxUnavailable: .count(2), stable: rs(3, 3), canary: rs(0, 0),
        expected: .init(stable: 1, canary: 0)),
    BasicCanaryCase(
        name: "'scale down to maxunavailable without exceeding maxSurge (part 2)'", replicas: 3, weight: 99,
        maxSurge: .count(0), maxUnavailable: .count(2), stable: rs(1, 1), canary: rs(0, 0),
        expected: .init(stable: 1, canary: 2)),
    BasicCanaryCase(
        name: "'Do not round past maxSurge with uneven setWeight divisor'", replicas: 10, weight: 5,
        maxSurge: .count(0), maxUnavailable: .count(1), stable: rs(10, 10), canary: rs(0, 0),
        expected: .init(stable: 9, canary: 0)),
    BasicCanaryCase(
        name: "'Do not round past maxSurge with uneven setWeight divisor (part 2)'", replicas: 10, weight: 5,
        maxSurge: .count(0), maxUnavailable: .count(1), stable: rs(9, 9), canary: rs(0, 0),
        expected: .init(stable: 9, canary: 1)),
    BasicCanaryCase(
        name: "'Use maxUnavailable of 1 when percentage of maxUnavailable and maxSurge result in 0 replicas'",
        replicas: 10, weight: 10, maxSurge: .percent(0), maxUnavailable: .percent(0), stable: rs(10, 10),
        canary: rs(0, 0), expected: .init(stable: 9, canary: 0)),

    // Weights 0 and 100, and abort (the canary shrinks, so the canary set is the one drained).
    BasicCanaryCase(
        name: "'Scale canaryRS to zero on setWeight of 0%'", replicas: 10, weight: 0, maxSurge: .count(1),
        maxUnavailable: .count(1), stable: rs(10, 10), canary: rs(1, 1), expected: .init(stable: 10, canary: 0)),
    BasicCanaryCase(
        name: "'Scale stable to zero on setWeight of 100%'", replicas: 10, weight: 100, maxSurge: .count(1),
        maxUnavailable: .count(1), stable: rs(1, 1), canary: rs(10, 10), expected: .init(stable: 0, canary: 10)),
    BasicCanaryCase(
        name: "'promote full does not consider weight' (full promotion = weight 100)", replicas: 4, weight: 100,
        maxSurge: .count(4), maxUnavailable: .count(4), stable: rs(4, 4), canary: rs(0, 0),
        expected: .init(stable: 0, canary: 4)),
    BasicCanaryCase(
        name: "'honor maxUnavailable when aborting or reducing weight part 1'", replicas: 4, weight: 0,
        maxSurge: .count(1), maxUnavailable: .count(0), stable: rs(0, 0), canary: rs(4, 4),
        expected: .init(stable: 1, canary: 4)),
    BasicCanaryCase(
        name: "'honor maxUnavailable when aborting or reducing weight part 2'", replicas: 4, weight: 0,
        maxSurge: .count(1), maxUnavailable: .count(0), stable: rs(1, 0), canary: rs(4, 4),
        expected: .init(stable: 1, canary: 4)),
    BasicCanaryCase(
        name: "'honor maxUnavailable when aborting or reducing weight part 3'", replicas: 4, weight: 0,
        maxSurge: .count(1), maxUnavailable: .count(0), stable: rs(1, 1), canary: rs(4, 4),
        expected: .init(stable: 1, canary: 3)),
    BasicCanaryCase(
        name: "weight lowered from 50 to 20: stable regrown first, canary drained counting its spec", replicas: 10,
        weight: 20, maxSurge: .count(1), maxUnavailable: .count(1), stable: rs(5, 5), canary: rs(5, 2),
        expected: .init(stable: 6, canary: 4)),

    // Single replica: with maxSurge 0 either side may be empty; with surge both get a pod.
    BasicCanaryCase(
        name: "'Do not scale newRS down to zero on non-zero weight'", replicas: 1, weight: 20, maxSurge: .count(1),
        maxUnavailable: .count(0), stable: rs(1, 1), canary: rs(0, 0), expected: .init(stable: 1, canary: 1)),
    BasicCanaryCase(
        name: "'Do not scale canaryRS down to zero on non-100 weight'", replicas: 1, weight: 90, maxSurge: .count(1),
        maxUnavailable: .count(0), stable: rs(1, 1), canary: rs(0, 0), expected: .init(stable: 1, canary: 1)),
    BasicCanaryCase(
        name: "R=1 without surge below the .5 tie keeps the stable pod", replicas: 1, weight: 49, maxSurge: .count(0),
        maxUnavailable: .count(1), stable: rs(1, 1), canary: rs(0, 0), expected: .init(stable: 1, canary: 0)),
    BasicCanaryCase(
        name: "R=1 without surge at the .5 tie drains the stable pod before starting the canary", replicas: 1,
        weight: 50, maxSurge: .count(0), maxUnavailable: .count(1), stable: rs(1, 1), canary: rs(0, 0),
        expected: .init(stable: 0, canary: 0)),
    BasicCanaryCase(
        name: ".5 tie goes to the larger canary: 2 of 3 at 50 %", replicas: 3, weight: 50, maxSurge: .count(0),
        maxUnavailable: .count(1), stable: rs(2, 2), canary: rs(0, 0), expected: .init(stable: 2, canary: 1)),
    BasicCanaryCase(
        name: "no allowed candidate (10 at 95 % without surge) falls back to no canary", replicas: 10, weight: 95,
        maxSurge: .count(0), maxUnavailable: .count(1), stable: rs(10, 10), canary: rs(0, 0),
        expected: .init(stable: 10, canary: 0)),

    // Older ReplicaSets hold pods: scale up only, nothing else shrinks.
    BasicCanaryCase(
        name: "'Scale up Stable before newRS'", replicas: 10, weight: 30, maxSurge: .count(1),
        maxUnavailable: .count(0), stable: rs(1, 1), canary: rs(0, 0), older: [rs(3, 3)],
        expected: .init(stable: 7, canary: 1)),
    BasicCanaryCase(
        name: "'Do not scale down newRS or stable when older RS count >= scaleDownCount'", replicas: 10, weight: 30,
        maxSurge: .count(0), maxUnavailable: .count(1), stable: rs(8, 6), canary: rs(4, 2), older: [rs(3, 3)],
        expected: .init(stable: 8, canary: 4)),
    BasicCanaryCase(
        name: "abort with an older set still up: nothing shrinks", replicas: 10, weight: 0, maxSurge: .count(1),
        maxUnavailable: .count(1), stable: rs(5, 5), canary: rs(5, 5), older: [rs(1, 1), rs(1, 0)],
        expected: .init(stable: 5, canary: 5)),
    BasicCanaryCase(
        name: "older sets that are already empty do not block scale-down", replicas: 10, weight: 20,
        maxSurge: .percent(20), maxUnavailable: .count(0), stable: rs(10, 10), canary: rs(2, 2),
        older: [rs(0, 1)], expected: .init(stable: 8, canary: 2)),
]

@Suite("Argo Rollouts basic canary counts")
struct BasicCanaryCountsTests {
    @Test(arguments: basicCanaryCases)
    func reconcile(_ testCase: BasicCanaryCase) {
        let state = CanaryRolloutState(
            replicas: testCase.replicas, weight: testCase.weight, maxSurge: testCase.maxSurge,
            maxUnavailable: testCase.maxUnavailable, stable: testCase.stable, canary: testCase.canary,
            older: testCase.older)
        #expect(CanaryReplicaCalculator.basicCanaryCounts(for: state) == testCase.expected)
    }

    @Test func defaultsAreFullyAvailableStableAndEmptyCanary() {
        let state = CanaryRolloutState(replicas: 4, weight: 25)
        #expect(state.stable == ReplicaSetState(spec: 4, available: 4))
        #expect(state.canary == .empty)
        #expect(state.limits == RollingUpdateLimits(maxSurge: 1, maxUnavailable: 1))
        // 25 % of 4 is one pod, and one surge pod plus one unavailable pod allow both
        // moves in the same reconcile.
        #expect(CanaryReplicaCalculator.basicCanaryCounts(for: state) == CanaryReplicaCounts(stable: 3, canary: 1))
    }

    @Test func repeatedReconcilesReachTheTargetSplit() {
        var state = CanaryRolloutState(replicas: 10, weight: 30, maxSurge: .count(1), maxUnavailable: .count(0))
        var seen: [CanaryReplicaCounts] = []
        for _ in 0..<20 {
            let counts = CanaryReplicaCalculator.basicCanaryCounts(for: state)
            seen.append(counts)
            if counts == CanaryReplicaCounts(stable: state.stable.spec, canary: state.canary.spec) { break }
            state.stable = .fullyAvailable(counts.stable)
            state.canary = .fullyAvailable(counts.canary)
        }
        #expect(
            seen == [
                .init(stable: 10, canary: 1), .init(stable: 9, canary: 1), .init(stable: 9, canary: 2),
                .init(stable: 8, canary: 2), .init(stable: 8, canary: 3), .init(stable: 7, canary: 3),
                .init(stable: 7, canary: 3),
            ])
    }
}
