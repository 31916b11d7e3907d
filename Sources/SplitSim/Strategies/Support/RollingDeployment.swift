/// A Deployment being rolled from some ReplicaSets to one new ReplicaSet by the Kubernetes
/// rolling-update rules, synced with the engine's pods on every event.
struct RollingDeployment {
    /// The Deployment's desired replicas.
    let replicas: Int
    /// maxSurge and maxUnavailable.
    let parameters: RollingUpdateParameters
    /// The ReplicaSet being rolled to.
    let newSet: Int
    /// The ReplicaSets being rolled away from.
    let oldSets: [Int]

    /// Runs the Deployment controller until nothing moves and applies the specs.
    func sync<Timer>(in release: inout ReleaseControl<Timer>) {
        let cluster = release.cluster
        var update = DeploymentRollingUpdate(
            replicas: replicas,
            parameters: parameters,
            newReplicaSet: ReplicaSetState(
                spec: cluster.replicaSets[newSet].spec, available: cluster.replicaSets[newSet].ready),
            oldReplicaSets: oldSets.map {
                ReplicaSetState(spec: cluster.replicaSets[$0].spec, available: cluster.replicaSets[$0].ready)
            }
        )
        update.settle()
        release.scale(newSet, to: update.newReplicaSet.spec)
        for (index, set) in oldSets.enumerated() {
            release.scale(set, to: update.oldReplicaSets[index].spec)
        }
    }

    /// Whether the new ReplicaSet is fully available and the old ones have no pods left
    /// that count against their spec.
    func isComplete<Timer>(in release: ReleaseControl<Timer>) -> Bool {
        let cluster = release.cluster
        return cluster.replicaSets[newSet].ready == replicas
            && oldSets.allSatisfy { cluster.replicaSets[$0].active == 0 }
    }
}
