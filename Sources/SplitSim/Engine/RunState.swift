import SplitRouter

/// Everything one run knows apart from the request path: the cluster, the routing the last
/// control event built, the release's milestones, the checks in progress and the trace.
///
/// Strategies reach it only through ``ReleaseControl``; the run loop applies control events
/// to it and the request path reads its routing and writes its metrics.
struct RunState<Timer: Sendable> {
    /// An analysis run in progress.
    struct ActiveAnalysis {
        /// Tells this run's ticks from those of runs that ended before.
        var id: Int
        var purpose: AnalysisPurpose
        var run: AnalysisRun
        /// The watchdog's last moment; `.max` for the other runs.
        var stopsAt: Int64 = .max
    }

    /// A smoke test in progress.
    struct SmokeTest {
        var spec: SmokeTestSpec
        var startedAt: Int64
        /// Cases sent so far.
        var sent = 0
        /// Cases failed so far.
        var failed = 0
    }

    var now: Int64 = 0
    let duration: Int64
    /// The desired replica count of the service.
    let replicas: Int
    var cluster: ClusterState
    var metrics: RunMetrics
    var record = ReleaseRecord()
    var trace: [TraceEvent]?
    var events = EventQueue<ControlEvent<Timer>>()
    var generator: Xoshiro256StarStar
    var routing = RoutingState()
    /// Set when pods or routing changed, so the request path rebuilds its endpoints.
    var routingChanged = true
    let traffic: TrafficModel
    let errors: ErrorModel
    var faultActive = false
    var faultOnsetScheduled = false
    /// The strategy's analysis settings; nil when it has none.
    let analysisSpec: AnalysisSpec?
    /// The candidate pods' counters as scraped, when anything measures them.
    var metric: MetricSeries?
    /// The background analysis or, after promotion, the external watchdog.
    var background: ActiveAnalysis?
    /// The analysis run that blocks the release: a step's, or pre- or post-promotion.
    var blocking: ActiveAnalysis?
    private var nextAnalysisId = 0
    var smokeTest: SmokeTest?

    init(
        duration: Int64, replicas: Int, cluster: ClusterState, traffic: TrafficModel,
        errors: ErrorModel, analysis: AnalysisSpec?, generator: Xoshiro256StarStar, tracing: Bool
    ) {
        self.duration = duration
        self.replicas = replicas
        self.cluster = cluster
        metrics = RunMetrics(users: traffic.users, duration: duration)
        self.traffic = traffic
        self.errors = errors
        self.generator = generator
        analysisSpec = analysis
        metric = analysis.map {
            MetricSeries(scrapeInterval: $0.metric.scrapeInterval.nanoseconds, window: $0.metric.window.nanoseconds)
        }
        trace = tracing ? [] : nil
    }

    // MARK: - Trace

    /// Appends a trace event, when tracing.
    mutating func record(_ detail: TraceDetail) {
        guard trace != nil else { return }
        let event = TraceEvent(
            time: now, detail: detail, stableReady: cluster.readyPods(of: .stable),
            candidateReady: cluster.readyPods(of: .candidate), pods: cluster.existingPods,
            candidateShare: currentCandidateShare(),
            replicaSets: cluster.replicaSets.filter { $0.spec > 0 || $0.existing > 0 }.map {
                ReplicaSetSnapshot(name: $0.name, spec: $0.spec, ready: $0.ready, terminating: $0.terminating)
            })
        trace?.append(event)
    }

    /// The production Service's ready endpoints, split by version.
    func serviceEndpoints() -> EndpointCount {
        var count = EndpointCount(candidate: 0, total: 0)
        for set in routing.serviceReplicaSets {
            count.total += cluster.replicaSets[set].ready
            if cluster.replicaSets[set].version == .candidate { count.candidate += cluster.replicaSets[set].ready }
        }
        return count
    }

    /// The candidate's share of new requests or new connections under the current routing.
    private func currentCandidateShare() -> Double {
        if routing.decidesPerRequest { return routing.weight.candidateShare }
        let endpoints = serviceEndpoints()
        return endpoints.total == 0 ? 0 : Double(endpoints.candidate) / Double(endpoints.total)
    }

    // MARK: - Pods

    /// Marks a pod ready and records it.
    mutating func podBecameReady(_ id: Int32) {
        guard cluster.markReady(Int(id), at: now) else { return }
        routingChanged = true
        let pod = cluster.pods[Int(id)]
        if pod.version == .candidate && record.firstCandidateReadyAt == nil { record.firstCandidateReadyAt = now }
        let set = cluster.replicaSets[pod.replicaSet]
        guard trace != nil else { return }
        let inService = !routing.decidesPerRequest && routing.serviceReplicaSets.contains(pod.replicaSet)
        let endpoints = inService ? serviceEndpoints() : nil
        record(.podReady(version: pod.version, pod: pod.name, ready: set.ready, spec: set.spec, endpoints: endpoints))
    }

    /// Marks a terminating pod gone and records it.
    mutating func podWentAway(_ id: Int32) {
        cluster.markGone(Int(id))
        routingChanged = true
        let pod = cluster.pods[Int(id)]
        record(.podGone(version: pod.version, pod: pod.name))
    }

    // MARK: - Checks

    /// Records that a check caught the fault, if the candidate is faulty and it is live.
    mutating func recordDetection() {
        if record.detectedAt == nil && errors.hasFault && faultActive { record.detectedAt = now }
    }

    /// Closes the current window of candidate share at the present time.
    mutating func closeShareWindow() {
        metrics.shareWindows.close(
            at: now, slot: metrics.currentStepSlot, beforePromotion: record.fullTrafficAt == nil,
            requests: metrics.requests, candidate: metrics.candidateRequests)
    }

    /// Scrapes the candidate pods' counters, if a scrape is due now and not taken yet.
    mutating func scrapeIfDue() {
        guard let series = metric, series.isScrapeDue(at: now) else { return }
        advanceSmokeTest()
        metric?.record(
            .init(time: now, requests: metrics.candidatePodRequests, failures: metrics.failedCandidatePodRequests))
    }

    /// Takes the scrape due now and schedules the next one.
    mutating func scrape() {
        scrapeIfDue()
        if let series = metric { events.schedule(.metricScrape, at: series.nextScrape(after: now)) }
    }

    /// What a query of the candidate's metric reads now, after the scrape due now.
    mutating func queryCandidateMetric() -> MetricReading? {
        scrapeIfDue()
        return metric?.reading(at: now)
    }

    /// Starts an analysis run: its first measurement after `initialDelay`.
    mutating func startAnalysis(_ purpose: AnalysisPurpose, count: Int? = nil, stopsAt: Int64 = .max) -> Bool {
        guard let spec = analysisSpec else { return false }
        nextAnalysisId += 1
        let active = ActiveAnalysis(
            id: nextAnalysisId, purpose: purpose, run: AnalysisRun(spec: spec, count: count), stopsAt: stopsAt)
        if purpose.isBackground { background = active } else { blocking = active }
        record(
            .analysisStarted(
                purpose, interval: spec.interval, count: count ?? spec.count, initialDelay: spec.initialDelay))
        events.schedule(.analysisTick(run: active.id), at: now + spec.initialDelay.nanoseconds)
        return true
    }

    /// Takes a measurement of run `id`; returns what the strategy must hear when the run ended.
    mutating func measureAnalysis(id: Int) -> ReleaseEvent<Timer>? {
        let isBackground: Bool
        if background?.id == id {
            isBackground = true
        } else if blocking?.id == id {
            isBackground = false
        } else {
            return nil
        }
        guard var active = isBackground ? background : blocking else { return nil }
        let reading = queryCandidateMetric()
        let measurement = active.run.measure(reading)
        record.analysisMeasurements += 1
        if measurement.hasData { record.measurementsWithData += 1 }
        record(.analysisMeasured(active.purpose, measurement))
        var phase = measurement.runPhase
        let next = active.run.nextMeasurement(after: measurement.phase, at: now)
        if phase == .running && next > active.stopsAt { phase = .successful }
        guard phase.isCompleted else {
            if isBackground { background = active } else { blocking = active }
            events.schedule(.analysisTick(run: id), at: next)
            return nil
        }
        if isBackground { background = nil } else { blocking = nil }
        record(.analysisEnded(active.purpose, phase))
        if isBackground { return phase == .successful ? nil : .backgroundAnalysisEnded(active.purpose, phase) }
        return .analysisFinished(phase)
    }

    /// Ends the background analysis at full promotion and starts the external watchdog, if the
    /// scenario asks for one.
    mutating func analysisAtFullPromotion() {
        if let active = background, active.purpose == .background {
            background = nil
            record(.analysisTerminated)
        }
        if let spec = analysisSpec, spec.afterPromotion > .zero, background == nil {
            _ = startAnalysis(.watchdog, count: 0, stopsAt: now + spec.afterPromotion.nanoseconds)
        }
    }

    /// Stops every analysis run: the release was stopped or paused.
    mutating func stopChecks() {
        background = nil
        blocking = nil
        smokeTest = nil
    }

    /// Sends the smoke-test cases due by now, at the test's rate.
    mutating func advanceSmokeTest() {
        guard let test = smokeTest else { return }
        let elapsed = Double(now - test.startedAt) / 1e9
        sendSmokeCases(upTo: Int(min(elapsed * test.spec.rps, Double(test.spec.requests))))
    }

    /// Sends smoke-test cases until `due` were sent: each fails with the candidate's baseline
    /// rate, or exercises the fault (when it is on) with probability `coverage` and then fails
    /// with the fault's rate.
    private mutating func sendSmokeCases(upTo due: Int) {
        guard var test = smokeTest, due > test.sent else { return }
        let faultPart = faultActive ? test.spec.coverage * errors.faultErrorRate : 0
        let failure = TwoWaySplit(candidateShare: 1 - (1 - errors.candidateErrorRate) * (1 - faultPart))
        for _ in test.sent..<due where failure.picksCandidate(using: &generator) {
            test.failed += 1
            metrics.failedSmokeRequests += 1
        }
        metrics.smokeRequests += due - test.sent
        test.sent = due
        smokeTest = test
    }

    /// Ends the smoke test in progress and returns whether it passed: no case failed, or the
    /// failed share is within the `maxErrorRate` the scenario set.
    mutating func finishSmokeTest() -> Bool? {
        guard let spec = smokeTest?.spec else { return nil }
        sendSmokeCases(upTo: spec.requests)
        let failed = smokeTest?.failed ?? 0
        smokeTest = nil
        let passed: Bool
        if let limit = spec.maxErrorRate {
            passed = spec.requests == 0 || Double(failed) / Double(spec.requests) <= limit
        } else {
            passed = failed == 0
        }
        record(.smokeTestFinished(failed: failed, requests: spec.requests, passed: passed))
        return passed
    }

    /// Whether nothing can change the release's outcome any more: it finished or paused, and
    /// no analysis run or smoke test could still stop it.
    var outcomeIsFinal: Bool {
        (record.finishedAt != nil || record.outcome == .paused) && background == nil && blocking == nil
            && smokeTest == nil
    }

    // MARK: - Reachability

    /// Whether production requests can still reach the candidate, given whether the callers
    /// may still send some to it on their own account.
    func candidateReachable(callersMayReachCandidate: Bool) -> Bool {
        if routing.decidesPerRequest {
            return routing.l7ReachesCandidate && cluster.servingPods(of: .candidate) > 0
        }
        let servedThroughService =
            cluster.servingPods(of: .candidate) > 0
            && cluster.replicaSets.indices.contains { set in
                cluster.replicaSets[set].version == .candidate
                    && (routing.serviceReplicaSets.contains(set) || cluster.replicaSets[set].terminating > 0)
            }
        return callersMayReachCandidate || servedThroughService
    }

    /// Notes when production stops reaching a detected candidate, and returns true once an
    /// aborted release is over and production cannot reach the candidate again: the remaining
    /// requests all go to stable and change no reported figure.
    mutating func settleReachability(callersMayReachCandidate: Bool) -> Bool {
        let reachable = candidateReachable(callersMayReachCandidate: callersMayReachCandidate)
        if record.detectedAt != nil, record.candidateUnreachableAt == nil, !reachable {
            record.candidateUnreachableAt = now
        }
        return record.outcome == .aborted && record.finishedAt != nil && !reachable
    }
}
