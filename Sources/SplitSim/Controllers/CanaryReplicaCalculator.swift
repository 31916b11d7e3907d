/// Argo Rollouts' canary replica math (`utils/replicaset/canary.go`): how many stable and
/// canary pods the controller asks for in one reconcile.
///
/// Weights are percentages in 0…100 and counts are non-negative, as the Rollout API
/// validates upstream; results for other inputs are unspecified but never trap.
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
        let replicas = state.replicas
        let limits = state.limits
        let target = approximateWeightedCounts(replicas: replicas, weight: state.weight, maxSurge: limits.maxSurge)
        var stable = state.stable.spec
        var canary = state.canary.spec

        let maxTotal = replicas + limits.maxSurge
        var olderSpec = 0
        for replicaSet in state.older {
            olderSpec += replicaSet.spec
        }
        var scaleUp = maxTotal - (olderSpec + stable + canary)
        // The stable set grows first so that shifting weight never leaves it short of its share.
        if stable < target.stable && scaleUp > 0 {
            let grown = min(target.stable, stable + scaleUp)
            scaleUp -= grown - stable
            stable = grown
        }
        if canary < target.canary && scaleUp > 0 {
            canary = min(target.canary, canary + scaleUp)
        }
        // Older sets still receive connections; they are scaled down elsewhere, and until
        // then shrinking stable or canary as well could drop below the availability floor.
        if olderSpec > 0 {
            return CanaryReplicaCounts(stable: stable, canary: canary)
        }

        let minAvailable = replicas - limits.maxUnavailable
        // The set being drained counts by spec, not availability: a drained set stuck with
        // crashing pods must still shrink, or the rollout could never make room.
        let canaryGrows = target.canary >= state.canary.spec
        let countable =
            scaleDownBasis(state.canary, ignoringAvailability: !canaryGrows)
            + scaleDownBasis(state.stable, ignoringAvailability: canaryGrows)
        guard countable > minAvailable else {
            return CanaryReplicaCounts(stable: stable, canary: canary)
        }
        let scaleDown = countable - minAvailable
        if canaryGrows {
            stable = drained(state.stable, toward: target.stable, by: scaleDown, current: stable)
            (stable, canary) = keptWithinLimits(
                drainedSet: state.stable, drainedCount: stable, adjustedSet: state.canary, adjustedCount: canary,
                maxTotal: maxTotal, minAvailable: minAvailable)
        } else {
            canary = drained(state.canary, toward: target.canary, by: scaleDown, current: canary)
            (canary, stable) = keptWithinLimits(
                drainedSet: state.canary, drainedCount: canary, adjustedSet: state.stable, adjustedCount: stable,
                maxTotal: maxTotal, minAvailable: minAvailable)
        }
        return CanaryReplicaCounts(stable: stable, canary: canary)
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
        guard replicas > 0 else { return CanaryReplicaCounts(stable: 0, canary: 0) }
        var best: CanaryReplicaCounts?
        var bestDelta = 0.0
        forEachSplitCandidate(replicas: replicas, weight: weight, maxSurge: maxSurge) { candidate in
            let delta = weightDelta(candidate, from: weight)
            if best == nil || delta < bestDelta {
                best = candidate
                bestDelta = delta
            }
        }
        return best ?? CanaryReplicaCounts(stable: replicas, canary: 0)
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
        guard replicas > 0 else { return }
        let scaled = replicas * weight
        let ceiling = (scaled + 99) / 100
        let floor = scaled / 100
        let zeroAllowed = weight == 0 || weight == 100 || (replicas == 1 && maxSurge == 0)
        let floorAllowed = floor != 0 || zeroAllowed

        if ceiling < replicas || zeroAllowed {
            body(split(canary: ceiling, of: replicas))
        }
        if floorAllowed && !isTied(weight: weight, total: replicas) {
            body(split(canary: floor, of: replicas))
        }
        // Upstream keeps the counts rounded at R and only re-checks the tie at R + 1.
        if maxSurge > 0 {
            body(split(canary: ceiling, of: replicas + 1))
            if floorAllowed && !isTied(weight: weight, total: replicas + 1) {
                body(split(canary: floor, of: replicas + 1))
            }
        }
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

    // MARK: - Steps of the upstream algorithm

    /// The pods of `replicaSet` that count toward the availability floor.
    ///
    /// A set whose spec is below its available pods counts by spec, since the surplus pods
    /// are already terminating.
    private static func scaleDownBasis(_ replicaSet: ReplicaSetState, ignoringAvailability: Bool) -> Int {
        ignoringAvailability ? replicaSet.spec : min(replicaSet.spec, replicaSet.available)
    }

    /// The new count of the set being drained: `scaleDown` pods fewer, but not below its target.
    private static func drained(_ replicaSet: ReplicaSetState, toward target: Int, by scaleDown: Int, current: Int)
        -> Int
    {
        replicaSet.spec > target ? max(target, replicaSet.spec - scaleDown) : current
    }

    /// Upstream `adjustReplicaWithinLimits`: trims the other set so both fit `maxTotal`, gives
    /// back what that trim cost in availability below `minAvailable`, then trims the drained
    /// set by whatever still exceeds `maxTotal`.
    private static func keptWithinLimits(
        drainedSet: ReplicaSetState, drainedCount: Int, adjustedSet: ReplicaSetState, adjustedCount: Int,
        maxTotal: Int, minAvailable: Int
    ) -> (drained: Int, adjusted: Int) {
        var adjusted = adjustedCount - max(0, adjustedCount + drainedCount - maxTotal)
        let availableAfter = min(drainedSet.available, drainedCount) + min(adjustedSet.available, adjusted)
        let availabilityLost = max(0, adjustedSet.available - adjusted)
        adjusted += min(availabilityLost, max(0, minAvailable - availableAfter))
        let drained = drainedCount - max(0, adjusted + drainedCount - maxTotal)
        return (drained, adjusted)
    }

    /// A split of `total` pods with `canary` of them running the candidate.
    private static func split(canary: Int, of total: Int) -> CanaryReplicaCounts {
        CanaryReplicaCounts(stable: total - canary, canary: canary)
    }

    /// Whether `weight` % of `total` pods lies exactly halfway between two counts.
    ///
    /// Computed in binary floating point exactly as upstream does, so that the rare
    /// weights where rounding decides agree with the real controller.
    private static func isTied(weight: Int, total: Int) -> Bool {
        let exact = Double(total) * (Double(weight) / 100)
        return exact - exact.rounded(.towardZero) == 0.5
    }

    /// How far the canary share of `split` is from `weight`, in percentage points, in
    /// upstream's floating point so that equal-looking distances compare as they do there.
    private static func weightDelta(_ split: CanaryReplicaCounts, from weight: Int) -> Double {
        abs(Double(split.canary * 100) / Double(split.total) - Double(weight))
    }
}
