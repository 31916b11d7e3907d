import SplitRouter

/// Runs the strategies of a scenario: one event loop per run, requests streamed between
/// control events.
public enum Simulation {
    /// The traffic of a scenario compiled once and shared by all its runs.
    public static func trafficModel(for scenario: Scenario) -> TrafficModel {
        TrafficModel(
            rateProfile: scenario.traffic.rates.map { ($0.at.nanoseconds, $0.rps) },
            users: scenario.traffic.users,
            requestsPerConnection: scenario.traffic.requestsPerConnection,
            headers: scenario.traffic.headers.map { (HTTPField(name: $0.name, value: $0.value), $0.share) },
            cookies: scenario.traffic.cookies.map { (HTTPField(name: $0.name, value: $0.value), $0.userShare) },
            faultUserShare: scenario.versions.candidate.fault?.users ?? 0,
            seed: scenario.seed
        )
    }

    /// Runs one strategy once.
    ///
    /// Run `k` of every strategy draws from the same random stream, so that strategies are
    /// compared on the same traffic (common random numbers).
    ///
    /// - Parameters:
    ///   - strategy: one of the scenario's strategies.
    ///   - run: the run index, 0-based.
    ///   - traffic: the scenario's compiled traffic, from ``trafficModel(for:)``.
    ///   - tracing: whether to record the control events.
    ///   - outcomeOnly: stop as soon as the outcome can no longer change (the release finished
    ///     or paused and no check runs): the healthy twin needs nothing else, and a promoted
    ///     release would otherwise stream the rest of the duration for nothing.
    public static func run(
        _ strategy: StrategySpec, of scenario: Scenario, run: Int,
        traffic: TrafficModel, tracing: Bool = false, outcomeOnly: Bool = false
    ) -> RunResult {
        let setup = SimulationRun(
            strategy: strategy, scenario: scenario, run: run, traffic: traffic, tracing: tracing,
            outcomeOnly: outcomeOnly)
        return strategy.kind.spec.simulate(setup)
    }

    /// Runs one strategy once serving every request one by one, without the shortcuts that
    /// are exact in distribution only: the reference the shortcuts are tested against.
    static func runServingEveryRequest(
        _ strategy: StrategySpec, of scenario: Scenario, run: Int, traffic: TrafficModel
    ) -> RunResult {
        var setup = SimulationRun(strategy: strategy, scenario: scenario, run: run, traffic: traffic, tracing: false)
        setup.servesEveryRequest = true
        return strategy.kind.spec.simulate(setup)
    }

    /// Runs `strategy` with the given caller model and returns what the run measured.
    ///
    /// - Complexity: O(*e* log *e* + *r*) for *e* control events and *r* requests.
    static func drive<Strategy: RolloutStrategy, Callers: CallerModel>(
        _ strategy: inout Strategy, callers: Callers, setup: SimulationRun
    ) -> RunResult {
        let scenario = setup.scenario
        var release = ReleaseControl<Strategy.Timer>(state: setup.initialState())
        var path = RequestPath(
            traffic: setup.traffic, errors: release.state.errors, podCapacityRps: scenario.cluster.podCapacityRps,
            callers: callers, servesEveryRequest: setup.servesEveryRequest)
        release.state.events.schedule(.end, at: release.state.duration)
        release.state.events.schedule(.shareWindow, at: release.state.metrics.shareWindows.length)
        for (index, point) in setup.traffic.rateProfile.enumerated() where index > 0 {
            release.state.events.schedule(.rateChange(index), at: point.at)
        }
        path.start(&release.state)
        release.state.scrape()
        strategy.begin(&release)
        settle(&path, &release.state)
        path.openInitialConnections(&release.state)
        var costSince: Int64 = 0
        while let next = release.state.events.nextTime {
            path.stream(until: next, &release.state)
            path.accumulateCost(until: next, &release.state, since: &costSince)
            guard let (time, event) = release.state.events.popNext() else { break }
            release.state.now = time
            if case .end = event { break }
            if let delivered = apply(event, &path, &release.state) {
                strategy.handle(delivered, &release)
            }
            settle(&path, &release.state)
            if setup.outcomeOnly && release.state.outcomeIsFinal { break }
        }
        release.state.closeShareWindow()
        release.state.record.candidateReachableAtEnd = release.state.candidateReachable(
            callersMayReachCandidate: path.callersMayReachCandidate)
        return RunResult(of: release.state, strategy: setup.strategy, scenario: scenario)
    }

    /// Applies an event to the cluster and the run's own state, and says what the strategy
    /// is told about it.
    private static func apply<Timer, Callers>(
        _ event: ControlEvent<Timer>, _ path: inout RequestPath<Callers>, _ state: inout RunState<Timer>
    ) -> ReleaseEvent<Timer>? {
        switch event {
        case .podReady(let id):
            state.podBecameReady(id)
            return .podReady
        case .podGone(let id):
            state.podWentAway(id)
            return .podGone
        case .rateChange(let index):
            path.changeRate(toPoint: index, &state)
            state.record(.rateChanged(rps: path.rate))
            return nil
        case .faultOnset:
            state.faultActive = true
            return nil
        case .callersLearnEndpoints:
            path.learnEndpoints(&state)
            return nil
        case .metricScrape:
            // Once the outcome is final no analysis can start again: the scrapes would go unread.
            if state.outcomeIsFinal { state.scrapeIfDue() } else { state.scrape() }
            return nil
        case .shareWindow:
            // Kept after the outcome is final: a paused step's share still moves as callers
            // reconnect, and the window length bounds the events of a run.
            state.closeShareWindow()
            state.events.schedule(.shareWindow, at: state.now + state.metrics.shareWindows.length)
            return nil
        case .analysisTick(let id):
            return state.measureAnalysis(id: id)
        case .smokeTestOver:
            return state.finishSmokeTest().map { .smokeTestFinished(passed: $0) }
        case .timer(let timer):
            return .timer(timer)
        case .end:
            return nil
        }
    }

    private static func settle<Timer, Callers>(_ path: inout RequestPath<Callers>, _ state: inout RunState<Timer>) {
        path.rebuild(from: &state)
        path.onlyStableTrafficLeft = state.settleReachability(callersMayReachCandidate: path.callersMayReachCandidate)
    }
}

/// What one run of one strategy starts from.
public struct SimulationRun: Sendable {
    /// The strategy to run.
    public let strategy: StrategySpec
    /// Its scenario.
    public let scenario: Scenario
    /// The run index, 0-based: it picks the random stream.
    public let run: Int
    /// The scenario's compiled traffic.
    public let traffic: TrafficModel
    /// Whether to record the control events.
    public let tracing: Bool
    /// Whether the run may stop once its outcome is final.
    public var outcomeOnly = false
    /// Whether every request is served one by one, with no shortcut (tests' reference).
    var servesEveryRequest = false

    /// The run's state at time 0: an empty cluster, the versions' error model, the
    /// strategy's analysis and the run's random stream.
    func initialState<Timer>() -> RunState<Timer> {
        let fault = scenario.versions.candidate.fault
        return RunState(
            duration: scenario.duration.nanoseconds,
            replicas: scenario.cluster.replicas,
            cluster: ClusterState(
                podStartup: scenario.cluster.podStartup.nanoseconds,
                podShutdown: scenario.cluster.podShutdown.nanoseconds,
                startupJitter: scenario.cluster.podStartupJitter, shutdownJitter: scenario.cluster.podShutdownJitter,
                timing: Xoshiro256StarStar(seed: scenario.seed ^ 0x706F_645F_7469_6D65, stream: run)),
            traffic: traffic,
            errors: ErrorModel(
                stableErrorRate: scenario.versions.stable.errorRate,
                candidateErrorRate: scenario.versions.candidate.errorRate,
                faultErrorRate: fault?.errorRate ?? 0,
                faultUserShare: fault?.users ?? 0,
                faultAfter: fault?.after.nanoseconds ?? 0),
            analysis: strategy.analysis,
            generator: Xoshiro256StarStar(seed: scenario.seed, stream: run),
            tracing: tracing)
    }

    /// Each user's own keep-alive connection, for `callers.via: clients`.
    func clientConnections(idleTimeout: SimDuration, clientIPAffinity: Bool) -> PerUserConnections {
        PerUserConnections(
            users: traffic.users, closeThreshold: traffic.closeThreshold, idleTimeout: idleTimeout.nanoseconds,
            startingRps: traffic.rateProfile[0].rps, clientIPAffinity: clientIPAffinity)
    }
}
