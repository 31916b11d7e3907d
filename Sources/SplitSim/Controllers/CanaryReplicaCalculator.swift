/// Argo Rollouts' canary replica math (`utils/replicaset/canary.go`): how many stable and
/// canary pods the controller asks for in one reconcile.
///
/// Weights are percentages in 0…100 and counts are non-negative, as the Rollout API
/// validates upstream; results for other inputs are unspecified but never trap.
///
/// The basic-canary math runs in Go's `int32` arithmetic, as upstream does: every count is an
/// `int32` there and products and sums wrap around on overflow. So a state whose numbers leave
/// that range part way, e.g. `spec.replicas` above 21 474 836 at weight 100 (`R·w` overflows in
/// `approximateWeightedCanaryStableReplicaCounts`), gets the same counts as the real controller,
/// even when those are nonsense such as a negative canary. Within the range nothing wraps and the
/// arithmetic is ordinary. Inputs beyond `Int32` are first truncated to 32 bits.
public enum CanaryReplicaCalculator {
    /// The desired (stable, canary) counts of one reconcile of a basic canary, the one
    /// without a traffic router, where the weight is realised by pod counts alone
    /// (upstream `CalculateReplicaCountsForBasicCanary`).
    ///
    /// The target split comes from ``approximateWeightedCounts(replicas:weight:maxSurge:)``.
    /// Scale-up stays within `replicas + maxSurge` pods and grows the stable set before the
    /// canary. While an older ReplicaSet still holds pods nothing else shrinks. Scale-down
    /// keeps `replicas − maxUnavailable` pods available, counting the set being drained by
    /// spec: the stable set while the canary grows, the canary set when it shrinks (abort).
    /// A last adjustment takes pods from the other set when both together exceed the
    /// surge limit, but never below the availability floor.
    ///
    /// - Complexity: O(n) in the number of older ReplicaSets; no allocation.
    public static func basicCanaryCounts(for state: CanaryRolloutState) -> CanaryReplicaCounts {
        // Upstream line references: utils/replicaset/canary.go, CalculateReplicaCountsForBasicCanary.
        let replicas = Int32(truncatingIfNeeded: state.replicas)
        let limits = state.int32Limits
        let target = approximateWeightedSplit(
            replicas: replicas, weight: Int32(truncatingIfNeeded: state.weight), maxSurge: limits.maxSurge)
        let stableSet = Int32ReplicaSet(state.stable)
        let canarySet = Int32ReplicaSet(state.canary)
        var stable = stableSet.spec
        var canary = canarySet.spec

        let maxTotal = replicas &+ limits.maxSurge
        var olderSpec: Int32 = 0
        for replicaSet in state.older {
            olderSpec &+= Int32(truncatingIfNeeded: replicaSet.spec)
        }
        var scaleUp = maxTotal &- (olderSpec &+ canary &+ stable)
        // The stable set grows first so that shifting weight never leaves it short of its share.
        if stable < target.stable && scaleUp > 0 {
            if stable &+ scaleUp < target.stable {
                stable &+= scaleUp
                scaleUp = 0
            } else {
                scaleUp &-= target.stable &- stable
                stable = target.stable
            }
        }
        if canary < target.canary && scaleUp > 0 {
            canary = canary &+ scaleUp < target.canary ? canary &+ scaleUp : target.canary
        }
        // Older sets still receive connections; they are scaled down elsewhere, and until
        // then shrinking stable or canary as well could drop below the availability floor.
        if olderSpec > 0 {
            return CanaryReplicaCounts(stable: Int(stable), canary: Int(canary))
        }

        let minAvailable = replicas &- limits.maxUnavailable
        // The set being drained counts by spec, not availability: a drained set stuck with
        // crashing pods must still shrink, or the rollout could never make room.
        let canaryGrows = target.canary >= canarySet.spec
        let countable =
            scaleDownBasis(canarySet, ignoringAvailability: !canaryGrows)
            &+ scaleDownBasis(stableSet, ignoringAvailability: canaryGrows)
        guard countable > minAvailable else {
            return CanaryReplicaCounts(stable: Int(stable), canary: Int(canary))
        }
        let scaleDown = countable &- minAvailable
        if canaryGrows {
            stable = drained(stableSet, toward: target.stable, by: scaleDown, current: stable)
            (stable, canary) = keptWithinLimits(
                drainedSet: stableSet, drainedCount: stable, adjustedSet: canarySet, adjustedCount: canary,
                maxTotal: maxTotal, minAvailable: minAvailable)
        } else {
            canary = drained(canarySet, toward: target.canary, by: scaleDown, current: canary)
            (canary, stable) = keptWithinLimits(
                drainedSet: canarySet, drainedCount: canary, adjustedSet: stableSet, adjustedCount: stable,
                maxTotal: maxTotal, minAvailable: minAvailable)
        }
        return CanaryReplicaCounts(stable: Int(stable), canary: Int(canary))
    }

    /// The desired counts of a canary behind a traffic router (upstream
    /// `CalculateReplicaCountsForTrafficRoutedCanary` without `setCanaryScale`,
    /// `dynamicStableScale` or `minPodsPerReplicaSet`): the canary gets `ceil(w·R/maxWeight)`
    /// pods, computed once from the weight (upstream `trafficWeightToReplicas` with
    /// `maxTrafficWeight`), and the stable set keeps all `R`, because the router, not pod
    /// counts, splits traffic.
    ///
    /// - Complexity: O(1).
    public static func trafficRoutedCounts(replicas: Int, weight: Int, maxWeight: Int = 100) -> CanaryReplicaCounts {
        let total = max(maxWeight, 1)
        return CanaryReplicaCounts(stable: replicas, canary: (weight * replicas + total - 1) / total)
    }

    /// The (stable, canary) split whose canary share comes closest to `weight`
    /// (upstream `approximateWeightedCanaryStableReplicaCounts`).
    ///
    /// Candidates are visited in the order of ``forEachSplitCandidate(replicas:weight:maxSurge:_:)``
    /// and the first one with the smallest distance wins. When no candidate is allowed (a .5
    /// tie whose ceiling is all pods and no surge, e.g. 10 replicas at 95 % without surge)
    /// upstream falls back to no canary pods at all, and so does this.
    ///
    /// - Parameter maxSurge: the resolved surge; only whether it is positive matters.
    /// - Complexity: O(1); no allocation.
    public static func approximateWeightedCounts(replicas: Int, weight: Int, maxSurge: Int) -> CanaryReplicaCounts {
        approximateWeightedSplit(
            replicas: Int32(truncatingIfNeeded: replicas), weight: Int32(truncatingIfNeeded: weight),
            maxSurge: Int32(truncatingIfNeeded: maxSurge)
        ).counts
    }

    /// Calls `body` with each split the weighted approximation considers, in upstream order:
    /// the ceiling and the floor of `w·R/100` canary pods out of `R`, then, when surge is
    /// allowed, the same two canary counts out of `R + 1`.
    ///
    /// A ceiling equal to `R` is skipped (it would leave no stable pod), a floor of 0 is
    /// skipped (no canary pod), and a floor is skipped when it ties with the ceiling
    /// (the fraction is exactly .5), so ties go to the larger canary. Zero pods on either
    /// side is allowed at weights 0 and 100, and for a single replica without surge.
    ///
    /// - Complexity: O(1); calls `body` at most four times.
    public static func forEachSplitCandidate(
        replicas: Int, weight: Int, maxSurge: Int, _ body: (CanaryReplicaCounts) -> Void
    ) {
        forEachSplit(
            replicas: Int32(truncatingIfNeeded: replicas), weight: Int32(truncatingIfNeeded: weight),
            maxSurge: Int32(truncatingIfNeeded: maxSurge)
        ) { body($0.counts) }
    }

    /// The split with the smallest non-zero canary share any weight from 1 to 100 can
    /// produce for `replicas` pods in a basic canary, or `nil` when there are no pods.
    /// This is the granularity of a ReplicaSet-based split, e.g. 1 of 11 pods for 10
    /// replicas with surge.
    ///
    /// - Parameter maxSurge: the resolved surge.
    /// - Complexity: O(1): a hundred approximations.
    public static func finestSplit(replicas: Int, maxSurge: Int) -> CanaryReplicaCounts? {
        var finest: CanaryReplicaCounts?
        for weight in 1...100 {
            let split = approximateWeightedCounts(replicas: replicas, weight: weight, maxSurge: maxSurge)
            guard split.canary > 0 else { continue }
            if let current = finest, current.canary * split.total <= split.canary * current.total {
                continue
            }
            finest = split
        }
        return finest
    }

    // MARK: - Steps of the upstream algorithm, in Go's int32 arithmetic

    /// `canary` pods out of `total`, both `int32` as upstream's `canaryOption`.
    private struct Int32Split {
        var canary: Int32
        var total: Int32

        var stable: Int32 { total &- canary }
        var counts: CanaryReplicaCounts { CanaryReplicaCounts(stable: Int(stable), canary: Int(canary)) }
    }

    /// The two numbers of a ReplicaSet as the `int32` fields upstream reads.
    private struct Int32ReplicaSet {
        var spec: Int32
        var available: Int32

        init(_ state: ReplicaSetState) {
            spec = Int32(truncatingIfNeeded: state.spec)
            available = Int32(truncatingIfNeeded: state.available)
        }
    }

    /// Upstream `approximateWeightedCanaryStableReplicaCounts` (canary.go L218-273).
    private static func approximateWeightedSplit(replicas: Int32, weight: Int32, maxSurge: Int32) -> Int32Split {
        guard replicas != 0 else { return Int32Split(canary: 0, total: 0) }
        var best: Int32Split?
        var bestDelta = 0.0
        forEachSplit(replicas: replicas, weight: weight, maxSurge: maxSurge) { candidate in
            let delta = weightDelta(candidate, from: weight)
            if best == nil || delta < bestDelta {
                best = candidate
                bestDelta = delta
            }
        }
        return best ?? Int32Split(canary: 0, total: replicas)
    }

    /// The candidates of canary.go L230-255, in that order.
    private static func forEachSplit(
        replicas: Int32, weight: Int32, maxSurge: Int32, _ body: (Int32Split) -> Void
    ) {
        guard replicas != 0 else { return }
        // L230-231: the int32 product `specReplicas*desiredWeight` wraps before the division.
        let scaled = Double(replicas &* weight) / 100
        let ceiling = Int32(scaled.rounded(.up))
        let floor = Int32(scaled.rounded(.down))
        let zeroAllowed = weight == 0 || weight == 100 || (replicas == 1 && maxSurge == 0)
        let floorAllowed = floor != 0 || zeroAllowed

        if ceiling < replicas || zeroAllowed {
            body(Int32Split(canary: ceiling, total: replicas))
        }
        if floorAllowed && !isTied(weight: weight, total: replicas) {
            body(Int32Split(canary: floor, total: replicas))
        }
        // Upstream keeps the counts rounded at R and only re-checks the tie at R + 1.
        if maxSurge > 0 {
            let surged = replicas &+ 1
            body(Int32Split(canary: ceiling, total: surged))
            if floorAllowed && !isTied(weight: weight, total: surged) {
                body(Int32Split(canary: floor, total: surged))
            }
        }
    }

    /// The pods of `replicaSet` that count toward the availability floor (upstream
    /// `GetReplicasForScaleDown`, canary.go L468-484).
    ///
    /// A set whose spec is below its available pods counts by spec, since the surplus pods
    /// are already terminating.
    private static func scaleDownBasis(_ replicaSet: Int32ReplicaSet, ignoringAvailability: Bool) -> Int32 {
        ignoringAvailability ? replicaSet.spec : min(replicaSet.spec, replicaSet.available)
    }

    /// The new count of the set being drained: `scaleDown` pods fewer, but not below its target
    /// (upstream `calculateScaleDownReplicaCount`, canary.go L294-301).
    private static func drained(
        _ replicaSet: Int32ReplicaSet, toward target: Int32, by scaleDown: Int32, current: Int32
    )
        -> Int32
    {
        replicaSet.spec > target ? max(target, replicaSet.spec &- scaleDown) : current
    }

    /// Upstream `adjustReplicaWithinLimits` (canary.go L306-339): trims the other set so both fit
    /// `maxTotal`, gives back what that trim cost in availability below `minAvailable`, then trims
    /// the drained set by whatever still exceeds `maxTotal`.
    private static func keptWithinLimits(
        drainedSet: Int32ReplicaSet, drainedCount: Int32, adjustedSet: Int32ReplicaSet, adjustedCount: Int32,
        maxTotal: Int32, minAvailable: Int32
    ) -> (drained: Int32, adjusted: Int32) {
        var adjusted = adjustedCount &- max(0, adjustedCount &+ drainedCount &- maxTotal)
        let availableAfter = min(drainedSet.available, drainedCount) &+ min(adjustedSet.available, adjusted)
        let availabilityLost = max(0, adjustedSet.available &- adjusted)
        adjusted &+= min(availabilityLost, max(0, minAvailable &- availableAfter))
        let drained = drainedCount &- max(0, adjusted &+ drainedCount &- maxTotal)
        return (drained, adjusted)
    }

    /// Whether `weight` % of `total` pods lies exactly halfway between two counts
    /// (upstream `floorCeilingTied`, canary.go L279-282).
    ///
    /// Computed in binary floating point exactly as upstream does, so that the rare
    /// weights where rounding decides agree with the real controller.
    private static func isTied(weight: Int32, total: Int32) -> Bool {
        let exact = Double(total) * (Double(weight) / 100)
        return exact - exact.rounded(.towardZero) == 0.5
    }

    /// How far the canary share of `split` is from `weight`, in percentage points, in
    /// upstream's floating point so that equal-looking distances compare as they do there
    /// (upstream `weightDelta`, canary.go L286-289, whose `canaryReplicas*maxWeight` is int32).
    private static func weightDelta(_ split: Int32Split, from weight: Int32) -> Double {
        abs(Double(split.canary &* 100) / Double(split.total) - Double(weight))
    }
}
