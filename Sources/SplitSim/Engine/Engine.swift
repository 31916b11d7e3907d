import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The state of one simulated run: the cluster, the routing the last control event built,
/// the request stream, and what was measured.
///
/// Strategies drive it through its methods (scale a ReplicaSet, set a weight, set a timer,
/// abort, promote); ``Simulation`` runs the event loop and streams requests between events.
public struct Engine {
    /// Error probabilities of the two versions, as thresholds for 64-bit draws.
    public struct ErrorModel: Sendable {
        /// Baseline failure threshold of stable requests.
        public var stable: UInt64
        /// Baseline failure threshold of candidate requests.
        public var candidate: UInt64
        /// Failure threshold of candidate requests of fault-affected users once the fault is on.
        public var candidateFaulty: UInt64
        /// The fault's own failure probability, for smoke tests.
        public var faultErrorRate: Double
        /// The candidate's baseline failure probability, for smoke tests.
        public var candidateErrorRate: Double
        /// Candidate pod age from which the fault fails requests, in nanoseconds.
        public var faultAfter: Int64
        /// Whether the candidate has a fault that can fail anything.
        public var hasFault: Bool

        /// Compiles per-request probabilities; a fault adds to the baseline independently.
        public init(
            stableErrorRate: Double, candidateErrorRate: Double,
            faultErrorRate: Double, faultUserShare: Double, faultAfter: Int64
        ) {
            stable = TwoWaySplit(candidateShare: stableErrorRate).threshold
            candidate = TwoWaySplit(candidateShare: candidateErrorRate).threshold
            let combined = 1 - (1 - candidateErrorRate) * (1 - faultErrorRate)
            candidateFaulty = TwoWaySplit(candidateShare: combined).threshold
            self.faultErrorRate = faultErrorRate
            self.candidateErrorRate = candidateErrorRate
            self.faultAfter = faultAfter
            hasFault = faultErrorRate > 0 && faultUserShare > 0
        }
    }

    /// The header and cookie values production requests carry, in id order (id = index + 1).
    public var requestHeaders: [HTTPField] { traffic.headers }
    /// The cookie values users send, in id order (id = index + 1).
    public var requestCookies: [HTTPField] { traffic.cookies }

    /// The current simulated time in nanoseconds.
    public private(set) var now: Int64 = 0
    /// When the run ends.
    public let duration: Int64
    /// The desired replica count of the service.
    public let replicas: Int
    /// Pods and ReplicaSets.
    public private(set) var cluster: ClusterState
    /// What was measured so far.
    public private(set) var metrics: RunMetrics
    /// How the release ended, once it did.
    public private(set) var outcome: RunOutcome = .incomplete
    /// When the faulty candidate first served a request (production or smoke test) with its fault on.
    public private(set) var faultStartedAt: Int64?
    /// When a smoke test or the analysis caught the fault.
    public private(set) var detectedAt: Int64?
    /// When production could no longer reach the candidate after detection.
    public private(set) var candidateUnreachableAt: Int64?
    /// When the candidate took all traffic.
    public private(set) var fullTrafficAt: Int64?
    /// When the release reached its end state (promoted and old version gone, or aborted and candidate gone).
    public private(set) var finishedAt: Int64?
    /// Users who got responses from both versions before the release reached its end state.
    public var usersSawBoth: Int {
        usersSawBothAtFinish ?? metrics.exposedUsers.intersectionCount(with: metrics.stableUsers)
    }
    private var usersSawBothAtFinish: Int?
    /// True once an aborted release is over and production cannot reach the candidate again:
    /// the remaining requests all go to stable and change no reported figure.
    private var onlyStableTrafficLeft = false

    /// The events of the run, when tracing.
    public private(set) var trace: [TraceEvent]?

    let traffic: TrafficModel
    let errors: ErrorModel
    let podCapacityRps: Double?
    var events = EventQueue<ControlEvent>()
    var generator: Xoshiro256StarStar

    /// How requests are routed now.
    public private(set) var routing = RoutingState()
    private var routingChanged = true
    private var endpoints: [Int32] = []
    /// The candidate's ready pods, over which an L7 proxy balances candidate requests.
    private var candidateEndpoints: [Int32] = []
    private var podFlags: [UInt8] = []
    /// Per pod: from when its fault fails requests (created + `fault.after`; never for stable).
    private var podFaultFrom: [Int64] = []
    private var connections: [Int32]
    private var rate: Double = 0 {
        didSet { nanosecondsPerArrival = rate > 0 ? 1e9 / rate : 0 }
    }
    /// The mean gap between arrivals at the current rate, so that a gap is one multiply.
    private var nanosecondsPerArrival: Double = 0
    private var nextArrival: Int64 = .max
    private var capacityPerSecond: (stable: Double, candidate: Double) = (.infinity, .infinity)
    private var windowEnd: Int64 = 0
    private var windowCounts: (stable: Double, candidate: Double) = (0, 0)
    private var faultActive = false
    private var smokeTestStartedAt: Int64?
    private var faultOnsetScheduled = false
    private var lastCostTime: Int64 = 0

    private var analysis: AnalysisMonitor?
    /// The strategy's analysis settings, for `analysis` steps; nil when it has none.
    public let analysisTemplate: AnalysisMonitor?
    private var analysisInitialDelay: Int64 = 0
    private var analysisAfterPromotion: Int64 = 0
    private var analysisStopsAt: Int64 = .max
    private var analysisRunning = false
    private var analysisStarted = false
    /// Set when the background analysis failed at the last event; the loop tells the strategy.
    var analysisJustFailed = false

    private static let podServes: UInt8 = 2
    private static let podCandidate: UInt8 = 1
    private static let second: Int64 = 1_000_000_000

    /// Creates a run.
    public init(
        duration: Int64,
        replicas: Int,
        podStartup: Int64,
        podShutdown: Int64,
        podCapacityRps: Double?,
        traffic: TrafficModel,
        errors: ErrorModel,
        analysis: (monitor: AnalysisMonitor, initialDelay: Int64, afterPromotion: Int64)?,
        seed: UInt64,
        stream: Int,
        tracing: Bool
    ) {
        self.duration = duration
        self.replicas = replicas
        cluster = ClusterState(podStartup: podStartup, podShutdown: podShutdown)
        metrics = RunMetrics(users: traffic.users)
        self.traffic = traffic
        self.errors = errors
        self.podCapacityRps = podCapacityRps
        generator = Xoshiro256StarStar(seed: seed, stream: stream)
        connections = Array(repeating: -1, count: traffic.users)
        analysisTemplate = analysis?.monitor
        analysisInitialDelay = analysis?.initialDelay ?? 0
        analysisAfterPromotion = analysis?.afterPromotion ?? 0
        trace = tracing ? [] : nil
    }

    // MARK: - What strategies call

    /// Adds a ReplicaSet and returns its index.
    public mutating func addReplicaSet(named name: String, version: ReleaseVersion) -> Int {
        cluster.addReplicaSet(named: name, version: version)
    }

    /// Adds pods that were ready before the release began.
    public mutating func addRunningPods(_ count: Int, to replicaSet: Int) {
        cluster.addReadyPods(count, to: replicaSet)
        syncPodFlags()
    }

    /// Scales a ReplicaSet, creating or terminating pods.
    public mutating func scale(_ replicaSet: Int, to spec: Int) {
        let before = cluster.replicaSets[replicaSet].spec
        guard before != spec || cluster.replicaSets[replicaSet].active != spec else { return }
        cluster.scale(replicaSet, to: spec, at: now, events: &events)
        syncPodFlags()
        routingChanged = true
        let set = cluster.replicaSets[replicaSet]
        if set.version == .candidate && spec > 0 && !faultOnsetScheduled && errors.hasFault {
            faultOnsetScheduled = true
            events.schedule(.faultOnset, at: now + errors.faultAfter)
        }
        if before != spec {
            note("scale", "\(set.name) scaled \(before) → \(spec)")
        }
    }

    /// Sets which ReplicaSets the production Service selects, and routes through it.
    public mutating func selectForService(_ replicaSets: [Int]) {
        routing.serviceReplicaSets = replicaSets
        routing.routeThroughService()
        routingChanged = true
    }

    /// Routes production requests per request by an L7 split: the header and cookie
    /// verdicts first, then `weight`.
    ///
    /// - Parameter decisions: one per request class, `headerId * (cookies + 1) + cookieId`
    ///   over the scenario's header and cookie values (id 0: none); empty for weight only.
    public mutating func routePerRequest(weight: TwoWaySplit, decisions: [CanaryDecision] = []) {
        routing.routePerRequest(weight: weight, decisions: decisions, cookieStride: traffic.cookieCount + 1)
        routingChanged = true
    }

    /// Sets a timer for the strategy.
    public mutating func schedule(_ timer: StrategyTimer, after delay: Int64) {
        events.schedule(.timer(timer), at: now + max(delay, 0))
    }

    /// Starts the background analysis, if the strategy has one and it is not running yet.
    public mutating func startAnalysis() {
        guard !analysisStarted, var monitor = analysisTemplate else { return }
        analysisStarted = true
        analysisRunning = true
        monitor.startWindow(requests: metrics.candidateRequests, failures: metrics.failedCandidateRequests)
        analysis = monitor
        events.schedule(.analysisTick, at: now + analysisInitialDelay + monitor.interval)
        note(
            "analysis-start",
            "analysis starts: every \(SimDuration(nanoseconds: monitor.interval)), fail above \(ShareText.percent(monitor.maxErrorRate)) errors"
        )
    }

    /// Counts requests from now on toward step `index` of the strategy (1-based slots).
    public mutating func beginStep(_ index: Int) {
        while metrics.stepTraffic.count <= index + 1 { metrics.stepTraffic.append((0, 0)) }
        metrics.currentStepSlot = index + 1
    }

    /// Stops counting requests toward a step.
    public mutating func endSteps() {
        metrics.currentStepSlot = 0
    }

    /// Starts a smoke test: its synthetic requests go to the candidate from now on, and
    /// ``StrategyTimer/smokeTestOver`` fires when the last one was sent.
    public mutating func startSmokeTest(requests: Int, rps: Double, through route: String) {
        smokeTestStartedAt = now
        let seconds = Double(max(requests, 0)) / max(rps, 1e-9)
        note("smoke-test", "smoke test starts: \(requests) requests through \(route) at \(Self.format(rps))/s")
        schedule(.smokeTestOver, after: SimDuration.seconds(seconds).nanoseconds)
    }

    /// Evaluates the smoke test started by ``startSmokeTest(requests:rps:through:)`` and
    /// returns whether it passed.
    ///
    /// Each request fails with the candidate's baseline rate, and hits the fault (when it is
    /// on) with probability `coverage × fault.errorRate`.
    public mutating func finishSmokeTest(requests: Int, maxErrorRate: Double, coverage: Double) -> Bool {
        if faultActive, faultStartedAt == nil, requests > 0 { faultStartedAt = smokeTestStartedAt ?? now }
        let faultPart = faultActive ? coverage * errors.faultErrorRate : 0
        let failure = TwoWaySplit(candidateShare: 1 - (1 - errors.candidateErrorRate) * (1 - faultPart))
        var failed = 0
        for _ in 0..<max(requests, 0) where failure.picksCandidate(using: &generator) { failed += 1 }
        metrics.smokeRequests += max(requests, 0)
        let rate = requests > 0 ? Double(failed) / Double(requests) : 0
        let passed = rate <= maxErrorRate
        note(
            "smoke-test",
            "smoke test: \(failed) of \(requests) failed (\(ShareText.percent(rate))) → \(passed ? "passed" : "failed")"
        )
        if !passed { recordDetection() }
        return passed
    }

    /// Records that the candidate took all production traffic.
    public mutating func candidateTookFullTraffic() {
        guard fullTrafficAt == nil else { return }
        fullTrafficAt = now
        if analysisRunning { analysisStopsAt = now + analysisAfterPromotion }
        note("full-traffic", "candidate takes 100 % of traffic")
    }

    /// Records that the release was stopped; production goes back to stable.
    public mutating func abort(_ reason: String) {
        guard outcome != .aborted else { return }
        outcome = .aborted
        finishedAt = nil
        analysisRunning = false
        note("abort", reason)
    }

    /// Records that the release reached its end state.
    public mutating func finish() {
        guard finishedAt == nil else { return }
        finishedAt = now
        usersSawBothAtFinish = metrics.exposedUsers.intersectionCount(with: metrics.stableUsers)
        if outcome == .incomplete && fullTrafficAt != nil { outcome = .promoted }
        note(
            "done",
            outcome == .aborted
                ? "release stopped: production is back on stable and the candidate is scaled away"
                : "release complete: the candidate serves all traffic")
    }

    /// Whether the release was aborted or rolled back.
    public var isAborted: Bool { outcome == .aborted }

    /// Writes a trace line, when tracing.
    public mutating func note(_ kind: String, _ detail: String) {
        guard trace != nil else { return }
        let stableReady = cluster.readyPods(of: .stable)
        let candidateReady = cluster.readyPods(of: .candidate)
        let event = TraceEvent(
            time: now, kind: kind, detail: detail, stableReady: stableReady,
            candidateReady: candidateReady, pods: cluster.existingPods,
            candidateShare: currentCandidateShare(),
            replicaSets: cluster.replicaSets.filter { $0.spec > 0 || $0.existing > 0 }.map {
                ReplicaSetSnapshot(name: $0.name, spec: $0.spec, ready: $0.ready, terminating: $0.terminating)
            })
        trace?.append(event)
    }

    /// Ready pods of a ReplicaSet.
    public func readyPods(in replicaSet: Int) -> Int { cluster.replicaSets[replicaSet].ready }

    // MARK: - What the event loop calls

    mutating func prepare() {
        events.schedule(.end, at: duration)
        for (index, point) in traffic.rateProfile.enumerated() where index > 0 {
            events.schedule(.rateChange(index), at: point.at)
        }
        rate = traffic.rateProfile[0].rps
        scheduleNextArrival(from: 0)
    }

    /// Applies an event to the cluster and the engine's own state before the strategy sees it.
    mutating func apply(_ event: ControlEvent, at time: Int64) {
        now = time
        switch event {
        case .podReady(let id):
            if cluster.markReady(Int(id), at: time) {
                syncPodFlags()
                routingChanged = true
                let pod = cluster.pods[Int(id)]
                let set = cluster.replicaSets[pod.replicaSet]
                let inService = !routing.decidesPerRequest && routing.serviceReplicaSets.contains(pod.replicaSet)
                note(
                    "pod-ready",
                    "\(pod.version) pod \(pod.name) ready (\(set.ready)/\(set.spec))"
                        + (inService ? endpointSummary() : ""))
            }
        case .podGone(let id):
            cluster.markGone(Int(id))
            syncPodFlags()
            routingChanged = true
            note(
                "pod-gone",
                "\(cluster.pods[Int(id)].version) pod \(cluster.pods[Int(id)].name) gone; its connections reconnect")
        case .rateChange(let index):
            rate = traffic.rateProfile[index].rps
            scheduleNextArrival(from: time)
            note("traffic", "traffic changes to \(Self.format(rate)) requests/s")
        case .faultOnset:
            faultActive = true
        case .analysisTick:
            measureAnalysis()
        case .timer, .end:
            break
        }
    }

    /// Gives clients the open connections that clients of a service running before the
    /// release have: after its last request, a client's connection is still open unless
    /// that request closed it. Without this, every user's first request would open a
    /// connection and a new pod would get an unrealistic share of them.
    mutating func openInitialConnections() {
        guard !routing.decidesPerRequest, !endpoints.isEmpty else { return }
        for user in connections.indices where generator.next() >= traffic.closeThreshold {
            connections[user] = endpoints[generator.uniform(below: endpoints.count)]
        }
    }

    /// Rebuilds endpoints and capacities after the strategy reacted, and notes when
    /// production stops reaching a detected candidate.
    mutating func settle() {
        if routingChanged {
            routingChanged = false
            endpoints.removeAll(keepingCapacity: true)
            cluster.appendReadyEndpoints(of: routing.serviceReplicaSets, to: &endpoints)
            candidateEndpoints.removeAll(keepingCapacity: true)
            if routing.decidesPerRequest {
                cluster.appendReadyEndpoints(
                    of: cluster.replicaSets.indices.filter { cluster.replicaSets[$0].version == .candidate },
                    to: &candidateEndpoints)
            }
            if let perPod = podCapacityRps {
                capacityPerSecond = (
                    Double(cluster.servingPods(of: .stable)) * perPod,
                    Double(cluster.servingPods(of: .candidate)) * perPod
                )
            }
        }
        let reachable = candidateReachable
        if detectedAt != nil, candidateUnreachableAt == nil, !reachable {
            candidateUnreachableAt = now
        }
        onlyStableTrafficLeft = outcome == .aborted && finishedAt != nil && !reachable
    }

    /// Whether production requests can still reach the candidate.
    var candidateReachable: Bool {
        if routing.decidesPerRequest {
            return routing.l7ReachesCandidate && cluster.servingPods(of: .candidate) > 0
        }
        return cluster.servingPods(of: .candidate) > 0
            && cluster.replicaSets.indices.contains { set in
                cluster.replicaSets[set].version == .candidate
                    && (routing.serviceReplicaSets.contains(set) || cluster.replicaSets[set].terminating > 0)
            }
    }

    /// Adds pod-seconds and under-capacity time up to `time`.
    mutating func accumulateCost(until time: Int64) {
        let span = time - lastCostTime
        guard span > 0 else { return }
        metrics.podNanoseconds += Double(cluster.existingPods) * Double(span)
        metrics.peakPods = max(metrics.peakPods, cluster.activePods)
        if let perPod = podCapacityRps {
            let ready = cluster.readyPods(of: .stable) + cluster.readyPods(of: .candidate)
            if Double(ready) * perPod < rate { metrics.underCapacityNanoseconds += span }
        }
        lastCostTime = time
    }

    // MARK: - The request stream

    /// Generates and routes every production request that arrives before `end`.
    ///
    /// - Complexity: O(*k*) for *k* requests; no allocation.
    mutating func streamRequests(until end: Int64) {
        if onlyStableTrafficLeft {
            if nextArrival < end { scheduleNextArrival(from: end) }
            return
        }
        while nextArrival < end {
            let time = nextArrival
            serveRequest(at: time)
            scheduleNextArrival(from: time)
        }
    }

    @inline(__always)
    private mutating func serveRequest(at time: Int64) {
        let user = generator.uniform(below: traffic.users)
        let traits = traffic.userTraits[user]
        let isCandidate: Bool
        var refused = false
        // The pod that serves the request, when the candidate's fault depends on its age.
        var server: Int32 = -1
        if routing.decidesPerRequest {
            let header = traffic.headerThresholds.isEmpty ? 0 : traffic.headerValue(for: generator.next())
            isCandidate = routing.picksCandidate(header: header, cookie: Int(traits >> 1), draw: generator.next())
            // The proxy balances each request over the canary's ready pods.
            if isCandidate && errors.hasFault && !candidateEndpoints.isEmpty {
                server = candidateEndpoints[generator.uniform(below: candidateEndpoints.count)]
            }
        } else {
            var pod = connections[user]
            if pod < 0 || podFlags[Int(pod)] & Self.podServes == 0 {
                if endpoints.isEmpty {
                    pod = -1
                    refused = true
                } else {
                    pod = endpoints[generator.uniform(below: endpoints.count)]
                }
                connections[user] = pod
            }
            isCandidate = pod >= 0 && podFlags[Int(pod)] & Self.podCandidate != 0
            if pod >= 0 && generator.next() < traffic.closeThreshold { connections[user] = -1 }
            server = pod
        }
        let faultOn = isCandidate && server >= 0 && time >= podFaultFrom[Int(server)]

        if time >= windowEnd {
            windowEnd = time - time % Self.second + Self.second
            windowCounts = (0, 0)
        }
        let overloaded: Bool
        let threshold: UInt64
        if isCandidate {
            windowCounts.candidate += 1
            overloaded = windowCounts.candidate > capacityPerSecond.candidate
            threshold = faultOn && traits & 1 != 0 ? errors.candidateFaulty : errors.candidate
        } else {
            windowCounts.stable += 1
            overloaded = windowCounts.stable > capacityPerSecond.stable
            threshold = errors.stable
        }
        let failed = refused || overloaded || generator.next() < threshold

        metrics.requests += 1
        metrics.stepTraffic[metrics.currentStepSlot].requests += 1
        if failed { metrics.failedRequests += 1 }
        if isCandidate {
            if faultOn && faultStartedAt == nil { faultStartedAt = time }
            metrics.candidateRequests += 1
            metrics.stepTraffic[metrics.currentStepSlot].candidate += 1
            metrics.exposedUsers.insert(user)
            if failed {
                metrics.failedCandidateRequests += 1
                metrics.failedUsers.insert(user)
            }
        } else if !refused {
            metrics.stableUsers.insert(user)
        }
    }

    @inline(__always)
    private mutating func scheduleNextArrival(from time: Int64) {
        guard rate > 0 else {
            nextArrival = .max
            return
        }
        // A uniform draw in (0, 1] keeps the logarithm finite.
        let unit = Double((generator.next() >> 11) + 1) * 0x1.0p-53
        let gap = -log(unit) * nanosecondsPerArrival
        // Truncating and adding one rounds up without a libm call and keeps arrivals increasing.
        nextArrival = time + Int64(gap) + 1
    }

    // MARK: - Helpers

    private mutating func syncPodFlags() {
        if podFlags.count < cluster.pods.count {
            podFlags.append(contentsOf: repeatElement(0, count: cluster.pods.count - podFlags.count))
            for pod in cluster.pods[podFaultFrom.count...] {
                podFaultFrom.append(
                    errors.hasFault && pod.version == .candidate ? pod.createdAt + errors.faultAfter : .max)
            }
        }
        for (id, pod) in cluster.pods.enumerated() {
            var flags: UInt8 = pod.version == .candidate ? Self.podCandidate : 0
            if pod.servesConnections { flags |= Self.podServes }
            podFlags[id] = flags
        }
    }

    /// Records that a check caught the fault, if the candidate is faulty and it is live.
    mutating func recordDetection() {
        if detectedAt == nil && errors.hasFault && faultActive { detectedAt = now }
    }

    private mutating func measureAnalysis() {
        guard analysisRunning, var monitor = analysis else { return }
        let verdict = monitor.measure(requests: metrics.candidateRequests, failures: metrics.failedCandidateRequests)
        analysis = monitor
        switch verdict {
        case .passed(let errorRate, let requests):
            note(
                "analysis",
                "analysis: \(ShareText.percent(errorRate)) errors over \(requests) candidate requests → passed")
        case .failed(let errorRate, let requests):
            note(
                "analysis",
                "analysis: \(ShareText.percent(errorRate)) errors over \(requests) candidate requests → failed (\(monitor.failures) of limit \(monitor.failureLimit))"
            )
        case .inconclusive(let requests):
            note(
                "analysis", "analysis: \(requests) candidate requests, fewer than \(monitor.minRequests) → inconclusive"
            )
        }
        if monitor.hasFailed {
            analysisRunning = false
            analysisJustFailed = true
            recordDetection()
        } else if now + monitor.interval <= analysisStopsAt {
            events.schedule(.analysisTick, at: now + monitor.interval)
        } else {
            analysisRunning = false
            note(
                "analysis-end",
                "analysis ends: \(SimDuration(nanoseconds: analysisAfterPromotion)) after promotion without failure")
        }
    }

    /// `; candidate endpoints 1 of 11 → new connections 9.1 %` when the Service routes.
    private func endpointSummary() -> String {
        guard !routing.decidesPerRequest, !routing.serviceReplicaSets.isEmpty else { return "" }
        var total = 0
        var candidate = 0
        for set in routing.serviceReplicaSets {
            total += cluster.replicaSets[set].ready
            if cluster.replicaSets[set].version == .candidate { candidate += cluster.replicaSets[set].ready }
        }
        guard total > 0 else { return "; no ready endpoints" }
        return
            "; candidate endpoints \(candidate) of \(total) → new connections \(ShareText.percent(Double(candidate) / Double(total)))"
    }

    /// The candidate's share of new requests or new connections under the current routing.
    private func currentCandidateShare() -> Double {
        if routing.decidesPerRequest { return routing.weight.candidateShare }
        var total = 0
        var candidate = 0
        for set in routing.serviceReplicaSets {
            total += cluster.replicaSets[set].ready
            if cluster.replicaSets[set].version == .candidate { candidate += cluster.replicaSets[set].ready }
        }
        return total == 0 ? 0 : Double(candidate) / Double(total)
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
