import SplitRouter

/// What a strategy sees of a run and the only way it acts on it: scale ReplicaSets, route
/// traffic, set its timers, start checks, promote, abort and finish.
///
/// The cluster is read-only here; pod changes, timers and the verdicts of checks come back
/// to the strategy as ``ReleaseEvent``s.
public struct ReleaseControl<Timer: Sendable> {
    var state: RunState<Timer>

    init(state: RunState<Timer>) {
        self.state = state
    }

    // MARK: - What a strategy reads

    /// The desired replica count of the service.
    public var replicas: Int { state.replicas }
    /// Pods and ReplicaSets, read-only.
    public var cluster: ClusterState { state.cluster }
    /// The header values production requests carry, in id order (id = index + 1).
    public var requestHeaders: [HTTPField] { state.traffic.headers }
    /// The cookie values users send, in id order (id = index + 1).
    public var requestCookies: [HTTPField] { state.traffic.cookies }
    /// Whether the release was stopped.
    public var isAborted: Bool { state.record.isAborted }

    /// Ready pods of a ReplicaSet.
    public func readyPods(in replicaSet: Int) -> Int { state.cluster.replicaSets[replicaSet].ready }

    // MARK: - Pods and routing

    /// Adds a ReplicaSet and returns its index.
    public mutating func addReplicaSet(named name: String, version: ReleaseVersion) -> Int {
        state.cluster.addReplicaSet(named: name, version: version)
    }

    /// Adds pods that were ready before the release began.
    public mutating func addRunningPods(_ count: Int, to replicaSet: Int) {
        state.cluster.addReadyPods(count, to: replicaSet)
        state.routingChanged = true
    }

    /// Scales a ReplicaSet, creating or terminating pods.
    public mutating func scale(_ replicaSet: Int, to spec: Int) {
        let before = state.cluster.replicaSets[replicaSet].spec
        guard before != spec || state.cluster.replicaSets[replicaSet].active != spec else { return }
        state.cluster.scale(replicaSet, to: spec, at: state.now, events: &state.events)
        state.routingChanged = true
        let set = state.cluster.replicaSets[replicaSet]
        if set.version == .candidate && spec > 0 && !state.faultOnsetScheduled && state.errors.hasFault {
            state.faultOnsetScheduled = true
            state.events.schedule(.faultOnset, at: state.now + state.errors.faultAfter)
        }
        if before != spec {
            state.record(.scaled(replicaSet: set.name, from: before, to: spec))
        }
    }

    /// Sets which ReplicaSets the production Service selects, and routes through it.
    public mutating func selectForService(_ replicaSets: [Int]) {
        state.routing.serviceReplicaSets = replicaSets
        state.routing.routeThroughService()
        state.routingChanged = true
    }

    /// Routes production requests per request by an L7 split: the header and cookie
    /// verdicts first, then `weight`.
    ///
    /// - Parameters:
    ///   - decisions: one per request class, `headerId * (cookies + 1) + cookieId` over the
    ///     scenario's header and cookie values (id 0: none); empty for weight only.
    ///   - mirror: the share of requests also copied to the candidate, whose responses are
    ///     dropped: they load it and count in its metrics, and no user sees them.
    public mutating func routePerRequest(
        weight: TwoWaySplit, decisions: [CanaryDecision] = [], mirror: TwoWaySplit = .init(candidateShare: 0)
    ) {
        state.routing.routePerRequest(
            weight: weight, decisions: decisions, cookieStride: state.traffic.cookieCount + 1, mirror: mirror)
        state.routingChanged = true
    }

    // MARK: - Timers and steps

    /// Sets a timer; it comes back as ``ReleaseEvent/timer(_:)``.
    public mutating func schedule(_ timer: Timer, after delay: Int64) {
        state.events.schedule(.timer(timer), at: state.now + max(delay, 0))
    }

    /// Counts requests from now on toward step `index` of the strategy.
    public mutating func beginStep(_ index: Int) {
        state.closeShareWindow()
        while state.metrics.stepTraffic.count <= index + 1 { state.metrics.stepTraffic.append((0, 0)) }
        state.metrics.currentStepSlot = index + 1
    }

    /// Stops counting requests toward a step.
    public mutating func endSteps() {
        state.closeShareWindow()
        state.metrics.currentStepSlot = 0
    }

    // MARK: - Checks

    /// Starts the background analysis, if the strategy has one and it is not running yet.
    public mutating func startAnalysis() {
        guard state.background == nil, state.record.fullTrafficAt == nil, state.analysisSpec?.background == true
        else { return }
        _ = state.startAnalysis(.background)
    }

    /// Runs a blocking analysis (an `analysis` step of `count` measurements, or blue-green's
    /// pre- or post-promotion analysis with the template's count); its phase comes back as
    /// ``ReleaseEvent/analysisFinished(_:)``. Returns false when the strategy has no analysis.
    public mutating func runAnalysis(_ purpose: AnalysisPurpose, count: Int? = nil) -> Bool {
        guard state.startAnalysis(purpose, count: count) else {
            if case .step(let step) = purpose { state.record(.stepAnalysisSkipped(step: step)) }
            return false
        }
        return true
    }

    /// What a query of the candidate pods' error-rate metric reads now: the last `window` of
    /// scraped samples, nil without data (for controllers that judge the metric themselves).
    /// Each query counts as a measurement in the run's figures.
    public mutating func queryCandidateMetric() -> MetricReading? {
        let reading = state.queryCandidateMetric()
        state.record.analysisMeasurements += 1
        if let reading, reading.requests >= Double(max(state.analysisSpec?.minRequests ?? 1, 1)) {
            state.record.measurementsWithData += 1
        }
        return reading
    }

    /// The strategy's analysis settings, if it has any.
    public var analysisSpec: AnalysisSpec? { state.analysisSpec }

    /// Starts a smoke test: its synthetic requests go to the candidate from now on, and
    /// ``ReleaseEvent/smokeTestFinished(passed:)`` reports its verdict when the last one was sent.
    public mutating func startSmokeTest(_ test: SmokeTestSpec, through route: SmokeTestRoute) {
        state.smokeTest = .init(spec: test, startedAt: state.now)
        let seconds = Double(max(test.requests, 0)) / max(test.rps, 1e-9)
        state.record(.smokeTestStarted(requests: test.requests, rps: test.rps, route: route))
        state.events.schedule(.smokeTestOver, at: state.now + max(SimDuration.seconds(seconds).nanoseconds, 0))
    }

    // MARK: - The release

    /// Records that the candidate took all production traffic.
    public mutating func candidateTookFullTraffic() {
        guard state.record.fullTrafficAt == nil else { return }
        state.closeShareWindow()
        state.record.fullTrafficAt = state.now
        state.record(.fullTraffic)
        state.analysisAtFullPromotion()
    }

    /// Records that the release was stopped; checks in progress end with it.
    public mutating func abort(_ reason: AbortReason) {
        guard state.record.outcome != .aborted else { return }
        state.record.outcome = .aborted
        state.record.finishedAt = nil
        // An analysis that erred for want of data stopped the release without seeing the fault.
        if Self.erred(reason.cause) {
            state.record.abortedWithoutData = true
        } else {
            state.recordDetection()
        }
        state.stopChecks()
        state.record(.aborted(reason))
    }

    private static func erred(_ cause: AbortCause) -> Bool {
        if case .analysis(_, .error) = cause { return true }
        return false
    }

    /// Pauses the release because `purpose`'s analysis was inconclusive: Argo waits for a
    /// person, so nothing moves until the run ends, and the outcome is `paused`.
    public mutating func pause(_ purpose: AnalysisPurpose) {
        guard state.record.outcome == .incomplete else { return }
        state.record.outcome = .paused
        state.stopChecks()
        state.record(.paused(purpose))
    }

    /// Whether the release is paused for a person.
    public var isPaused: Bool { state.record.outcome == .paused }

    /// Records that the release reached its end state.
    public mutating func finish() {
        guard state.record.finishedAt == nil else { return }
        state.record.finishedAt = state.now
        state.record.usersSawBothAtFinish = state.metrics.exposedUsers.intersectionCount(
            with: state.metrics.stableUsers)
        if state.record.outcome == .incomplete && state.record.fullTrafficAt != nil {
            state.record.outcome = .promoted
        }
        state.record(.finished(aborted: state.record.outcome == .aborted))
    }

    /// Records a step or another milestone in the trace.
    public mutating func record(_ detail: TraceDetail) {
        state.record(detail)
    }
}
