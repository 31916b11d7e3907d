import Testing

@testable import SplitSim

/// The Argo Rollouts AnalysisRun lifecycle (DESIGN §1.5) with exact timelines. Sources, from
/// argoproj/argo-rollouts at 9f8d111: analysis/analysis.go (`generateMetricTasks`: the first
/// measurement in the run's first reconcile or at `StartedAt + initialDelay`, the next at the
/// previous one's `FinishedAt + interval`, 10 s after an Error; `runMeasurements`: an Error does
/// not count toward `count`; `assessMetricFailureInconclusiveOrError`: Error over Inconclusive
/// over Failed), utils/evaluate/evaluate.go (both conditions set and neither true:
/// Inconclusive), rollout/analysis.go (Inconclusive pauses with `InconclusiveAnalysisRun`,
/// Failed and Error abort; runs are cancelled once the rollout is fully promoted). Metric lag:
/// prometheus promql/functions.go `extrapolatedRate`, Prometheus 3's left-open ranges.
@Suite struct AnalysisLifecycleTests {
    private static let second: Int64 = 1_000_000_000

    private static func spec(_ change: (inout AnalysisSpec) -> Void = { _ in }) -> AnalysisSpec {
        var spec = AnalysisSpec(interval: .minutes(1), maxErrorRate: 0.05, minRequests: 10)
        change(&spec)
        return spec
    }

    // MARK: One run

    @Test func anErrorDoesNotCountTowardCountAndSuccessEndsTheRunAtTheLastOne() {
        var run = AnalysisRun(spec: Self.spec(), count: 2)
        #expect(run.measure(nil).phase == .error)
        #expect(run.phase == .running)
        #expect(run.measure(MetricReading(requests: 100, failures: 1)).runPhase == .running)
        #expect(run.consecutiveErrors == 0)
        let last = run.measure(MetricReading(requests: 100, failures: 2))
        #expect(last.phase == .successful && last.runPhase == .successful)
        #expect(run.measurements == 2)
        #expect(last.hasData && last.reading?.requests == 100)
    }

    @Test func theFifthErrorInARowErrsTheRunAndIsRetriedAfterTenSeconds() {
        var run = AnalysisRun(spec: Self.spec())
        for _ in 0..<4 { #expect(run.measure(nil).runPhase == .running) }
        #expect(run.measure(nil).runPhase == .error)
        #expect(run.nextMeasurement(after: .error, at: 0) == 10 * Self.second)
        #expect(run.nextMeasurement(after: .successful, at: 0) == 60 * Self.second)
    }

    @Test func aRateBetweenTheSuccessAndFailureConditionsIsInconclusive() {
        let spec = Self.spec { $0.failErrorRate = 0.2 }
        #expect(AnalysisRun.phase(of: MetricReading(requests: 100, failures: 5), spec: spec) == .successful)
        #expect(AnalysisRun.phase(of: MetricReading(requests: 100, failures: 10), spec: spec) == .inconclusive)
        #expect(AnalysisRun.phase(of: MetricReading(requests: 100, failures: 21), spec: spec) == .failed)
        // Without a failure condition a miss fails.
        #expect(AnalysisRun.phase(of: MetricReading(requests: 100, failures: 10), spec: Self.spec()) == .failed)
        // Fewer requests than minRequests: no data, judged by noData.
        let few = MetricReading(requests: 9, failures: 9)
        #expect(AnalysisRun.phase(of: few, spec: Self.spec()) == .error)
        #expect(AnalysisRun.phase(of: few, spec: Self.spec { $0.noData = .success }) == .successful)
        #expect(AnalysisRun.phase(of: few, spec: Self.spec { $0.noData = .inconclusive }) == .inconclusive)
    }

    @Test func anErrorOverridesAnInconclusiveWhichOverridesAFailure() {
        var run = AnalysisRun(
            spec: Self.spec {
                $0.failErrorRate = 0.5
                $0.failureLimit = 5
                $0.consecutiveErrorLimit = 0
            })
        _ = run.measure(MetricReading(requests: 100, failures: 10))
        #expect(run.phase == .inconclusive)
        var both = AnalysisRun(spec: Self.spec { $0.consecutiveErrorLimit = 0 })
        _ = both.measure(MetricReading(requests: 100, failures: 60))
        #expect(both.phase == .failed)
    }

    // MARK: The metric

    @Test func aQueryExtrapolatesTheIncreaseButNotBelowTheCountersZero() {
        var series = MetricSeries(scrapeInterval: 30 * Self.second, window: 60 * Self.second)
        series.record(.init(time: 0, requests: 0, failures: 0))
        // One sample in (0, 30]: no data yet.
        #expect(series.reading(at: 30 * Self.second) == nil)
        series.record(.init(time: 30 * Self.second, requests: 100, failures: 10))
        series.record(.init(time: 60 * Self.second, requests: 400, failures: 40))
        // At 60 s the range (0, 60] holds the 30 s and 60 s samples (the one at 0 is outside the
        // left-open range). The 30 s value is a third of the increase, so the zero point is
        // 10 s before it: 300 × 40/30 = 400.
        let reading = series.reading(at: 60 * Self.second)
        #expect(reading?.requests == 400)
        #expect(reading?.failures == 40)
        #expect(reading?.errorRate == 0.1)
        // Half an interval past the last sample, the end is extrapolated by that gap: the
        // window (15, 75] holds the same two samples, 15 s from each end.
        let later = series.reading(at: 75 * Self.second)
        let extrapolated: Double = 300 * (30 + 10 + 15) / 30
        #expect(later?.requests == extrapolated)
    }

    // MARK: Timelines

    /// An analysis step with a 5-minute interval measures as it starts: the canary has served
    /// at weight 50 for two minutes, so its window already holds failing samples.
    @Test func aStepWithAFiveMinuteIntervalFailsAtItsFirstMeasurement() throws {
        let scenario = try ScenarioFixture.make(
            strategy:
                #"{"name": "s", "kind": "service-split", "steps": [{"setWeight": 50}, {"pause": "2m"}, {"analysis": {"count": 2}}, {"pause": "10m"}]}"#,
            replicas: 4, rps: 100, users: 2_000, duration: "30m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1}}"#,
            analysis: #"{"interval": "5m", "maxErrorRate": 0.05, "minRequests": 10, "background": false}"#)
        let result = ScenarioFixture.run(scenario, tracing: true)
        let trace = result.trace ?? []
        // Canary ready and weighted at 10 s, pause until 130 s, analysis step at 130 s.
        let measured = trace.filter { $0.kind == "analysis" }
        #expect(measured.map(\.time) == [130 * Self.second])
        let abort = try #require(trace.first { $0.kind == "abort" })
        #expect(abort.time == 130 * Self.second)
        #expect(result.outcome == .aborted)
    }

    /// A canary at 5 % and then 10 % of 20 requests/s gets 60 to 120 requests a minute;
    /// `minRequests` 500 is never met before promotion, so every measurement has no data.
    private static func lowTraffic(noData: String, initialDelay: String = "0s") throws -> Scenario {
        try ScenarioFixture.make(
            strategy:
                #"{"name": "low", "kind": "service-split", "steps": [{"setWeight": 5}, {"pause": "5m"}, {"setWeight": 10}, {"pause": "5m"}]}"#,
            replicas: 2, rps: 20, users: 1_000, duration: "30m", startup: "10s", shutdown: "10s",
            candidate: #"{"errorRate": 0, "fault": {"errorRate": 0.3, "users": 1}}"#,
            analysis:
                #"{"interval": "1m", "maxErrorRate": 0.05, "minRequests": 500, "noData": "\#(noData)", "initialDelay": "\#(initialDelay)"}"#
        )
    }

    @Test func aLowTrafficCanaryAbortsAfterFiveEmptyMeasurementsByDefault() throws {
        let result = ScenarioFixture.run(try Self.lowTraffic(noData: "error"), tracing: true)
        let trace = result.trace ?? []
        let phases = trace.compactMap { event -> AnalysisRun.MeasurementPhase? in
            if case .analysisMeasured(.background, let measurement) = event.detail { return measurement.phase }
            return nil
        }
        #expect(phases == Array(repeating: .error, count: 5))
        // The background analysis starts with the first step at 0 s and retries every 10 s.
        #expect(trace.filter { $0.kind == "analysis" }.map(\.time) == [0, 10, 20, 30, 40].map { $0 * Self.second })
        #expect(result.outcome == .aborted)
        let abort = try #require(trace.first { $0.kind == "abort" })
        #expect(abort.time == 40 * Self.second)
        guard case .aborted(let reason) = abort.detail else { throw Unexpected.detail }
        #expect(reason.cause == .analysis(.background, .error))
    }

    @Test func aLowTrafficCanaryPausesWithNoDataInconclusive() throws {
        // With the first measurement at 30 s, the canary (ready at 10 s) serves at 5 % already.
        let result = ScenarioFixture.run(
            try Self.lowTraffic(noData: "inconclusive", initialDelay: "30s"), tracing: true)
        let trace = result.trace ?? []
        #expect(result.outcome == .paused)
        let pause = try #require(trace.first { $0.kind == "pause" })
        #expect(pause.detail == .paused(.background))
        #expect(pause.time == 30 * Self.second)
        // Paused where it was: the first step's weight stays, the second never comes.
        #expect(!trace.contains { $0.detail == .weightSet(weight: 10, scale: 100, share: 0.1) })
        #expect(trace.last?.candidateShare == 0.05)
        #expect(result.durationSeconds == 30 * 60)
        // Paused is not stopped: the fault still reaches the canary's users at the end.
        #expect(result.escaped)
        // The paused canary keeps serving its share until a person comes.
        #expect(result.candidateUserRequests > 0.04 * 20 * (30 * 60 - 10))
    }

    @Test func aLowTrafficCanaryIsPromotedUnmeasuredWithNoDataSuccessAndTheReportSaysSo() throws {
        let scenario = try Self.lowTraffic(noData: "success")
        let result = ScenarioFixture.run(scenario)
        #expect(result.outcome == .promoted)
        #expect(result.escaped)
        #expect(result.analysisMeasurements > 0)
        #expect(result.measurementsWithData == 0)
        let comparison = Comparison.run(scenario)
        #expect(comparison.strategies[0].warnings.contains(.promotedUnmeasured(runShare: 1)))
    }

    /// A window no longer than the scrape interval never holds two samples: the unguarded
    /// query errs five times in a row, and the report says why.
    @Test func aWindowOfOneScrapeNeverHasDataAndTheReportSaysSo() throws {
        let scenario = try ScenarioFixture.make(
            strategy: #"{"name": "s", "kind": "service-split", "steps": [{"setWeight": 50}, {"pause": "10m"}]}"#,
            replicas: 2, rps: 100, users: 1_000, duration: "15m", startup: "10s", shutdown: "10s",
            analysis: #"{"interval": "1m", "initialDelay": "1m", "metric": {"scrapeInterval": "30s", "window": "30s"}}"#
        )
        let result = ScenarioFixture.run(scenario)
        #expect(result.outcome == .aborted)
        #expect(result.measurementsWithData == 0 && result.analysisMeasurements == 5)
        let warnings = Comparison.run(scenario).strategies[0].warnings
        #expect(warnings.contains(.metricWindowTooShort(window: .seconds(30), scrapeInterval: .seconds(30))))
    }

    // MARK: Blue-green

    private static func blueGreen(_ settings: String, candidate: String) throws -> Scenario {
        try ScenarioFixture.make(
            strategy: #"{"name": "bg", "kind": "blue-green", "previewReplicas": 4\#(settings)}"#,
            replicas: 4, rps: 100, users: 2_000, duration: "30m", startup: "10s", shutdown: "10s",
            candidate: candidate,
            analysis: #"{"interval": "1m", "count": 3, "maxErrorRate": 0.05, "minRequests": 10}"#)
    }

    private static let faulty = #"{"errorRate": 0, "fault": {"errorRate": 0.5, "users": 1}}"#

    /// Post-promotion analysis after the switch, with blue kept at full size: on failure the
    /// active Service switches straight back, no pod has to start (rollout/service.go).
    @Test func aFailedPostPromotionAnalysisSwitchesBackToTheBlueThatWasKept() throws {
        let result = ScenarioFixture.run(
            try Self.blueGreen(#", "postPromotionAnalysis": true"#, candidate: Self.faulty), tracing: true)
        let trace = result.trace ?? []
        let switched = try #require(trace.first { $0.kind == "switch" })
        #expect(switched.time == 10 * Self.second)
        // The switch at 10 s; no data at 10 and 20 s; at 30 s the window holds two scrapes.
        let abort = try #require(trace.first { $0.kind == "abort" })
        #expect(abort.time == 30 * Self.second)
        let back = try #require(trace.last { $0.kind == "switch" })
        #expect(back.detail == .serviceSwitchedBack(active: "blue"))
        #expect(back.time == abort.time)
        #expect(!trace.contains { $0.detail == .scaled(replicaSet: "blue", from: 4, to: 0) })
        #expect(result.outcome == .aborted)
    }

    /// Blue goes `scaleDownDelay` after a successful post-promotion analysis, not after the switch.
    @Test func aSuccessfulPostPromotionAnalysisLetsBlueGoAfterTheDelay() throws {
        let result = ScenarioFixture.run(
            try Self.blueGreen(#", "postPromotionAnalysis": {"count": 2}"#, candidate: #"{"errorRate": 0}"#),
            tracing: true)
        let trace = result.trace ?? []
        // Measurements at 10 s and 20 s (no data) and at 30 s and 90 s: the second success ends it.
        let ended = try #require(trace.first { $0.detail == .analysisEnded(.postPromotion, .successful) })
        #expect(ended.time == 90 * Self.second)
        let blueGoes = try #require(trace.first { $0.detail == .scaled(replicaSet: "blue", from: 4, to: 0) })
        #expect(blueGoes.time == 120 * Self.second)
        #expect(result.outcome == .promoted)
    }

    /// The preview sees no production traffic: without a smoke test, a pre-promotion analysis
    /// has no data and errs, and the switch never happens.
    @Test func aPrePromotionAnalysisWithoutPreviewTrafficAbortsBeforeTheSwitch() throws {
        let result = ScenarioFixture.run(
            try Self.blueGreen(#", "prePromotionAnalysis": true"#, candidate: Self.faulty), tracing: true)
        let trace = result.trace ?? []
        #expect(result.outcome == .aborted)
        #expect(!trace.contains { $0.kind == "switch" })
        #expect(result.candidateUserRequests == 0)
        let abort = try #require(trace.first { $0.kind == "abort" })
        guard case .aborted(let reason) = abort.detail else { throw Unexpected.detail }
        #expect(reason.cause == .analysis(.prePromotion, .error))
    }

    /// With a smoke test against the preview, the pre-promotion analysis measures the smoke
    /// traffic and catches the fault before any user sees it.
    @Test func aPrePromotionAnalysisMeasuresTheSmokeTestTraffic() throws {
        let result = ScenarioFixture.run(
            try Self.blueGreen(
                #", "prePromotionAnalysis": true, "smokeTest": {"requests": 600, "rps": 5, "coverage": 1, "maxErrorRate": 1}"#,
                candidate: Self.faulty),
            tracing: true)
        let trace = result.trace ?? []
        #expect(result.outcome == .aborted)
        #expect(result.candidateUserRequests == 0)
        let failed = trace.contains {
            guard case .analysisMeasured(.prePromotion, let measurement) = $0.detail else { return false }
            return measurement.phase == .failed
        }
        #expect(failed)
    }

    /// `autoPromotion` counts from the pre-promotion analysis' success, not from the preview
    /// being ready (rollout/bluegreen.go, `reconcileBlueGreenPause`).
    @Test func autoPromotionCountsFromThePrePromotionAnalysisSuccess() throws {
        let result = ScenarioFixture.run(
            try Self.blueGreen(
                #", "prePromotionAnalysis": {"count": 1}, "autoPromotion": "5m", "smokeTest": {"requests": 1200, "rps": 10, "maxErrorRate": 1}"#,
                candidate: #"{"errorRate": 0}"#),
            tracing: true)
        let trace = result.trace ?? []
        let ended = try #require(trace.first { $0.detail == .analysisEnded(.prePromotion, .successful) })
        let switched = try #require(trace.first { $0.kind == "switch" })
        #expect(switched.time == ended.time + 300 * Self.second)
    }

    private enum Unexpected: Error { case detail }
}
