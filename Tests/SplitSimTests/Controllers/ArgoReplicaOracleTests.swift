import SplitSim
import Testing

/// One state of an Argo Rollouts canary and the counts the controller asks for in one reconcile,
/// as computed by a line-by-line transliteration of upstream (argoproj/argo-rollouts
/// utils/replicaset/canary.go `CalculateReplicaCountsForBasicCanary` L124-211 and
/// `CalculateReplicaCountsForTrafficRoutedCanary` L377-393; utils/replicaset/replicaset.go
/// `resolveFenceposts` L407-426, `MaxUnavailable` L429-448, `MaxSurge` L451-459; k8s.io/apimachinery
/// intstr.go `GetValueFromIntOrPercent` L203-219), with Go's int32 wrap-around, checked against
/// upstream's own `TestCalculateReplicaCountsForCanary` and `TestApproximateWeightedNewStableReplicaCounts`
/// rows. Line numbers are those of argo-rollouts 9f8d111d.
struct ArgoOracleCase: Sendable, CustomTestStringConvertible {
    var replicas: Int
    var weight: Int
    /// nil: Argo's default, `"25"`, which `GetValueFromIntOrPercent` reads as 25 % (defaults.go L24).
    var maxSurge: IntOrPercent?
    /// nil: Argo's default 25 % (defaults.go L26).
    var maxUnavailable: IntOrPercent?
    /// nil: the stable set fully available at `replicas`, as `splitsim replicas` defaults it.
    var stable: ReplicaSetState?
    var canary: ReplicaSetState
    var older: [ReplicaSetState]
    var routed: Bool
    var expected: CanaryReplicaCounts

    var state: CanaryRolloutState {
        CanaryRolloutState(
            replicas: replicas, weight: weight, maxSurge: maxSurge ?? RollingUpdateParameters.defaults.maxSurge,
            maxUnavailable: maxUnavailable ?? RollingUpdateParameters.defaults.maxUnavailable, stable: stable,
            canary: canary, older: older)
    }

    var testDescription: String {
        var text = "R \(replicas) w \(weight)"
        if let maxSurge { text += " surge \(maxSurge)" }
        if let maxUnavailable { text += " unavailable \(maxUnavailable)" }
        if let stable { text += " stable \(stable.spec)/\(stable.available)" }
        text += " canary \(canary.spec)/\(canary.available)"
        for set in older { text += " older \(set.spec)/\(set.available)" }
        return text + (routed ? " routed" : "")
    }
}

private func rs(_ spec: Int, _ available: Int) -> ReplicaSetState {
    ReplicaSetState(spec: spec, available: available)
}

private func oracle(
    _ replicas: Int, _ weight: Int, surge: IntOrPercent? = nil, unavailable: IntOrPercent? = nil,
    stable: ReplicaSetState? = nil, canary: ReplicaSetState = .empty, older: [ReplicaSetState] = [],
    routed: Bool = false, expect: (stable: Int, canary: Int)
) -> ArgoOracleCase {
    ArgoOracleCase(
        replicas: replicas, weight: weight, maxSurge: surge, maxUnavailable: unavailable, stable: stable,
        canary: canary, older: older, routed: routed,
        expected: CanaryReplicaCounts(stable: expect.stable, canary: expect.canary))
}

/// `splitsim replicas` against Argo's numbers. The comparison behind these rows ran the CLI over
/// R 0…12, 20, 50, 100, weights 0…100, maxSurge / maxUnavailable 0, 1, 2, 25 %, 50 %, 100 %, 0 %,
/// default, stable / canary SPEC/AVAILABLE above, at and below spec, older sets and traffic routing:
/// every state whose arithmetic stays within int32 already matched. The one class that did not was
/// the states where upstream's int32 arithmetic wraps around; those rows come first.
enum ArgoReplicaOracle {
    /// States where upstream int32 arithmetic wraps (before the fix, splitsim computed them in 64 bits).
    static let wrapping: [ArgoOracleCase] = [
        // R·w wraps in approximateWeightedCanaryStableReplicaCounts (canary.go L230-231) and R + maxSurge in L148;
        // before: stable 1 610 612 736, canary 536 870 912
        oracle(2_147_483_647, 50, expect: (2_147_483_647, -1)),
        // R + 1 wraps to −2³¹ for the surge candidate (canary.go L250-253) and R·w at L230; before: stable 2 147 483
        // 647, canary 1
        oracle(2_147_483_647, 50, surge: .count(1), unavailable: .count(0), expect: (2_147_483_647, 0)),
        // the smallest R whose R·100 leaves int32 (canary.go L230): the canary target is ceil(−2 147 483 596 / 100);
        // before: stable 16 106 128, canary 5 368 710
        oracle(21_474_837, 100, expect: (26_843_547, -5_368_709)),
        // its neighbour one below: nothing wraps
        oracle(21_474_836, 100, expect: (16_106_127, 5_368_709)),
        // the sum of spec replicas wraps (GetReplicaCountForReplicaSets, replicaset.go L355-363, at canary.go L155);
        // before: stable 9, canary 1
        oracle(
            10, 20, surge: .count(1), unavailable: .count(0), stable: rs(2_147_483_647, 2_147_483_647),
            canary: rs(1, 1), expect: (2_147_483_647, 1)),
        // the older sets' spec sum wraps to −2³¹, not > 0, so scale-down proceeds (canary.go L182); before: stable 10,
        // canary 2
        oracle(
            10, 20, surge: .count(1), unavailable: .count(0), stable: rs(10, 10), canary: rs(2, 2),
            older: [rs(2_147_483_647, 0), rs(1, 0)], expect: (8, 2)),
        // weight 0 at R = 2³¹−1: maxReplicaCountAllowed R + 1 wraps (canary.go L148), so the canary is not drained;
        // before: stable 2 147 483 647, canary 0
        oracle(
            2_147_483_647, 0, surge: .count(1), unavailable: .count(0), canary: rs(5, 5), expect: (2_147_483_647, 5)),
        // a percentage above 2³¹: resolveFenceposts truncates the Go int to int32 (replicaset.go L425); before: a usage
        // error
        oracle(100, 20, surge: .percent(3_000_000_000), unavailable: .count(0), expect: (100, 0)),
        // surge ceil(2 147 483 647 · 200 / 100) = 4 294 967 294 becomes int32 −2 (replicaset.go L408, L425); before:
        // stable 200, canary 40
        oracle(200, 20, surge: .percent(2_147_483_647), unavailable: .count(0), expect: (200, 0)),
        // maxUnavailable truncated to int32 −2 is below R, so not capped (replicaset.go L444): the floor is 202;
        // before: stable 160, canary 40
        oracle(200, 20, surge: .count(1), unavailable: .percent(2_147_483_647), canary: rs(40, 40), expect: (161, 40)),
        // maxUnavailable 935 470 721 % truncated to int32 (replicaset.go L412, L425); before: stable 20 294, canary 1
        // 684 263
        oracle(
            2_029_232, 83, surge: .percent(1), unavailable: .percent(935_470_721), stable: rs(0, 0),
            canary: rs(2_029_231, 2_029_230), expect: (20294, 2_029_231)),
        // R·w wraps (canary.go L230) with an older set present; before: stable 119 409 661, canary 71 645 797
        oracle(
            119_409_662, 60, surge: .percent(150), unavailable: .percent(150), stable: rs(119_409_661, 119_409_661),
            canary: rs(59_704_831, 1_022_805_236), older: [rs(8513, 227_373)], expect: (133_663_211, 59_704_831)),
        // R·w wraps (canary.go L230); before: stable 1 073 741 824, canary 32 212 255
        oracle(
            1_073_741_824, 3, surge: .percent(25), unavailable: .percent(1111), canary: rs(1_073_741_823, 0),
            expect: (1_073_741_824, 268_435_456)),
        // R·w wraps (canary.go L230); before: stable 623 350 548, canary 935 025 822
        oracle(
            1_246_701_096, 91, unavailable: .count(2), stable: rs(623_350_548, 623_350_547),
            expect: (1_228_894_595, 17_806_501)),
        // R·w and R + maxSurge wrap (canary.go L148, L230); before: stable 622 770 258, canary 450 971 566
        oracle(
            1_073_741_824, 42, surge: .percent(50), unavailable: .count(4), stable: rs(1, 1), older: [rs(2, 1)],
            expect: (1_095_216_661, 0)),
        // R·w wraps (canary.go L230): the canary target becomes 0 and the canary is drained; before: stable 220 000,
        // canary 21 780 000
        oracle(
            22_000_000, 99, surge: .count(1), unavailable: .count(0), canary: rs(21_780_000, 21_780_000),
            expect: (22_000_000, 0)),
        // routed at R = 2³¹−1: trafficWeightToReplicas is float64 (canary.go L423-425), nothing wraps
        oracle(2_147_483_647, 50, routed: true, expect: (2_147_483_647, 1_073_741_824)),
    ]

    /// States of the comparison grid, all within int32, where splitsim already agreed.
    static let grid: [ArgoOracleCase] = [
        // defaults 25 %/25 % of 10: surge 3, unavailable 2 (replicaset.go L407-459, defaults.go L24-26)
        oracle(10, 20, expect: (8, 2)),
        // canary scale-up within R + maxSurge (canary.go L172-180)
        oracle(10, 20, surge: .count(1), unavailable: .count(0), expect: (10, 1)),
        // stable scaled down once the canary is available (canary.go L205-208)
        oracle(10, 20, surge: .count(1), unavailable: .count(0), stable: rs(10, 10), canary: rs(2, 2), expect: (8, 2)),
        // the availability floor holds the stable set (canary.go L195-198)
        oracle(10, 20, surge: .count(1), unavailable: .count(0), stable: rs(10, 10), canary: rs(2, 0), expect: (10, 2)),
        // .5 tie at R, the R + 1 candidate wins (canary.go L233-255)
        oracle(10, 5, surge: .count(1), unavailable: .count(1), expect: (10, 1)),
        // tie goes to the larger canary (floorCeilingTied, canary.go L279-282)
        oracle(3, 50, surge: .count(0), unavailable: .count(1), expect: (2, 0)),
        // 2 of 4 with surge (canary.go L249-255)
        oracle(3, 50, surge: .count(1), unavailable: .count(0), expect: (3, 1)),
        // 5 · 0.7 rounds to 3.5 in float64: a tie only in floating point (canary.go L280)
        oracle(5, 70, surge: .count(1), unavailable: .count(0), expect: (5, 1)),
        // zero allowed for one replica without surge (canary.go L237)
        oracle(1, 10, surge: .count(0), unavailable: .count(1), expect: (1, 0)),
        // one replica with surge: 1 of 2 (canary.go L249-250)
        oracle(1, 99, surge: .count(1), unavailable: .count(0), expect: (1, 1)),
        // no candidate at all: the fallback of no canary (canary.go L257-259)
        oracle(10, 95, surge: .count(0), unavailable: .count(1), expect: (10, 0)),
        // no replicas (canary.go L219; MaxUnavailable 0, replicaset.go L431)
        oracle(0, 50, expect: (0, 0)),
        // weight 100 within surge (canary.go L172-180)
        oracle(4, 100, surge: .count(3), unavailable: .count(0), expect: (4, 3)),
        // abort with the canary's available above its spec: the canary is drained (canary.go L193, L201-204)
        oracle(10, 0, surge: .count(1), unavailable: .count(0), stable: rs(10, 10), canary: rs(2, 5), expect: (10, 0)),
        // abort without surge: the canary is drained within maxUnavailable (canary.go L201-204)
        oracle(10, 0, surge: .count(0), unavailable: .count(2), stable: rs(8, 8), canary: rs(2, 2), expect: (8, 0)),
        // upstream row "Scale down newRS and stable" (canary_test.go)
        oracle(10, 30, surge: .count(0), unavailable: .count(3), stable: rs(8, 5), canary: rs(4, 4), expect: (7, 3)),
        // adjustReplicaWithinLimits trims the canary to the surge limit (canary.go L306-339)
        oracle(10, 100, surge: .count(1), unavailable: .count(0), stable: rs(10, 2), canary: rs(10, 8), expect: (2, 9)),
        // GetReplicasForScaleDown counts spec when available exceeds it (canary.go L472-479)
        oracle(10, 100, surge: .count(3), unavailable: .count(0), stable: rs(7, 8), canary: rs(6, 3), expect: (7, 6)),
        // an older set with pods blocks every scale-down (canary.go L182-186)
        oracle(10, 50, surge: .count(2), unavailable: .count(1), older: [rs(2, 2)], expect: (10, 0)),
        // an older set with spec 0 does not (GetReplicaCountForReplicaSets sums spec)
        oracle(10, 50, surge: .count(2), unavailable: .count(1), older: [rs(0, 3)], expect: (9, 2)),
        // both fenceposts resolve to 0: unavailable becomes 1 (replicaset.go L417-423)
        oracle(3, 50, surge: .count(0), unavailable: .percent(25), expect: (2, 0)),
        // same for one replica at 0 % / 50 %
        oracle(1, 50, surge: .percent(0), unavailable: .percent(50), expect: (0, 0)),
        // percentage surge rounds up (intstr.go L213)
        oracle(10, 33, surge: .percent(50), unavailable: .count(0), expect: (10, 3)),
        // 3.5 tie on 7 replicas
        oracle(7, 50, surge: .percent(25), unavailable: .percent(25), expect: (6, 2)),
        // 1 of 101 is closer to 1 % than 1 of 100 (weightDelta, canary.go L286-289)
        oracle(100, 1, surge: .count(1), unavailable: .count(0), expect: (100, 1)),
        // defaults on 20 replicas
        oracle(20, 66, expect: (15, 5)),
        // surge 100 % of 12
        oracle(12, 75, surge: .percent(100), unavailable: .count(0), expect: (12, 9)),
        // the floor counts the canary by availability while it grows (canary.go L194)
        oracle(
            50, 90, surge: .count(1), unavailable: .count(1), stable: rs(50, 50), canary: rs(40, 38), expect: (11, 40)),
        // the canary grows within surge; counted by availability it holds the stable set (canary.go L172-180, L194-198)
        oracle(10, 75, surge: .count(2), unavailable: .count(2), stable: rs(5, 5), canary: rs(5, 3), expect: (5, 7)),
        // 99 % of 12 without surge keeps one stable pod (canary.go L239)
        oracle(12, 99, surge: .count(0), unavailable: .count(1), stable: rs(2, 2), canary: rs(10, 10), expect: (1, 10)),
        // older set present while both grew: nothing shrinks (canary.go L182)
        oracle(
            9, 66, surge: .count(2), unavailable: .count(0), stable: rs(9, 9), canary: rs(7, 7), older: [rs(1, 1)],
            expect: (9, 7)),
        // routed: ceil(33 · 10 / 100) = 4 canary pods, stable keeps all (canary.go L386, L392)
        oracle(10, 33, routed: true, expect: (10, 4)),
        // routed: 1 canary pod for 5 % of 4
        oracle(4, 5, routed: true, expect: (4, 1)),
        // routed: no replicas, no pods
        oracle(0, 50, routed: true, expect: (0, 0)),
        // routed: ceil(1 · 200 / 100) = 2
        oracle(200, 1, routed: true, expect: (200, 2)),
    ]
}

@Suite("Argo Rollouts replica oracle")
struct ArgoReplicaOracleTests {
    @Test("int32 wrap-around as in the Go controller", arguments: ArgoReplicaOracle.wrapping)
    func wrapping(_ item: ArgoOracleCase) {
        #expect(counts(of: item) == item.expected)
    }

    @Test("grid states", arguments: ArgoReplicaOracle.grid)
    func grid(_ item: ArgoOracleCase) {
        #expect(counts(of: item) == item.expected)
    }

    /// The limits the text output prints are the int32 ones the counts use (replicaset.go L425, L444).
    @Test func limitsAreTheInt32Fenceposts() {
        let state = CanaryRolloutState(
            replicas: 200, weight: 20, maxSurge: .count(1), maxUnavailable: .percent(2_147_483_647))
        #expect(state.limits == RollingUpdateLimits(maxSurge: 1, maxUnavailable: -2))
        let defaults = CanaryRolloutState(replicas: 10, weight: 20)
        #expect(defaults.limits == RollingUpdateLimits(maxSurge: 3, maxUnavailable: 2))
    }

    private func counts(of item: ArgoOracleCase) -> CanaryReplicaCounts {
        item.routed
            ? CanaryReplicaCalculator.trafficRoutedCounts(replicas: item.replicas, weight: item.weight)
            : CanaryReplicaCalculator.basicCanaryCounts(for: item.state)
    }
}
