import SplitRouter

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The production request stream of one run: Poisson arrivals, each routed by the L7 split or
/// by the caller model through the Service, failed or served, and counted.
///
/// Its endpoint tables are rebuilt only when a control event changed pods or routing, so
/// the per-request work is a few compares and table reads, with no allocation.
struct RequestPath<Callers: CallerModel> {
    private let traffic: TrafficModel
    private let errors: ErrorModel
    private let podCapacityRps: Double?
    private var callers: Callers
    private var endpoints = ServiceEndpoints()
    /// The ready endpoints the callers were last told of.
    private var notifiedEndpoints: [Int32] = []
    /// The candidate's ready pods, over which an L7 proxy balances candidate requests.
    private var candidateEndpoints: [Int32] = []
    /// Per pod: from when its fault fails requests (created + `fault.after`; never for stable).
    private var podFaultFrom: [Int64] = []
    /// The current offered rate, in requests per second.
    private(set) var rate: Double = 0 {
        didSet { nanosecondsPerArrival = rate > 0 ? 1e9 / rate : 0 }
    }
    /// The mean gap between arrivals at the current rate, so that a gap is one multiply.
    private var nanosecondsPerArrival: Double = 0
    private var nextArrival: Int64 = .max
    private var capacityPerSecond: (stable: Double, candidate: Double) = (.infinity, .infinity)
    private var windowEnd: Int64 = 0
    private var windowCounts: (stable: Double, candidate: Double) = (0, 0)
    /// Set once only stable can be reached again: the remaining requests change no figure.
    var onlyStableTrafficLeft = false

    private static var second: Int64 { 1_000_000_000 }

    init(traffic: TrafficModel, errors: ErrorModel, podCapacityRps: Double?, callers: Callers) {
        self.traffic = traffic
        self.errors = errors
        self.podCapacityRps = podCapacityRps
        self.callers = callers
    }

    /// Starts the stream at time 0 with the profile's first rate.
    mutating func start<Timer>(_ state: inout RunState<Timer>) {
        rate = traffic.rateProfile[0].rps
        scheduleNextArrival(from: 0, using: &state.generator)
    }

    /// Changes the offered rate from now on.
    mutating func changeRate<Timer>(toPoint index: Int, _ state: inout RunState<Timer>) {
        rate = traffic.rateProfile[index].rps
        scheduleNextArrival(from: state.now, using: &state.generator)
    }

    /// Applies the endpoint changes the callers have learnt of by `time`.
    mutating func learnEndpoints(at time: Int64) {
        callers.learnEndpoints(at: time)
    }

    /// Whether the callers may still send requests to a candidate pod on their own account.
    var callersMayReachCandidate: Bool {
        callers.mayReachCandidate(over: endpoints)
    }

    /// Gives the callers the connections they held before the release.
    mutating func openInitialConnections<Timer>(_ state: inout RunState<Timer>) {
        guard !state.routing.decidesPerRequest else { return }
        callers.openInitialConnections(over: endpoints, using: &state.generator)
    }

    /// Rebuilds the endpoint tables and capacities after pods or routing changed.
    mutating func rebuild<Timer>(from state: inout RunState<Timer>) {
        guard state.routingChanged else { return }
        state.routingChanged = false
        let cluster = state.cluster
        if endpoints.podFlags.count < cluster.pods.count {
            endpoints.podFlags.append(
                contentsOf: repeatElement(0, count: cluster.pods.count - endpoints.podFlags.count))
            for pod in cluster.pods[podFaultFrom.count...] {
                podFaultFrom.append(
                    errors.hasFault && pod.version == .candidate ? pod.createdAt + errors.faultAfter : .max)
            }
        }
        for (id, pod) in cluster.pods.enumerated() {
            var flags: UInt8 = pod.version == .candidate ? ServiceEndpoints.candidate : 0
            if pod.servesConnections { flags |= ServiceEndpoints.serves }
            endpoints.podFlags[id] = flags
        }
        endpoints.ready.removeAll(keepingCapacity: true)
        cluster.appendReadyEndpoints(of: state.routing.serviceReplicaSets, to: &endpoints.ready)
        for pod in endpoints.ready { endpoints.podFlags[Int(pod)] |= ServiceEndpoints.ready }
        if endpoints.ready != notifiedEndpoints {
            notifiedEndpoints = endpoints.ready
            if let learnAt = callers.endpointsChanged(to: endpoints, at: state.now) {
                state.events.schedule(.callersLearnEndpoints, at: learnAt)
            }
        }
        candidateEndpoints.removeAll(keepingCapacity: true)
        if state.routing.decidesPerRequest {
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

    /// Adds pod-seconds and under-capacity time up to `time`.
    func accumulateCost<Timer>(until time: Int64, _ state: inout RunState<Timer>, since last: inout Int64) {
        let span = time - last
        guard span > 0 else { return }
        state.metrics.podNanoseconds += Double(state.cluster.existingPods) * Double(span)
        state.metrics.peakPods = max(state.metrics.peakPods, state.cluster.existingPods)
        if let perPod = podCapacityRps {
            let ready = state.cluster.readyPods(of: .stable) + state.cluster.readyPods(of: .candidate)
            if Double(ready) * perPod < rate { state.metrics.underCapacityNanoseconds += span }
        }
        if rate > 0 && noReadyPod(state) { state.metrics.noReadyPodNanoseconds += span }
        last = time
    }

    /// Whether production traffic has no ready pod to go to: the Service has no ready
    /// endpoint, or an L7 split has neither a ready stable pod nor a ready canary endpoint.
    private func noReadyPod<Timer>(_ state: RunState<Timer>) -> Bool {
        if state.routing.decidesPerRequest {
            return state.cluster.readyPods(of: .stable) == 0 && candidateEndpoints.isEmpty
        }
        return endpoints.ready.isEmpty
    }

    /// Generates and routes every production request that arrives before `end`.
    ///
    /// - Complexity: O(*k*) for *k* requests; no allocation.
    mutating func stream<Timer>(until end: Int64, _ state: inout RunState<Timer>) {
        if onlyStableTrafficLeft {
            if nextArrival < end { scheduleNextArrival(from: end, using: &state.generator) }
            return
        }
        if state.routing.mirrorThreshold > 0 {
            streamMirroring(until: end, &state)
            return
        }
        while nextArrival < end {
            let time = nextArrival
            serveRequest(at: time, &state)
            scheduleNextArrival(from: time, using: &state.generator)
        }
    }

    /// The stream while an L7 mirror route copies requests to the candidate: a loop of its own,
    /// because the mirror's work inside the common loop slows every request by a fifth, mirror
    /// or not (measured with `splitsim-bench simulation`).
    @inline(never)
    private mutating func streamMirroring<Timer>(until end: Int64, _ state: inout RunState<Timer>) {
        while nextArrival < end {
            let time = nextArrival
            let traits = serveRequest(at: time, &state)
            if !candidateEndpoints.isEmpty && state.generator.next() < state.routing.mirrorThreshold {
                mirror(for: traits, at: time, &state)
            }
            scheduleNextArrival(from: time, using: &state.generator)
        }
    }

    /// Serves one production request and returns its user's traits.
    @inline(__always)
    @discardableResult
    private mutating func serveRequest<Timer>(at time: Int64, _ state: inout RunState<Timer>) -> UInt8 {
        let user = state.generator.uniform(below: traffic.users)
        let traits = traffic.userTraits[user]
        let isCandidate: Bool
        var refused = false
        // The pod that serves the request, when the candidate's fault depends on its age.
        var server: Int32 = -1
        if state.routing.decidesPerRequest {
            let header = traffic.headerThresholds.isEmpty ? 0 : traffic.headerValue(for: state.generator.next())
            // With no ready canary endpoint the proxy keeps the request on the main backend
            // (ingress-nginx balancer.lua, route_to_alternative_balancer: no alternative balancer).
            isCandidate =
                state.routing.picksCandidate(header: header, cookie: Int(traits >> 1), draw: state.generator.next())
                && !candidateEndpoints.isEmpty
            // The proxy balances each request over the canary's ready pods.
            if isCandidate && errors.hasFault {
                server = candidateEndpoints[state.generator.uniform(below: candidateEndpoints.count)]
            }
        } else {
            server = callers.pod(for: user, at: time, over: endpoints, using: &state.generator)
            refused = server < 0
            isCandidate = server >= 0 && endpoints.isCandidate(server)
        }
        let faultOn = isCandidate && server >= 0 && time >= podFaultFrom[Int(server)]

        advanceCapacityWindow(to: time)
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
        // One draw decides both versions' verdicts (common random numbers): a failure that
        // stable would also have had is the baseline's, not the release's.
        let failed: Bool
        var stableWouldFail = false
        if refused || overloaded {
            failed = true
        } else {
            let draw = state.generator.next()
            failed = draw < threshold
            stableWouldFail = draw < errors.stable
        }

        state.metrics.requests += 1
        state.metrics.stepTraffic[state.metrics.currentStepSlot].requests += 1
        if refused {
            state.metrics.refusedRequests += 1
        } else if overloaded {
            state.metrics.capacityFailedRequests += 1
        }
        if isCandidate {
            if faultOn && state.record.faultStartedAt == nil { state.record.faultStartedAt = time }
            if state.metrics.candidateRequests == 0 { state.metrics.firstCandidateRequestAt = time }
            state.metrics.lastCandidateRequestAt = time
            state.metrics.candidateRequests += 1
            state.metrics.stepTraffic[state.metrics.currentStepSlot].candidate += 1
            state.metrics.exposedUsers.insert(user)
            if failed {
                state.metrics.failedCandidateRequests += 1
                if !stableWouldFail {
                    state.metrics.excessFailedCandidateRequests += 1
                    state.metrics.failedUsers.insert(user)
                }
            }
        } else if !refused {
            state.metrics.stableRequests += 1
            state.metrics.stableUsers.insert(user)
        }
        return traits
    }

    /// Starts a new one-second capacity window when `time` is past the current one.
    @inline(__always)
    private mutating func advanceCapacityWindow(to time: Int64) {
        guard time >= windowEnd else { return }
        windowEnd = time - time % Self.second + Self.second
        windowCounts = (0, 0)
    }

    /// Serves a mirrored copy of a request of a user with `traits` on a canary pod: it loads the
    /// canary and counts in the canary pods' metrics; its response is dropped, so no user sees
    /// it fail.
    @inline(__always)
    private mutating func mirror<Timer>(for traits: UInt8, at time: Int64, _ state: inout RunState<Timer>) {
        let pod = candidateEndpoints[state.generator.uniform(below: candidateEndpoints.count)]
        advanceCapacityWindow(to: time)
        windowCounts.candidate += 1
        let faultOn = time >= podFaultFrom[Int(pod)]
        let threshold = faultOn && traits & 1 != 0 ? errors.candidateFaulty : errors.candidate
        let failed = windowCounts.candidate > capacityPerSecond.candidate || state.generator.next() < threshold
        state.metrics.mirroredRequests += 1
        if failed { state.metrics.failedMirroredRequests += 1 }
    }

    @inline(__always)
    private mutating func scheduleNextArrival(from time: Int64, using generator: inout Xoshiro256StarStar) {
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
}
