import Testing

@testable import SplitSim

@Suite struct ClusterStateTests {
    @Test func podsBecomeReadyAfterStartupAndGoneAfterShutdown() {
        var cluster = ClusterState(podStartup: 30, podShutdown: 10)
        var events = EventQueue<ControlEvent<Never>>()
        let set = cluster.addReplicaSet(named: "web", version: .candidate)
        cluster.scale(set, to: 2, at: 5, events: &events)
        #expect(cluster.replicaSets[set].active == 2)
        #expect(cluster.replicaSets[set].ready == 0)
        let first = events.popNext()
        #expect(first?.time == 35)
        #expect(first?.payload == .podReady(0))
        let becameReady = cluster.markReady(0, at: 35)
        #expect(becameReady)
        #expect(cluster.replicaSets[set].ready == 1)
        #expect(cluster.readyPods(of: .candidate) == 1)
    }

    @Test func scaleDownRemovesPendingPodsFirstThenTheMostRecentlyReady() {
        var cluster = ClusterState(podStartup: 30, podShutdown: 10)
        var events = EventQueue<ControlEvent<Never>>()
        let set = cluster.addReplicaSet(named: "web", version: .stable)
        cluster.addReadyPods(2, to: set)
        cluster.scale(set, to: 4, at: 0, events: &events)
        let secondReady = cluster.markReady(2, at: 30)
        #expect(secondReady)
        cluster.scale(set, to: 2, at: 40, events: &events)
        // Pod 3 was still pending and pod 2 was the most recently ready.
        #expect(cluster.pods.map(\.phase) == [.ready, .ready, .terminating, .terminating])
        #expect(cluster.replicaSets[set].terminating == 2)
        #expect(cluster.existingPods == 4)
        #expect(cluster.activePods == 2)
        cluster.markGone(2)
        cluster.markGone(3)
        #expect(cluster.existingPods == 2)
        // A pod terminated while pending never becomes ready.
        let lateReady = cluster.markReady(3, at: 50)
        #expect(!lateReady)
    }
}
