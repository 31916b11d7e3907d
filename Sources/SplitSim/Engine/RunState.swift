import SplitRouter

/// Everything one run knows apart from the request path: the cluster, the routing the last
/// control event built, the release's milestones, the checks in progress and the trace.
///
/// Strategies reach it only through ``ReleaseControl``; the run loop applies control events
/// to it and the request path reads its routing and writes its metrics.
struct RunState<Timer: Sendable> {
    /// The background analysis: the strategy's settings, and the run once it started.
    struct BackgroundAnalysis {
        var template: AnalysisMonitor?
        var monitor: AnalysisMonitor?
        var initialDelay: Int64 = 0
        var afterPromotion: Int64 = 0
        var stopsAt: Int64 = .max
        var running = false
    }

    /// An `analysis` step in progress.
    struct StepAnalysis {
        var monitor: AnalysisMonitor
        var remaining: Int
        var step: Int
    }

    /// A smoke test in progress.
    struct SmokeTest {
        var spec: SmokeTestSpec
        var startedAt: Int64
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
    var analysis = BackgroundAnalysis()
    var stepAnalysis: StepAnalysis?
    var smokeTest: SmokeTest?

    init(
        duration: Int64, replicas: Int, cluster: ClusterState, traffic: TrafficModel,
        errors: ErrorModel, analysis: (monitor: AnalysisMonitor, initialDelay: Int64, afterPromotion: Int64)?,
        generator: Xoshiro256StarStar, tracing: Bool
    ) {
        self.duration = duration
        self.replicas = replicas
        self.cluster = cluster
        metrics = RunMetrics(users: traffic.users)
        self.traffic = traffic
        self.errors = errors
        self.generator = generator
        self.analysis.template = analysis?.monitor
        self.analysis.initialDelay = analysis?.initialDelay ?? 0
        self.analysis.afterPromotion = analysis?.afterPromotion ?? 0
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

    /// Takes a background measurement; returns true when the analysis failed with it.
    mutating func measureAnalysis() -> Bool {
        guard analysis.running, var monitor = analysis.monitor else { return false }
        let verdict = monitor.measure(
            requests: metrics.candidateRequests, failures: metrics.failedCandidateRequests)
        analysis.monitor = monitor
        let measurement = AnalysisMeasurement(
            verdict: verdict, failures: monitor.failures, failureLimit: monitor.failureLimit,
            minRequests: monitor.minRequests)
        record(.analysisMeasured(measurement))
        if monitor.hasFailed {
            analysis.running = false
            recordDetection()
            return true
        }
        if now + monitor.interval <= analysis.stopsAt {
            events.schedule(.analysisTick, at: now + monitor.interval)
        } else {
            analysis.running = false
            let afterPromotion = SimDuration(nanoseconds: analysis.afterPromotion)
            record(.analysisEnded(afterPromotion: afterPromotion))
        }
        return false
    }

    /// Takes the running `analysis` step's measurement; returns its verdict once the step ended.
    mutating func measureStep() -> Bool? {
        guard var current = stepAnalysis else { return nil }
        let verdict = current.monitor.measure(
            requests: metrics.candidateRequests, failures: metrics.failedCandidateRequests)
        current.remaining -= 1
        record(.stepAnalysisMeasured(step: current.step, verdict: verdict))
        if current.monitor.hasFailed {
            stepAnalysis = nil
            recordDetection()
            return false
        }
        if current.remaining <= 0 {
            stepAnalysis = nil
            return true
        }
        stepAnalysis = current
        events.schedule(.stepMeasurement, at: now + current.monitor.interval)
        return nil
    }

    /// Ends the smoke test in progress and returns whether it passed.
    ///
    /// Each request fails with the candidate's baseline rate, and hits the fault (when it is
    /// on) with probability `coverage × fault.errorRate`.
    mutating func finishSmokeTest() -> Bool? {
        guard let test = smokeTest else { return nil }
        smokeTest = nil
        let requests = test.spec.requests
        if faultActive, record.faultStartedAt == nil, requests > 0 { record.faultStartedAt = test.startedAt }
        let faultPart = faultActive ? test.spec.coverage * errors.faultErrorRate : 0
        let failure = TwoWaySplit(candidateShare: 1 - (1 - errors.candidateErrorRate) * (1 - faultPart))
        var failed = 0
        for _ in 0..<max(requests, 0) where failure.picksCandidate(using: &generator) { failed += 1 }
        metrics.smokeRequests += max(requests, 0)
        let rate = requests > 0 ? Double(failed) / Double(requests) : 0
        let passed = rate <= test.spec.maxErrorRate
        record(.smokeTestFinished(failed: failed, requests: requests, passed: passed))
        if !passed { recordDetection() }
        return passed
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
