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

@Suite struct PodTimingJitterTests {
    static func firstWave(seed: UInt64) throws -> [Int64] {
        let text = """
            {"name": "jitter", "seed": \(seed), "runs": 1, "duration": "5m", "traffic": {"rps": 10, "users": 100},
             "cluster": {"replicas": 10, "podStartup": "30s", "podShutdown": "30s"},
             "strategies": [{"name": "roll", "kind": "rolling-update", "maxSurge": "100%", "maxUnavailable": 0}]}
            """
        let scenario = try Scenario(decoding: text, file: "jitter.json")
        let result = ScenarioFixture.run(scenario, tracing: true)
        return (result.trace ?? []).filter { $0.kind == "pod-ready" }.prefix(10).map(\.time)
    }

    // Start-up times stray by up to ±10 % by default, to the millisecond, the same for the
    // same seed and different for another.
    @Test func startupTimesStrayWithinTheJitter() throws {
        let times = try Self.firstWave(seed: 4)
        #expect(times.count == 10)
        #expect(times.allSatisfy { $0 >= 27_000_000_000 && $0 <= 33_000_000_000 && $0 % 1_000_000 == 0 })
        #expect(Set(times).count > 5)
        #expect(try Self.firstWave(seed: 4) == times)
        #expect(try Self.firstWave(seed: 5) != times)
    }
}
