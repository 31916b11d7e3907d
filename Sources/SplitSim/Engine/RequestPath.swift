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
    private let ziggurat = ExponentialZiggurat()
    /// The split in force while requests are independent of each other; nil while callers
    /// hold connections or users, or a mirror copies requests: then each request is served.
    private var split: RequestSplit?
    /// Where the last stream call ended: the next one starts there.
    private var streamedUntil: Int64 = 0
    /// Whether `nextArrival` belongs to the stream served request by request; a split stream
    /// does without it.
    private var nextArrivalIsCurrent = true
    /// One class of all users, for callers that pick pods whoever sends the request.
    private let allUsers: UserClasses
    /// Fills the stable users of requests that are counted, not served one by one.
    private var stableUserCollector = UserCollector()
    /// Fills the exposed users of candidate requests that are counted, not served one by one.
    private var exposedUserCollector = UserCollector()
    /// Per user class, the candidate's requests of the capacity second being counted.
    private var candidateCounts: [CandidateCounts] = []
    /// Stable requests served whose users are not drawn yet: collected at the end of the stretch.
    private var stableRequestsWithoutUser = 0
    /// What the callers served in the current stretch, connection by connection.
    private var stretch = ConnectionStretch()

    private static var second: Int64 { 1_000_000_000 }

    /// The candidate's requests of one user class in a counted stretch, by outcome.
    private struct CandidateCounts {
        /// Failed, as they would have on stable too: the baseline's, not the release's.
        var bothFailed = 0
        /// Failed where stable would have served them.
        var excessFailed = 0
        var succeeded = 0
        /// Failed because the candidate's capacity for the second was used up.
        var overloaded = 0

        var total: Int { bothFailed + excessFailed + succeeded + overloaded }

        /// Makes the `pick`th of the class's requests not yet overloaded an overloaded one and
        /// returns true; or, when the class has fewer, counts them off `pick` and returns false.
        mutating func takeOverloaded(at pick: inout Int) -> Bool {
            if pick < bothFailed {
                bothFailed -= 1
            } else if pick < bothFailed + excessFailed {
                excessFailed -= 1
            } else if pick < bothFailed + excessFailed + succeeded {
                succeeded -= 1
            } else {
                pick -= bothFailed + excessFailed + succeeded
                return false
            }
            overloaded += 1
            return true
        }
    }

    /// Whether an independent split counts the candidate's requests instead of serving them:
    /// with no fault, every candidate request fails alike, whoever sends it, on whichever pod.
    private var countsHealthyCandidate: Bool { !errors.hasFault }

    /// Whether every request is served one by one, as the tests' reference.
    private let servesEveryRequest: Bool

    init(
        traffic: TrafficModel, errors: ErrorModel, podCapacityRps: Double?, callers: Callers,
        servesEveryRequest: Bool = false
    ) {
        self.traffic = traffic
        self.errors = errors
        self.podCapacityRps = podCapacityRps
        self.callers = callers
        self.servesEveryRequest = servesEveryRequest
        allUsers = UserClasses(allOf: traffic.users)
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

    /// Applies the endpoint changes the callers have learnt of by now.
    mutating func learnEndpoints<Timer>(_ state: inout RunState<Timer>) {
        callers.learnEndpoints(at: state.now)
        refreshSplit(state.routing)
    }

    /// Whether the callers may still send requests to a candidate pod on their own account.
    var callersMayReachCandidate: Bool {
        callers.mayReachCandidate(over: endpoints)
    }

    /// Gives the callers the connections they held before the release.
    mutating func openInitialConnections<Timer>(_ state: inout RunState<Timer>) {
        guard !state.routing.decidesPerRequest else { return }
        callers.openInitialConnections(over: endpoints, using: &state.generator)
        refreshSplit(state.routing)
    }

    /// Works out whether requests are now independent of each other, and how they split.
    private mutating func refreshSplit(_ routing: RoutingState) {
        if routing.mirrorThreshold > 0 || servesEveryRequest {
            split = nil
        } else if routing.decidesPerRequest {
            split = RequestSplit(
                routing: routing, traffic: traffic, classes: traffic.cookieClasses, candidatePods: candidateEndpoints)
        } else {
            split = callers.independentPods(over: endpoints).map { RequestSplit(pods: $0, endpoints: endpoints) }
        }
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
        refreshSplit(state.routing)
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
    /// - Complexity: O(*k*) for *k* requests served one by one, with no allocation; with an
    ///   independent split, O(*c* + *s*) for *c* candidate requests and *s* capacity seconds,
    ///   and with no fault O(*s* + *n*) for *n* users, the candidate's requests counted too.
    mutating func stream<Timer>(until end: Int64, _ state: inout RunState<Timer>) {
        let start = streamedUntil
        streamedUntil = end
        // Only requests served one by one insert exposed users behind the collector.
        if split == nil || !countsHealthyCandidate { exposedUserCollector.invalidate() }
        if onlyStableTrafficLeft {
            if nextArrival < end { scheduleNextArrival(from: end, using: &state.generator) }
            return
        }
        if let split {
            streamSplit(split, from: start, until: end, &state)
            nextArrivalIsCurrent = false
            return
        }
        if state.routing.mirrorThreshold == 0 && !state.routing.decidesPerRequest && !servesEveryRequest
            && streamByConnection(from: start, until: end, &state)
        {
            nextArrivalIsCurrent = false
            return
        }
        if !nextArrivalIsCurrent {
            scheduleNextArrival(from: start, using: &state.generator)
            nextArrivalIsCurrent = true
        }
        if state.routing.mirrorThreshold > 0 {
            stableUserCollector.invalidate()
            streamMirroring(until: end, &state)
        } else if state.routing.decidesPerRequest {
            stableUserCollector.invalidate()
            while nextArrival < end {
                let time = nextArrival
                serveRoutedRequest(at: time, &state)
                scheduleNextArrival(from: time, using: &state.generator)
            }
        } else {
            let userMatters = servesEveryRequest || !callers.picksIndependentlyOfUser
            // Only requests served with their user insert stable users behind the collector.
            if userMatters { stableUserCollector.invalidate() }
            while nextArrival < end {
                let time = nextArrival
                serveServiceRequest(at: time, userMatters: userMatters, &state)
                scheduleNextArrival(from: time, using: &state.generator)
            }
            stableUserCollector.collect(
                stableRequestsWithoutUser, fromClass: 0, of: allUsers, byCookie: false,
                into: &state.metrics.stableUsers, using: &state.generator)
            stableRequestsWithoutUser = 0
        }
    }

    /// The stream of an independent split: the candidate's requests one by one, each from a
    /// user of its class and on a pod of the split — or, with no fault, counted like the
    /// stable ones — and the stable ones counted per capacity second and class, their users
    /// collected.
    ///
    /// Exact in distribution by Poisson thinning: the candidate's requests are a Poisson
    /// stream at its share of the rate, each class's stable requests an independent one, and
    /// a stretch of a Poisson stream holds a Poisson number of requests.
    private mutating func streamSplit<Timer>(
        _ split: RequestSplit, from start: Int64, until end: Int64, _ state: inout RunState<Timer>
    ) {
        let classes = split.byCookie ? traffic.cookieClasses : allUsers
        let capacityLimited = capacityPerSecond.stable.isFinite || capacityPerSecond.candidate.isFinite
        let countsCandidate = countsHealthyCandidate
        let candidateNanoseconds = split.candidateShare > 0 ? nanosecondsPerArrival / split.candidateShare : 0
        var nextCandidate =
            countsCandidate ? .max : nextGap(after: start, meanNanoseconds: candidateNanoseconds, &state.generator)
        var segmentStart = start
        while segmentStart < end {
            advanceCapacityWindow(to: segmentStart)
            let segmentEnd = capacityLimited ? min(end, windowEnd) : end
            if countsCandidate && split.candidateShare > 0 {
                countCandidate(split, from: segmentStart, until: segmentEnd, of: classes, &state)
            }
            while nextCandidate < segmentEnd {
                let time = nextCandidate
                let group = split.candidateClass(using: &state.generator)
                let user = classes.user(state.generator.uniform(below: classes.size(of: group)), of: group)
                let server = errors.hasFault ? split.candidatePod(using: &state.generator) : -1
                account(user: user, at: time, candidate: true, server: server, refused: false, &state)
                nextCandidate = nextGap(after: time, meanNanoseconds: candidateNanoseconds, &state.generator)
            }
            countStable(split, over: segmentEnd - segmentStart, of: classes, &state)
            segmentStart = segmentEnd
        }
    }

    /// The stream while the callers serve it connection by connection, in stretches of whole
    /// capacity seconds: each second's stable requests counted, the candidate's accounted one
    /// by one, in time order when the second's capacity may fail some. Returns false, having
    /// drawn nothing, when the callers cannot serve so.
    ///
    /// Exact in distribution: the callers walk the same arrivals as a request-by-request
    /// stream would send over each connection; only the order in which the candidate's
    /// requests are accounted changes, which no figure depends on but capacity, and for that
    /// they are grouped by second and, when the second may overflow, sorted.
    ///
    /// - Complexity: O(*k* + *n* · *s*) for *k* requests over *n* connections in *s*
    ///   stretches of up to 64 seconds.
    private mutating func streamByConnection<Timer>(
        from start: Int64, until end: Int64, _ state: inout RunState<Timer>
    ) -> Bool {
        guard rate > 0 else { return true }
        let capacityLimited = podCapacityRps != nil
        // A stretch of about 65,536 requests at most bounds the candidate's buffer.
        let seconds = Int(min(Double(ConnectionStretch.maxSeconds), max(1, nanosecondsPerArrival * 65_536 / 1e9)))
        var segmentStart = start
        var restarting = true
        while segmentStart < end {
            let segmentEnd = stretch.end(startingAt: segmentStart, seconds: seconds, until: end)
            stretch.begin(at: segmentStart)
            guard
                callers.serveByConnection(
                    from: segmentStart, until: segmentEnd, restarting: restarting, meanGap: nanosecondsPerArrival,
                    over: endpoints, into: &stretch, using: &state.generator)
            else { return false }
            restarting = false
            if capacityLimited {
                accountBySecond(from: segmentStart, until: segmentEnd, &state)
            } else {
                for second in 0..<stretch.seconds(until: segmentEnd) { countStableOfStretch(second, &state) }
                for request in stretch.candidateRequests { accountCandidate(request, &state) }
            }
            segmentStart = segmentEnd
        }
        stableUserCollector.collect(
            stableRequestsWithoutUser, fromClass: 0, of: allUsers, byCookie: false,
            into: &state.metrics.stableUsers, using: &state.generator)
        stableRequestsWithoutUser = 0
        return true
    }

    /// Accounts a stretch served connection by connection second by second, as capacity
    /// judges it.
    private mutating func accountBySecond<Timer>(from start: Int64, until end: Int64, _ state: inout RunState<Timer>) {
        stretch.groupCandidatesBySecond()
        for second in 0..<stretch.seconds(until: end) {
            advanceCapacityWindow(to: max(start, stretch.origin + Int64(second) * Self.second))
            countStableOfStretch(second, &state)
            let range = stretch.candidateRange(inSecond: second)
            if windowCounts.candidate + Double(range.count) > capacityPerSecond.candidate {
                stretch.candidateRequests[range].sort { $0.time < $1.time }
            }
            for index in range { accountCandidate(stretch.candidateRequests[index], &state) }
        }
    }

    /// Counts the stable requests of one second of the stretch, whose users are collected at
    /// the end of the stream.
    @inline(__always)
    private mutating func countStableOfStretch<Timer>(_ second: Int, _ state: inout RunState<Timer>) {
        let stable = stretch.stableRequests(inSecond: second)
        countStable(stable, &state)
        stableRequestsWithoutUser += stable
    }

    /// Accounts a candidate request served connection by connection, from a user drawn
    /// uniformly: the callers picked its connection whoever sent it.
    @inline(__always)
    private mutating func accountCandidate<Timer>(_ request: PodRequest, _ state: inout RunState<Timer>) {
        let user = state.generator.uniform(below: traffic.users)
        account(user: user, at: request.time, candidate: true, server: request.pod, refused: false, &state)
    }

    /// Counts the candidate's requests in `start..<end`, within one capacity second, while no
    /// fault can fail them: per class, how many fail as stable would have too, fail in excess,
    /// or succeed; then capacity's failures, the users exposed and failed, and the first and
    /// last request times.
    ///
    /// Exact in distribution by Poisson thinning: with no fault, a request's outcome hangs on
    /// one draw against the two versions' thresholds alone, so each (class, outcome) stream is
    /// an independent Poisson stream. Capacity fails the requests of the second beyond it in
    /// time order, and the requests of a stretch come in uniformly random order, so the
    /// requests it fails are drawn from the stretch's without replacement. The first and last
    /// times are the least and greatest of that many uniform times.
    ///
    /// - Complexity: O(*g* + *f* + *o* · *g*) for *g* classes, *f* failed users drawn and *o*
    ///   requests beyond capacity, plus the collector's O(min(*r*, *n*)).
    private mutating func countCandidate<Timer>(
        _ split: RequestSplit, from start: Int64, until end: Int64, of classes: UserClasses,
        _ state: inout RunState<Timer>
    ) {
        let arrivals = rate * Double(end - start) * 1e-9
        let candidateFails = Double(errors.candidate) * 0x1.0p-64
        let stableFails = Double(errors.stable) * 0x1.0p-64
        let bothFail = min(candidateFails, stableFails)
        let excess = candidateFails - bothFail
        candidateCounts.removeAll(keepingCapacity: true)
        var total = 0
        for share in split.candidate {
            let mean = arrivals * share
            var counts = CandidateCounts()
            if mean > 0 {
                counts.bothFailed = bothFail > 0 ? state.generator.poisson(mean: mean * bothFail) : 0
                counts.excessFailed = excess > 0 ? state.generator.poisson(mean: mean * excess) : 0
                counts.succeeded = state.generator.poisson(mean: mean * (1 - candidateFails))
            }
            total += counts.total
            candidateCounts.append(counts)
        }
        guard total > 0 else { return }
        let before = Int(windowCounts.candidate)
        windowCounts.candidate += Double(total)
        var overloaded = 0
        if capacityPerSecond.candidate.isFinite {
            overloaded = Self.overflow(of: total, after: before, capacity: capacityPerSecond.candidate)
            overloadRequests(overloaded, of: total, using: &state.generator)
        }
        var failed = overloaded
        var excessFailed = overloaded
        for (group, counts) in candidateCounts.enumerated() where counts.total > 0 {
            failed += counts.bothFailed + counts.excessFailed
            excessFailed += counts.excessFailed
            exposedUserCollector.collect(
                counts.bothFailed + counts.succeeded, fromClass: group, of: classes, byCookie: split.byCookie,
                into: &state.metrics.exposedUsers, using: &state.generator)
            for _ in 0..<(counts.excessFailed + counts.overloaded) {
                let user = exposedUserCollector.draw(
                    fromClass: group, of: classes, byCookie: split.byCookie, into: &state.metrics.exposedUsers,
                    using: &state.generator)
                state.metrics.failedUsers.insert(user)
            }
        }
        let span = Double(end - start)
        let latest = pow(state.generator.nextUnitDouble(), 1 / Double(total))
        if state.metrics.candidateRequests == 0 {
            let earliest =
                total == 1 ? latest : latest * (1 - pow(state.generator.nextUnitDouble(), 1 / Double(total - 1)))
            state.metrics.firstCandidateRequestAt = min(end - 1, start + Int64(earliest * span))
        }
        state.metrics.lastCandidateRequestAt = max(
            state.metrics.lastCandidateRequestAt, min(end - 1, start + Int64(latest * span)))
        state.metrics.capacityFailedRequests += overloaded
        state.metrics.failedCandidateRequests += failed
        state.metrics.excessFailedCandidateRequests += excessFailed
        state.metrics.requests += total
        state.metrics.candidateRequests += total
        state.metrics.stepTraffic[state.metrics.currentStepSlot].requests += total
        state.metrics.stepTraffic[state.metrics.currentStepSlot].candidate += total
    }

    /// How many of `requests` requests that follow `before` others in a capacity second find
    /// its `capacity` used up: request k of the second fails when k exceeds the capacity.
    private static func overflow(of requests: Int, after before: Int, capacity: Double) -> Int {
        max(0, requests - max(0, Int(capacity.rounded(.down)) - before))
    }

    /// Moves `overloaded` of the `total` counted candidate requests, drawn without
    /// replacement, from their outcome to capacity's failure.
    ///
    /// - Complexity: O(*o* · *g*) for *o* = `overloaded` and *g* classes.
    private mutating func overloadRequests(
        _ overloaded: Int, of total: Int, using generator: inout Xoshiro256StarStar
    ) {
        var remaining = total
        for _ in 0..<overloaded {
            var pick = generator.uniform(below: remaining)
            remaining -= 1
            for group in candidateCounts.indices {
                if candidateCounts[group].takeOverloaded(at: &pick) { break }
            }
        }
    }

    /// Counts the stable requests of a stretch of `nanoseconds` within one capacity second.
    private mutating func countStable<Timer>(
        _ split: RequestSplit, over nanoseconds: Int64, of classes: UserClasses, _ state: inout RunState<Timer>
    ) {
        let arrivals = rate * Double(nanoseconds) * 1e-9
        var total = 0
        for (group, share) in split.stable.enumerated() where share > 0 {
            let requests = state.generator.poisson(mean: arrivals * share)
            stableUserCollector.collect(
                requests, fromClass: group, of: classes, byCookie: split.byCookie,
                into: &state.metrics.stableUsers, using: &state.generator)
            total += requests
        }
        countStable(total, &state)
    }

    /// Counts `total` stable requests served within one capacity second, whose users are
    /// collected elsewhere.
    private mutating func countStable<Timer>(_ total: Int, _ state: inout RunState<Timer>) {
        guard total > 0 else { return }
        let before = Int(windowCounts.stable)
        windowCounts.stable += Double(total)
        if capacityPerSecond.stable.isFinite {
            state.metrics.capacityFailedRequests += Self.overflow(
                of: total, after: before, capacity: capacityPerSecond.stable)
        }
        state.metrics.requests += total
        state.metrics.stepTraffic[state.metrics.currentStepSlot].requests += total
        state.metrics.stableRequests += total
    }

    /// The stream while an L7 mirror route copies requests to the candidate: a loop of its own,
    /// because the mirror's work inside the common loop slows every request by a fifth, mirror
    /// or not (measured with `splitsim-bench simulation`).
    @inline(never)
    private mutating func streamMirroring<Timer>(until end: Int64, _ state: inout RunState<Timer>) {
        while nextArrival < end {
            let time = nextArrival
            let traits = serveRoutedRequest(at: time, &state)
            if !candidateEndpoints.isEmpty && state.generator.next() < state.routing.mirrorThreshold {
                mirror(for: traits, at: time, &state)
            }
            scheduleNextArrival(from: time, using: &state.generator)
        }
    }

    /// Serves one production request that the L7 split routes, and returns its user's traits.
    @inline(__always)
    @discardableResult
    private mutating func serveRoutedRequest<Timer>(at time: Int64, _ state: inout RunState<Timer>) -> UInt8 {
        let user = state.generator.uniform(below: traffic.users)
        let traits = traffic.userTraits[user]
        let header = traffic.headerThresholds.isEmpty ? 0 : traffic.headerValue(for: state.generator.next())
        // With no ready canary endpoint the proxy keeps the request on the main backend
        // (ingress-nginx balancer.lua, route_to_alternative_balancer: no alternative balancer).
        let isCandidate =
            state.routing.picksCandidate(header: header, cookie: Int(traits >> 1), draw: state.generator.next())
            && !candidateEndpoints.isEmpty
        // The proxy balances each request over the canary's ready pods.
        var server: Int32 = -1
        if isCandidate && errors.hasFault {
            server = candidateEndpoints[state.generator.uniform(below: candidateEndpoints.count)]
        }
        account(user: user, at: time, candidate: isCandidate, server: server, refused: false, &state)
        return traits
    }

    /// Serves one production request through the Service; when the user cannot change the
    /// pod, a stable request's user is left to be collected with the stretch's others.
    @inline(__always)
    private mutating func serveServiceRequest<Timer>(
        at time: Int64, userMatters: Bool, _ state: inout RunState<Timer>
    ) {
        var user = userMatters ? state.generator.uniform(below: traffic.users) : -1
        let server = callers.pod(for: max(user, 0), at: time, over: endpoints, using: &state.generator)
        let isCandidate = server >= 0 && endpoints.isCandidate(server)
        if !userMatters {
            if isCandidate {
                user = state.generator.uniform(below: traffic.users)
            } else if server >= 0 {
                stableRequestsWithoutUser += 1
            }
        }
        account(user: user, at: time, candidate: isCandidate, server: server, refused: server < 0, &state)
    }

    /// Counts one production request, fails it or not, and records its user.
    ///
    /// - Parameters:
    ///   - user: the user, or -1 for a stable request whose user is collected later.
    ///   - server: the pod that serves it, or -1 when the fault cannot depend on it.
    @inline(__always)
    private mutating func account<Timer>(
        user: Int, at time: Int64, candidate isCandidate: Bool, server: Int32, refused: Bool,
        _ state: inout RunState<Timer>
    ) {
        advanceCapacityWindow(to: time)
        let overloaded: Bool
        if isCandidate {
            windowCounts.candidate += 1
            overloaded = windowCounts.candidate > capacityPerSecond.candidate
        } else {
            windowCounts.stable += 1
            overloaded = windowCounts.stable > capacityPerSecond.stable
        }
        state.metrics.requests += 1
        state.metrics.stepTraffic[state.metrics.currentStepSlot].requests += 1
        if refused {
            state.metrics.refusedRequests += 1
            return
        }
        if overloaded { state.metrics.capacityFailedRequests += 1 }
        guard isCandidate else {
            state.metrics.stableRequests += 1
            if user >= 0 { state.metrics.stableUsers.insert(user) }
            return
        }
        let faultOn = server >= 0 && time >= podFaultFrom[Int(server)]
        // One draw decides both versions' verdicts (common random numbers): a failure that
        // stable would also have had is the baseline's, not the release's.
        let failed: Bool
        var stableWouldFail = false
        if overloaded {
            failed = true
        } else {
            let threshold = faultOn && traffic.userTraits[user] & 1 != 0 ? errors.candidateFaulty : errors.candidate
            let draw = state.generator.next()
            failed = draw < threshold
            stableWouldFail = draw < errors.stable
        }
        // Minima and maxima, not the first and last seen: requests served connection by
        // connection come out of time order.
        if faultOn && time < state.record.faultStartedAt ?? .max { state.record.faultStartedAt = time }
        if state.metrics.candidateRequests == 0 || time < state.metrics.firstCandidateRequestAt {
            state.metrics.firstCandidateRequestAt = time
        }
        state.metrics.lastCandidateRequestAt = max(state.metrics.lastCandidateRequestAt, time)
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

    /// Draws the next arrival of the stream served request by request.
    @inline(__always)
    private mutating func scheduleNextArrival(from time: Int64, using generator: inout Xoshiro256StarStar) {
        nextArrival = rate > 0 ? nextGap(after: time, meanNanoseconds: nanosecondsPerArrival, &generator) : .max
    }

    /// The next arrival after `time` of a Poisson stream with the given mean gap; never with
    /// a mean of 0.
    @inline(__always)
    private func nextGap(after time: Int64, meanNanoseconds: Double, _ generator: inout Xoshiro256StarStar) -> Int64 {
        ziggurat.arrival(after: time, meanNanoseconds: meanNanoseconds, using: &generator)
    }
}
