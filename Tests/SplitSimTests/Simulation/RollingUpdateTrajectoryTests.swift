import SplitRouter
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

    /// The Deployment controller's budget over random sizes and budgets (Kubernetes
    /// pkg/controller/deployment/rolling.go: new + old specs never exceed replicas + maxSurge,
    /// and ready pods of either set never fall below replicas − maxUnavailable once they were
    /// all ready), checked at the end of every instant with an event, with jittered start-up
    /// times.
    @Test(arguments: 0..<24)
    func theRollingBudgetHoldsAtEveryEvent(_ index: Int) throws {
        var generator = Xoshiro256StarStar(seed: 2_016, stream: index)
        let replicas = 1 + generator.uniform(below: 30)
        let budgets = ["0", "1", "2", #""10%""#, #""25%""#, #""50%""#, #""100%""#]
        var surge = budgets[generator.uniform(below: budgets.count)]
        let unavailable = budgets[generator.uniform(below: budgets.count)]
        if surge == "0" && unavailable == "0" { surge = "1" }
        let resolve = { (text: String, roundUp: Bool) -> Int in
            guard text.hasSuffix("%\"") else { return Int(text) ?? 0 }
            let percent = Double(text.dropFirst().dropLast(2)) ?? 0
            let value = Double(replicas) * percent / 100
            return Int(roundUp ? value.rounded(.up) : value.rounded(.down))
        }
        let maxSurge = resolve(surge, true)
        var maxUnavailable = resolve(unavailable, false)
        // Kubernetes ResolveFenceposts (deployment_util.go): both 0 after rounding means one
        // pod may be unavailable, or the rollout could never start.
        if maxSurge == 0 && maxUnavailable == 0 { maxUnavailable = 1 }
        let strategy =
            #"{"name": "roll", "kind": "rolling-update", "maxSurge": \#(surge), "maxUnavailable": \#(unavailable)}"#
        let text = """
            {"name": "budget", "seed": \(index), "runs": 1, "duration": "20m",
             "traffic": {"rps": 5, "users": 100},
             "cluster": {"replicas": \(replicas), "podStartup": "\(5 + generator.uniform(below: 40))s",
                         "podShutdown": "10s", "podStartupJitter": 0.5},
             "strategies": [\(strategy)]}
            """
        let result = ScenarioFixture.run(try Scenario(decoding: text, file: "budget.json"), tracing: true)
        let trace = try #require(result.trace)
        var allReadyOnce = false
        // Within one instant the controller's steps may be recorded in any order; what pods
        // exist for any time is the state at the end of the instant.
        for (position, event) in trace.enumerated()
        where position == trace.count - 1 || trace[position + 1].time != event.time {
            let specs = event.replicaSets.reduce(0) { $0 + $1.spec }
            let ready = event.replicaSets.reduce(0) { $0 + $1.ready }
            if ready >= replicas { allReadyOnce = true }
            #expect(specs <= replicas + maxSurge, "\(replicas) replicas, surge \(surge): \(specs) at \(event.time)")
            if allReadyOnce {
                #expect(
                    ready >= replicas - maxUnavailable,
                    "\(replicas) replicas, unavailable \(unavailable): \(ready) ready at \(event.time)")
            }
        }
        #expect(result.outcome == .promoted, "\(replicas) replicas, surge \(surge), unavailable \(unavailable)")
        // Pod-seconds are the integral of the pods that exist, which change only at events.
        var integral = 0.0
        for (position, event) in trace.enumerated() {
            let next = position + 1 < trace.count ? trace[position + 1].time : 20 * 60_000_000_000
            integral += Double(event.pods) * Double(next - event.time) / 1e9
        }
        #expect(abs(integral - result.podSeconds) < 1e-6 * result.podSeconds, "\(integral) vs \(result.podSeconds)")
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
