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
    public static func run(
        _ strategy: StrategySpec, of scenario: Scenario, run: Int,
        traffic: TrafficModel, tracing: Bool = false
    ) -> RunResult {
        let fault = scenario.versions.candidate.fault
        let analysis = strategy.analysis.map { spec in
            (
                monitor: AnalysisMonitor(
                    interval: spec.interval.nanoseconds, maxErrorRate: spec.maxErrorRate,
                    minRequests: spec.minRequests, failureLimit: spec.failureLimit),
                initialDelay: spec.initialDelay.nanoseconds, afterPromotion: spec.afterPromotion.nanoseconds
            )
        }
        var engine = Engine(
            duration: scenario.duration.nanoseconds,
            replicas: scenario.cluster.replicas,
            podStartup: scenario.cluster.podStartup.nanoseconds,
            podShutdown: scenario.cluster.podShutdown.nanoseconds,
            podCapacityRps: scenario.cluster.podCapacityRps,
            traffic: traffic,
            errors: Engine.ErrorModel(
                stableErrorRate: scenario.versions.stable.errorRate,
                candidateErrorRate: scenario.versions.candidate.errorRate,
                faultErrorRate: fault?.errorRate ?? 0,
                faultUserShare: fault?.users ?? 0,
                faultAfter: fault?.after.nanoseconds ?? 0),
            analysis: analysis,
            seed: scenario.seed,
            stream: run,
            tracing: tracing
        )
        let replicas = scenario.cluster.replicas
        switch strategy.kind {
        case .serviceSplit(let spec):
            var driven = ServiceSplitStrategy(spec: spec, replicas: replicas)
            drive(&driven, engine: &engine)
        case .deploymentSplit(let spec):
            var driven = DeploymentSplitStrategy(spec: spec, replicas: replicas)
            drive(&driven, engine: &engine)
        case .replicaSetSplit(let spec):
            var driven = ReplicaSetSplitStrategy(spec: spec, replicas: replicas)
            drive(&driven, engine: &engine)
        case .gatewayRoute(let spec):
            var driven = GatewayRouteStrategy(spec: spec, replicas: replicas)
            drive(&driven, engine: &engine)
        case .blueGreen(let spec):
            var driven = BlueGreenStrategy(spec: spec, replicas: replicas)
            drive(&driven, engine: &engine)
        case .rollingUpdate(let spec):
            var driven = RollingUpdateStrategy(spec: spec, replicas: replicas)
            drive(&driven, engine: &engine)
        }
        return result(of: engine, strategy: strategy, scenario: scenario)
    }

    /// The event loop: stream requests up to the next control event, apply it, let the
    /// strategy react, rebuild routing.
    ///
    /// - Complexity: O(*e* log *e* + *r*) for *e* control events and *r* requests.
    static func drive<Strategy: RolloutStrategy>(_ strategy: inout Strategy, engine: inout Engine) {
        engine.prepare()
        strategy.begin(in: &engine)
        engine.settle()
        engine.openInitialConnections()
        while let next = engine.events.nextTime {
            engine.streamRequests(until: next)
            engine.accumulateCost(until: next)
            guard let (time, event) = engine.events.popNext() else { break }
            engine.apply(event, at: time)
            if event == .end { break }
            strategy.react(to: event, in: &engine)
            if engine.analysisJustFailed {
                engine.analysisJustFailed = false
                strategy.analysisFailed(in: &engine)
            }
            engine.settle()
        }
    }

    private static func result(of engine: Engine, strategy: StrategySpec, scenario: Scenario) -> RunResult {
        let metrics = engine.metrics
        let seconds = { (nanoseconds: Int64) in Double(nanoseconds) / 1e9 }
        let podSeconds = metrics.podNanoseconds / 1e9
        let baseline = Double(scenario.cluster.replicas) * scenario.duration.seconds
        var realized: [Double?] = []
        for (index, step) in strategy.kind.steps.enumerated() {
            switch step {
            case .setWeight, .setReplicas:
                let slot = index + 1
                if slot < metrics.stepTraffic.count, metrics.stepTraffic[slot].requests > 0 {
                    realized.append(
                        Double(metrics.stepTraffic[slot].candidate) / Double(metrics.stepTraffic[slot].requests))
                } else {
                    realized.append(nil)
                }
            case .pause, .analysis:
                break
            }
        }
        var detection: Double?
        if let detected = engine.detectedAt, let started = engine.faultStartedAt {
            detection = seconds(max(0, detected - started))
        }
        var rollback: Double?
        if let detected = engine.detectedAt, let unreachable = engine.candidateUnreachableAt {
            rollback = seconds(unreachable - detected)
        }
        return RunResult(
            outcome: engine.outcome == .incomplete && engine.fullTrafficAt != nil ? .promoted : engine.outcome,
            candidateUserRequests: Double(metrics.candidateRequests),
            failedUserRequests: Double(metrics.failedCandidateRequests),
            usersExposed: Double(metrics.exposedUsers.count),
            usersFailed: Double(metrics.failedUsers.count),
            detectionSeconds: detection,
            rollbackSeconds: rollback,
            escaped: engine.errors.hasFault && engine.fullTrafficAt != nil,
            smokeRequests: Double(metrics.smokeRequests),
            podSeconds: podSeconds,
            extraPodSeconds: podSeconds - baseline,
            peakPods: Double(metrics.peakPods),
            money: podSeconds / 3600 * scenario.cluster.podHourlyCost,
            underCapacitySeconds: seconds(metrics.underCapacityNanoseconds),
            durationSeconds: seconds(engine.finishedAt ?? engine.duration),
            usersSawBoth: Double(engine.usersSawBoth),
            realizedShares: realized,
            requests: Double(metrics.requests),
            trace: engine.trace
        )
    }
}
