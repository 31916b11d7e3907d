import Testing

@testable import SplitSim

/// The peak candidate share of a step and the time spent at it (DESIGN §2, granularity):
/// what users met at worst, which a step's mean hides when the share ramps or overshoots.
@Suite struct ShareWindowsTests {
    private static let minute: Int64 = 60_000_000_000

    /// Windows of the given lengths (in seconds) and counts, closed one after another.
    private static func windows(_ spans: [(seconds: Int64, requests: Int, candidate: Int)], slot: Int = 1)
        -> ShareWindows
    {
        var windows = ShareWindows(duration: 3_600_000_000_000)
        var now: Int64 = 0
        var requests = 0
        var candidate = 0
        for span in spans {
            now += span.seconds * 1_000_000_000
            requests += span.requests
            candidate += span.candidate
            windows.close(at: now, slot: slot, beforePromotion: true, requests: requests, candidate: candidate)
        }
        return windows
    }

    /// A ramp to a plateau: the peak is the plateau's pooled share and its three minutes.
    @Test func aRampReportsItsPlateauAndHowLongItLasted() throws {
        let windows = Self.windows([
            (60, 10_000, 200), (60, 10_000, 500), (60, 10_000, 1_000), (60, 10_000, 1_010), (60, 10_000, 990),
        ])
        let peak = try #require(windows.peak { _ in true })
        #expect(peak == .init(share: 0.1, seconds: 180))
    }

    /// Windows the noise puts a little under the highest one are still at the peak: a flat
    /// step is at its peak for its whole length, and the peak is not the noisy maximum.
    @Test func aFlatStepIsAtItsPeakForItsWholeLength() throws {
        // 1,000 requests at 10 %: a standard error of about 0.95 points per window.
        let windows = Self.windows([(60, 1_000, 95), (60, 1_000, 112), (60, 1_000, 101), (60, 1_000, 90)])
        let peak = try #require(windows.peak { _ in true })
        #expect(peak == .init(share: 398.0 / 4_000, seconds: 240))
        // 70 lies more than three standard errors of the difference below 125; it is left out.
        let skewed = Self.windows([(60, 1_000, 125), (60, 1_000, 70)])
        #expect(skewed.peak { _ in true } == .init(share: 0.125, seconds: 60))
    }

    /// A clipped window cannot be the highest: its few requests say little. When every
    /// window is short, their pooled share stands in.
    @Test func shortWindowsCannotMakeThePeak() throws {
        let windows = Self.windows([(10, 10, 6), (60, 10_000, 1_000), (60, 10_000, 1_000)])
        let peak = try #require(windows.peak { _ in true })
        // The short window's 60 % is above the plateau, so it is counted at the peak, but the
        // plateau sets it: 10 s + 2 min.
        #expect(peak == .init(share: 2_006.0 / 20_010, seconds: 130))
        let short = Self.windows([(10, 100, 10), (20, 100, 30)])
        #expect(short.peak { _ in true } == .init(share: 0.2, seconds: 30))
    }

    /// A run keeps at most a week of one-minute windows; a longer run gets longer windows,
    /// so that its memory stays fixed whatever its duration.
    @Test func windowsLengthenForRunsLongerThanAWeek() {
        let week: Int64 = 7 * 24 * 60 * Self.minute
        #expect(ShareWindows(duration: Self.minute).length == Self.minute)
        #expect(ShareWindows(duration: week).length == Self.minute)
        #expect(ShareWindows(duration: week + 1).length == 2 * Self.minute)
        let years = ShareWindows(duration: 1_000_000_000 * 1_000_000_000)
        #expect(years.length == 1_654 * Self.minute)
        #expect(1_000_000_000 * 1_000_000_000 / years.length <= ShareWindows.maximumWindows)
    }

    @Test func windowsWithoutRequestsAreDroppedAndSelectionWorks() {
        var windows = Self.windows([(60, 0, 0)])
        #expect(windows.windows.isEmpty)
        #expect(windows.peak { _ in true } == nil)
        windows.close(at: 2 * Self.minute, slot: 2, beforePromotion: false, requests: 100, candidate: 100)
        #expect(windows.peak { $0.slot == 1 } == nil)
        #expect(windows.peak { $0.slot == 2 } == .init(share: 1, seconds: 60))
        #expect(windows.peak(where: \.beforePromotion) == nil)
    }

    /// A proxy balances each request: the step is at its weight for the whole pause, and
    /// the peak before promotion is the last step's weight.
    @Test func aProxyHoldsItsWeightForTheWholeStep() throws {
        let scenario = try ScenarioFixture.make(
            strategy: #"{"name": "c", "kind": "service-split", "steps": [{"setWeight": 20}, {"pause": "10m"}]}"#,
            rps: 100, duration: "20m", runs: 1, startup: "10s", shutdown: "10s")
        let result = ScenarioFixture.run(scenario)
        let step = try #require(result.stepPeaks[0])
        // 60,000 requests at 20 %: four standard deviations are 0.65 points.
        #expect(abs(step.share - 0.2) < ScenarioFixture.binomialBound(share: 0.2, trials: 60_000))
        #expect(step.seconds >= 590 && step.seconds <= 600, "\(step)")
        let beforePromotion = try #require(result.peakCandidateShare)
        #expect(abs(beforePromotion - 0.2) < 0.01)
    }

    /// kube-proxy picks a pod per connection, and connections live two minutes: the share
    /// of a 1-of-10-pods step swings above the 9.09 % the pods promise, for minutes at a
    /// time, while a mesh holds its weight (scenarios/long-lived-connections-max-age.json).
    @Test func pinnedConnectionsOvershootTheShareTheirPodsPromise() throws {
        let text = """
            {"name": "overshoot", "seed": 7, "runs": 10, "duration": "12m",
             "traffic": {"rps": 200, "users": 40, "callers": {"via": "cluster-ip", "instances": 10, "connectionsPerInstance": 4, "maxConnectionAge": "2m", "idleTimeout": "0s"}},
             "cluster": {"replicas": 10, "podStartup": "15s", "podShutdown": "30s"},
             "strategies": [
               {"name": "mesh", "kind": "service-split", "router": "istio", "steps": [{"setWeight": 10}, {"pause": "10m"}]},
               {"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "10m"}]}]}
            """
        let comparison = Comparison.run(try Scenario(decoding: text, file: "overshoot.json"))
        let mesh = try #require(comparison.strategies[0].granularity.steps.first)
        let pods = try #require(comparison.strategies[1].granularity.steps.first)
        let meshPeak = try #require(mesh.peak)
        #expect(abs(meshPeak.mean - 0.1) < 0.005, "\(meshPeak)")
        #expect(try #require(mesh.secondsAtPeak).mean >= 540)
        let podsPeak = try #require(pods.peak)
        let podsRealized = try #require(pods.realized)
        #expect(podsPeak.mean > podsRealized.mean + 0.02, "peak \(podsPeak.mean) vs mean \(podsRealized.mean)")
        #expect(podsPeak.mean > pods.effective + 0.02)
        #expect(try #require(pods.secondsAtPeak).mean < 400)
        #expect(!comparison.strategies[1].warnings.map(\.code).contains("share-not-realised"))
    }

    /// Without a connection age limit, pinned connections never reach the new pods: the
    /// step's share is never realised, and the warning names the step.
    @Test func aShareThatIsNeverRealisedIsNamed() throws {
        let scenario = try ScenarioFixture.make(
            strategy: #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "10m"}]}"#,
            rps: 200, users: 40,
            callers:
                #"{"via": "cluster-ip", "instances": 10, "connectionsPerInstance": 4, "maxRequestsPerConnection": 0, "maxConnectionAge": "0s", "idleTimeout": "0s"}"#,
            duration: "12m", runs: 2, startup: "15s", shutdown: "30s")
        let strategy = Comparison.run(scenario).strategies[0]
        #expect(strategy.granularity.steps[0].realized?.mean == 0)
        #expect(strategy.warnings.contains(.shareNotRealized(step: "setReplicas 1", effective: 1.0 / 11, realized: 0)))
    }
}
