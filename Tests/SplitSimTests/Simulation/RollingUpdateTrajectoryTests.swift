import Testing

@testable import SplitSim

/// ReplicaSet sizes over time under the Deployment controller, with real pod start-up.
@Suite struct RollingUpdateTrajectoryTests {
    /// (seconds, new spec, old spec) at the end of every instant at which a spec changed.
    static func trajectory(replicas: Int, surge: String, unavailable: String, startup: String = "30s") throws -> [[Int]]
    {
        let strategy =
            #"{"name": "roll", "kind": "rolling-update", "maxSurge": \#(surge), "maxUnavailable": \#(unavailable)}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: replicas, rps: 10, duration: "10m", startup: startup)
        let trace = ScenarioFixture.run(scenario, tracing: true).trace ?? []
        var points: [[Int]] = []
        for (index, event) in trace.enumerated() {
            let isLastAtInstant = index == trace.count - 1 || trace[index + 1].time != event.time
            guard isLastAtInstant else { continue }
            let spec = { (name: String) in event.replicaSets.first { $0.name == name }?.spec ?? 0 }
            let point = [Int(event.time / 1_000_000_000), spec("app-new"), spec("app-old")]
            if points.last.map({ Array($0.dropFirst()) }) != Array(point.dropFirst()) { points.append(point) }
        }
        return points
    }

    @Test func tenReplicasAt25PercentSurgeAndUnavailable() throws {
        // maxSurge 3 (rounded up), maxUnavailable 2 (rounded down).
        #expect(
            try Self.trajectory(replicas: 10, surge: #""25%""#, unavailable: #""25%""#)
                == [[0, 5, 8], [30, 10, 3], [60, 10, 0]])
    }

    @Test func threeReplicasWithNoSurgeAndOneUnavailable() throws {
        #expect(
            try Self.trajectory(replicas: 3, surge: "0", unavailable: "1")
                == [[0, 1, 2], [30, 2, 1], [60, 3, 0]])
    }

    @Test func fourReplicasWithOneSurgeAndNoUnavailable() throws {
        // One new pod at a time, an old pod leaving only once the new one is ready.
        #expect(
            try Self.trajectory(replicas: 4, surge: "1", unavailable: "0", startup: "10s")
                == [[0, 1, 4], [10, 2, 3], [20, 3, 2], [30, 4, 1], [40, 4, 0]])
    }

    // Peak pods count every pod that exists, terminating ones included: a pod that drains
    // its connections for podShutdown still occupies a node (DESIGN §1.2, §2). With 25 %/25 %
    // on 20 replicas: at 0 s 15 old pods, 5 draining and 10 new ones starting (30); at 30 s the
    // new ones are ready, old drops to 5 with 10 draining, and 10 more new start (35). The
    // counts of zero-length states between events at one instant do not count.
    @Test(arguments: [(4, 7.0), (10, 18.0), (17, 30.0), (20, 35.0)])
    func peakPodsCountTerminatingPods(replicas: Int, peak: Double) throws {
        let strategy = #"{"name": "roll", "kind": "rolling-update", "maxSurge": "25%", "maxUnavailable": "25%"}"#
        let scenario = try ScenarioFixture.make(strategy: strategy, replicas: replicas, rps: 10, duration: "10m")
        let result = ScenarioFixture.run(scenario)
        #expect(result.peakPods == peak)
        #expect(result.peakPods > Double(replicas + (replicas + 3) / 4))
        #expect(result.outcome == .promoted)
    }
}
