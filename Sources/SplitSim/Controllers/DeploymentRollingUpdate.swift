/// A Deployment in the middle of a rolling update, and the Kubernetes controller's sync
/// of it (`pkg/controller/deployment/rolling.go`, `util/deployment_util.go`).
///
/// The state is a value: the reconcile methods rewrite the `spec` of the ReplicaSets in
/// place and never allocate, so a simulator can call them on every pod event.
public struct DeploymentRollingUpdate: Hashable, Sendable {
    /// The Deployment's `spec.replicas`.
    public var replicas: Int
    /// `maxSurge` / `maxUnavailable` resolved for `replicas`.
    public var limits: RollingUpdateLimits
    /// The ReplicaSet of the current pod template.
    public var newReplicaSet: ReplicaSetState
    /// The ReplicaSets of earlier templates, oldest first (upstream sorts by creation time).
    public var oldReplicaSets: [ReplicaSetState]

    /// Creates a rolling-update state, resolving `parameters` for `replicas`.
    ///
    /// - Complexity: O(1).
    public init(
        replicas: Int,
        parameters: RollingUpdateParameters = .defaults,
        newReplicaSet: ReplicaSetState = .empty,
        oldReplicaSets: [ReplicaSetState]
    ) {
        self.replicas = replicas
        self.limits = parameters.limits(forReplicas: replicas)
        self.newReplicaSet = newReplicaSet
        self.oldReplicaSets = oldReplicaSets
    }

    /// The spec the new ReplicaSet scales up to (upstream `NewRSNewReplicas`): with
    /// `maxTotal = replicas + maxSurge`, unchanged when all ReplicaSets together already ask
    /// for `maxTotal` pods, else grown by the room left, but never beyond `replicas`.
    ///
    /// - Parameter totalSpec: the specs of all ReplicaSets, the new one included.
    /// - Complexity: O(1).
    public static func newReplicaSetReplicas(replicas: Int, maxSurge: Int, newSpec: Int, totalSpec: Int) -> Int {
        let maxTotal = replicas + maxSurge
        guard totalSpec < maxTotal else { return newSpec }
        return newSpec + min(maxTotal - totalSpec, replicas - newSpec)
    }

    /// Runs one sync of the rolling update, as upstream `rolloutRolling` does: scale the new
    /// ReplicaSet up if there is room, and only if that changed nothing, scale old ones down.
    ///
    /// Availability (`available`) is left as it was; it is the cluster's answer, not the
    /// controller's. Use ``settle()`` for the state the controller reaches before any pod
    /// changes readiness.
    ///
    /// - Complexity: O(n) in the number of old ReplicaSets; no allocation.
    @discardableResult
    public mutating func reconcile() -> RollingUpdateStep {
        if reconcileNewReplicaSet() {
            return .scaledNewReplicaSet
        }
        return reconcileOldReplicaSets() ? .scaledDownOldReplicaSets : .unchanged
    }

    /// Syncs until nothing moves, the state a real cluster reaches within milliseconds of a
    /// pod event, since every resize triggers the next sync long before a pod can start.
    ///
    /// Pods removed by a scale-down stop counting as available at once, because the
    /// ReplicaSet controller deletes unavailable pods first and terminating pods are never
    /// available: a set scaled down keeps `min(available, spec)` available pods.
    ///
    /// - Returns: the number of syncs that changed something.
    /// - Complexity: O(n · (R + Σ old specs)): every changing sync moves the new set toward
    ///   `replicas` or shrinks an old set, so the loop ends; no allocation.
    @discardableResult
    public mutating func settle() -> Int {
        var syncs = 0
        while reconcile() != .unchanged {
            syncs += 1
            newReplicaSet.available = min(newReplicaSet.available, newReplicaSet.spec)
            for index in oldReplicaSets.indices {
                oldReplicaSets[index].available = min(oldReplicaSets[index].available, oldReplicaSets[index].spec)
            }
        }
        return syncs
    }

    /// Upstream `reconcileNewReplicaSet`: trims an oversized new set back to `replicas`,
    /// otherwise grows it within the surge limit. Returns whether its spec changed.
    private mutating func reconcileNewReplicaSet() -> Bool {
        let current = newReplicaSet.spec
        guard current != replicas else { return false }
        if current > replicas {
            newReplicaSet.spec = replicas
            return true
        }
        var totalSpec = current
        for replicaSet in oldReplicaSets {
            totalSpec += replicaSet.spec
        }
        newReplicaSet.spec = Self.newReplicaSetReplicas(
            replicas: replicas, maxSurge: limits.maxSurge, newSpec: current, totalSpec: totalSpec)
        return newReplicaSet.spec != current
    }

    /// Upstream `reconcileOldReplicaSets`: first removes unhealthy old pods, as many as the
    /// pods above the availability floor allow, then scales old sets down, oldest first, by
    /// the available pods above `replicas − maxUnavailable`. Returns whether a spec changed.
    private mutating func reconcileOldReplicaSets() -> Bool {
        var oldSpec = 0
        var oldAvailable = 0
        for replicaSet in oldReplicaSets where replicaSet.spec > 0 {
            oldSpec += replicaSet.spec
            // Only active old sets count, as upstream filters them before summing availability.
            oldAvailable += replicaSet.available
        }
        guard oldSpec > 0 else { return false }
        let minAvailable = replicas - limits.maxUnavailable
        // Unavailable new pods are subtracted so that a crash-looping new set does not
        // license removing more old pods, which would only deepen the outage.
        let newUnavailable = newReplicaSet.spec - newReplicaSet.available
        let maxScaledDown = oldSpec + newReplicaSet.spec - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return false }

        let cleanup = cleanUpUnhealthyReplicas(upTo: maxScaledDown)
        guard cleanup.completed else { return cleanup.changed }
        let scaledDown = scaleDownOldReplicaSets(
            available: oldAvailable + newReplicaSet.available, minAvailable: minAvailable)
        return cleanup.changed || scaledDown
    }

    /// Upstream `cleanupUnhealthyReplicas`: shrinks old sets, oldest first, by their
    /// unavailable pods, at most `limit` in total; removing pods that serve nothing cannot
    /// reduce availability.
    ///
    /// Upstream rejects a set with more available pods than its spec as an invalid
    /// scale-down and abandons the whole sync, keeping the scale-downs already made; then
    /// `completed` is false.
    private mutating func cleanUpUnhealthyReplicas(upTo limit: Int) -> (changed: Bool, completed: Bool) {
        var removed = 0
        var changed = false
        for index in oldReplicaSets.indices {
            guard removed < limit else { break }
            let replicaSet = oldReplicaSets[index]
            guard replicaSet.spec != 0, replicaSet.spec != replicaSet.available else { continue }
            let unhealthy = replicaSet.spec - replicaSet.available
            guard unhealthy > 0 else { return (changed, false) }
            let count = min(limit - removed, unhealthy)
            oldReplicaSets[index].spec -= count
            removed += count
            changed = true
        }
        return (changed, true)
    }

    /// Upstream `scaleDownOldReplicaSetsForRollingUpdate`: removes the available pods above
    /// `minAvailable` from old sets, oldest first. Returns whether a spec changed.
    private mutating func scaleDownOldReplicaSets(available: Int, minAvailable: Int) -> Bool {
        guard available > minAvailable else { return false }
        var remaining = available - minAvailable
        var changed = false
        for index in oldReplicaSets.indices {
            guard remaining > 0 else { break }
            let spec = oldReplicaSets[index].spec
            guard spec != 0 else { continue }
            let count = min(spec, remaining)
            oldReplicaSets[index].spec = spec - count
            remaining -= count
            changed = true
        }
        return changed
    }
}
