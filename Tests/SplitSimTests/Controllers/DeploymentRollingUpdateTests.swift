import SplitSim
import Testing

/// The (new, old) spec pairs a rollout passes through when every pod becomes available
/// right after each controller action.
private func trajectory(of start: DeploymentRollingUpdate, settling: Bool) -> [[Int]] {
    var deployment = start
    var specs = [[deployment.newReplicaSet.spec] + deployment.oldReplicaSets.map(\.spec)]
    for _ in 0..<100 {
        let moved = settling ? deployment.settle() > 0 : deployment.reconcile() != .unchanged
        guard moved else { break }
        deployment.newReplicaSet.available = deployment.newReplicaSet.spec
        for index in deployment.oldReplicaSets.indices {
            deployment.oldReplicaSets[index].available = deployment.oldReplicaSets[index].spec
        }
        specs.append([deployment.newReplicaSet.spec] + deployment.oldReplicaSets.map(\.spec))
    }
    return specs
}

@Suite("Kubernetes Deployment rolling update")
struct DeploymentRollingUpdateTests {
    @Test(arguments: [
        // No room: all ReplicaSets already ask for R + surge pods.
        (10, 3, 3, 13, 3),
        (10, 3, 0, 10, 3),
        // Room for 5 but only 2 missing from R.
        (10, 3, 8, 8, 10),
        (3, 0, 0, 3, 0),
        (3, 0, 1, 2, 2),
    ])
    func newReplicaSetReplicas(replicas: Int, maxSurge: Int, newSpec: Int, totalSpec: Int, expected: Int) {
        #expect(
            DeploymentRollingUpdate.newReplicaSetReplicas(
                replicas: replicas, maxSurge: maxSurge, newSpec: newSpec, totalSpec: totalSpec) == expected)
    }

    /// One upstream sync at a time: it scales the new set up or the old set down, never both.
    @Test func syncTrajectoryWithDefaults() {
        let start = DeploymentRollingUpdate(replicas: 10, oldReplicaSets: [.fullyAvailable(10)])
        #expect(start.limits == RollingUpdateLimits(maxSurge: 3, maxUnavailable: 2))
        #expect(trajectory(of: start, settling: false) == [[0, 10], [3, 10], [3, 5], [8, 5], [8, 0], [10, 0]])
    }

    @Test func syncTrajectoryWithoutSurge() {
        let start = DeploymentRollingUpdate(
            replicas: 3, parameters: RollingUpdateParameters(maxSurge: .count(0), maxUnavailable: .count(1)),
            oldReplicaSets: [.fullyAvailable(3)])
        #expect(
            trajectory(of: start, settling: false)
                == [[0, 3], [0, 2], [1, 2], [1, 1], [2, 1], [2, 0], [3, 0]])
    }

    /// Settled: the syncs that follow each resize before any pod can start are folded in.
    @Test func settledTrajectoryWithDefaults() {
        let start = DeploymentRollingUpdate(replicas: 10, oldReplicaSets: [.fullyAvailable(10)])
        #expect(trajectory(of: start, settling: true) == [[0, 10], [5, 8], [10, 3], [10, 0]])
    }

    @Test func settledTrajectoryWithoutSurge() {
        let start = DeploymentRollingUpdate(
            replicas: 3, parameters: RollingUpdateParameters(maxSurge: .count(0), maxUnavailable: .count(1)),
            oldReplicaSets: [.fullyAvailable(3)])
        #expect(trajectory(of: start, settling: true) == [[0, 3], [1, 2], [2, 1], [3, 0]])
    }

    @Test func settleCountsTheSyncsThatMoved() {
        var deployment = DeploymentRollingUpdate(replicas: 10, oldReplicaSets: [.fullyAvailable(10)])
        #expect(deployment.settle() == 3)
        #expect(deployment.newReplicaSet == ReplicaSetState(spec: 5, available: 0))
        #expect(deployment.oldReplicaSets == [ReplicaSetState(spec: 8, available: 8)])
        #expect(deployment.settle() == 0)
    }

    @Test func scaleDownWaitsForNewPods() {
        var deployment = DeploymentRollingUpdate(
            replicas: 10, newReplicaSet: ReplicaSetState(spec: 5, available: 0), oldReplicaSets: [.fullyAvailable(8)])
        #expect(deployment.reconcile() == .unchanged)
        deployment.newReplicaSet.available = 1
        #expect(deployment.reconcile() == .scaledDownOldReplicaSets)
        #expect(deployment.oldReplicaSets.map(\.spec) == [7])
    }

    @Test func unhealthyOldPodsAreRemovedFirst() {
        var deployment = DeploymentRollingUpdate(
            replicas: 10, newReplicaSet: ReplicaSetState(spec: 3, available: 0),
            oldReplicaSets: [ReplicaSetState(spec: 10, available: 6)])
        // Σspec 13 − floor 8 − 3 unavailable new pods leaves room to remove 2 of the 4
        // unhealthy pods; availability (6) is already below the floor, so nothing else goes.
        #expect(deployment.reconcile() == .scaledDownOldReplicaSets)
        #expect(deployment.oldReplicaSets.map(\.spec) == [8])
        #expect(deployment.newReplicaSet.spec == 3)
    }

    @Test func oldestOldReplicaSetShrinksFirst() {
        var deployment = DeploymentRollingUpdate(
            replicas: 10, newReplicaSet: .fullyAvailable(3), oldReplicaSets: [.fullyAvailable(5), .fullyAvailable(5)])
        #expect(deployment.reconcile() == .scaledDownOldReplicaSets)
        #expect(deployment.oldReplicaSets.map(\.spec) == [0, 5])
    }

    @Test func oversizedNewReplicaSetShrinksToReplicas() {
        var deployment = DeploymentRollingUpdate(replicas: 5, newReplicaSet: .fullyAvailable(8), oldReplicaSets: [])
        #expect(deployment.reconcile() == .scaledNewReplicaSet)
        #expect(deployment.newReplicaSet.spec == 5)
        #expect(deployment.reconcile() == .unchanged)
    }

    @Test func inactiveOldReplicaSetsDoNotCountAsAvailable() {
        // The old set scaled to 0 still reports 2 available pods while they terminate;
        // upstream only sums availability over sets that still ask for pods.
        var deployment = DeploymentRollingUpdate(
            replicas: 10, newReplicaSet: ReplicaSetState(spec: 8, available: 7),
            oldReplicaSets: [ReplicaSetState(spec: 0, available: 2), .fullyAvailable(5)])
        // 7 + 5 available − floor 8 = 4 to remove; counting the 2 terminating pods would remove all 5.
        #expect(deployment.reconcile() == .scaledDownOldReplicaSets)
        #expect(deployment.oldReplicaSets.map(\.spec) == [0, 1])
    }

    @Test func cleanupStopsAtASetWithSurplusAvailablePods() {
        // Upstream's cleanup treats the second set (spec 4, 6 available) as an invalid
        // scale-down request and abandons the sync after cleaning the first one.
        var deployment = DeploymentRollingUpdate(
            replicas: 10, newReplicaSet: ReplicaSetState(spec: 3, available: 0),
            oldReplicaSets: [ReplicaSetState(spec: 10, available: 8), ReplicaSetState(spec: 4, available: 6)])
        #expect(deployment.reconcile() == .scaledDownOldReplicaSets)
        #expect(deployment.oldReplicaSets.map(\.spec) == [8, 4])
        #expect(deployment.reconcile() == .unchanged)
    }
}
