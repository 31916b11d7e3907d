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
    /// - Parameter decisions: one per request class, `headerId * (cookies + 1) + cookieId`
    ///   over the scenario's header and cookie values (id 0: none); empty for weight only.
    public mutating func routePerRequest(weight: TwoWaySplit, decisions: [CanaryDecision] = []) {
        state.routing.routePerRequest(
            weight: weight, decisions: decisions, cookieStride: state.traffic.cookieCount + 1)
        state.routingChanged = true
    }

    // MARK: - Timers and steps

    /// Sets a timer; it comes back as ``ReleaseEvent/timer(_:)``.
    public mutating func schedule(_ timer: Timer, after delay: Int64) {
        state.events.schedule(.timer(timer), at: state.now + max(delay, 0))
    }

    /// Counts requests from now on toward step `index` of the strategy.
    public mutating func beginStep(_ index: Int) {
        while state.metrics.stepTraffic.count <= index + 1 { state.metrics.stepTraffic.append((0, 0)) }
        state.metrics.currentStepSlot = index + 1
    }

    /// Stops counting requests toward a step.
    public mutating func endSteps() {
        state.metrics.currentStepSlot = 0
    }

    // MARK: - Checks

    /// Starts the background analysis, if the strategy has one and it is not running yet.
    public mutating func startAnalysis() {
        guard state.analysis.monitor == nil, var monitor = state.analysis.template else { return }
        state.analysis.running = true
        monitor.startWindow(requests: state.metrics.candidateRequests, failures: state.metrics.failedCandidateRequests)
        state.analysis.monitor = monitor
        state.events.schedule(.analysisTick, at: state.now + state.analysis.initialDelay + monitor.interval)
        state.record(
            .analysisStarted(
                interval: SimDuration(nanoseconds: monitor.interval), maxErrorRate: monitor.maxErrorRate))
    }

    /// Runs step `step`'s analysis: `count` measurements, one per interval, then
    /// ``ReleaseEvent/analysisStepFinished(passed:)``. Returns false when the strategy has no
    /// analysis to run.
    public mutating func runAnalysisStep(_ step: Int, count: Int) -> Bool {
        guard var monitor = state.analysis.template else {
            state.record(.stepAnalysisSkipped(step: step))
            return false
        }
        monitor.startWindow(requests: state.metrics.candidateRequests, failures: state.metrics.failedCandidateRequests)
        state.stepAnalysis = .init(monitor: monitor, remaining: count, step: step)
        state.record(.stepAnalysis(step: step, count: count, interval: SimDuration(nanoseconds: monitor.interval)))
        state.events.schedule(.stepMeasurement, at: state.now + monitor.interval)
        return true
    }

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
        state.record.fullTrafficAt = state.now
        if state.analysis.running { state.analysis.stopsAt = state.now + state.analysis.afterPromotion }
        state.record(.fullTraffic)
    }

    /// Records that the release was stopped; checks in progress end with it.
    public mutating func abort(_ reason: AbortReason) {
        guard state.record.outcome != .aborted else { return }
        state.record.outcome = .aborted
        state.record.finishedAt = nil
        state.analysis.running = false
        state.stepAnalysis = nil
        state.smokeTest = nil
        state.record(.aborted(reason))
    }

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
