/// The application-gateway pattern: the candidate runs as a `-canary` copy that the gateway
/// reaches only for requests with the routing header, which it strips from external
/// requests, so only the smoke test reaches the copy. On a passing smoke test (and after
/// `approvalDelay`, the manual trigger) the stable Deployment's image is updated — a
/// rolling update — and the copy is scaled to 0.
///
/// Production monitoring (the analysis) watches during and after the promotion and rolls
/// the Deployment back on failure.
struct GatewayRouteStrategy: RolloutStrategy {
    let spec: GatewayRouteSpec
    let replicas: Int
    private var phase = ReleasePhase.stepping
    private var stable = 0
    private var copy = 0
    private var updated = 0
    private var smokeTestStarted = false
    private var deployment: RollingDeployment?

    init(spec: GatewayRouteSpec, replicas: Int) {
        self.spec = spec
        self.replicas = replicas
    }

    mutating func begin(in engine: inout Engine) {
        stable = engine.addReplicaSet(named: "app", version: .stable)
        copy = engine.addReplicaSet(named: "app-canary", version: .candidate)
        updated = engine.addReplicaSet(named: "app-next", version: .candidate)
        engine.addRunningPods(replicas, to: stable)
        engine.selectForService([stable, updated])
        engine.note(
            "start", "gateway routes \(spec.header.name) to app-canary; production Service has \(replicas) stable pods")
        engine.scale(copy, to: spec.canaryReplicas)
        engine.startAnalysis()
    }

    mutating func react(to event: ControlEvent, in engine: inout Engine) {
        switch event {
        case .podReady, .podGone:
            switch phase {
            case .stepping:
                guard !smokeTestStarted, engine.readyPods(in: copy) >= spec.canaryReplicas else { return }
                smokeTestStarted = true
                if let smoke = spec.smokeTest {
                    engine.startSmokeTest(
                        requests: smoke.requests, rps: smoke.rps, through: "the gateway with \(spec.header.name)")
                } else {
                    requestApproval(in: &engine)
                }
            case .promoted, .rollingBack:
                guard let deployment else { return }
                deployment.sync(in: &engine)
                if deployment.isComplete(in: engine) {
                    if phase == .promoted { engine.candidateTookFullTraffic() }
                    phase = .finished
                    engine.finish()
                }
            case .aborting:
                if engine.cluster.replicaSets[copy].existing == 0 {
                    phase = .finished
                    engine.finish()
                }
            default:
                break
            }
        case .timer(.smokeTestOver):
            guard phase == .stepping, let smoke = spec.smokeTest else { return }
            if engine.finishSmokeTest(
                requests: smoke.requests, maxErrorRate: smoke.maxErrorRate, coverage: smoke.coverage)
            {
                requestApproval(in: &engine)
            } else {
                phase = .aborting
                engine.abort("smoke test failed: app-canary scaled to 0, production untouched")
                engine.scale(copy, to: 0)
            }
        case .timer(.promotionDue):
            guard phase == .stepping else { return }
            phase = .promoted
            engine.note("promote", "stable Deployment's image updated: rolling update, app-canary scaled to 0")
            engine.scale(copy, to: 0)
            let rolling = RollingDeployment(
                replicas: replicas, parameters: spec.rollingUpdate, newSet: updated, oldSets: [stable])
            deployment = rolling
            rolling.sync(in: &engine)
        default:
            break
        }
    }

    private func requestApproval(in engine: inout Engine) {
        if spec.approvalDelay > .zero {
            engine.note("approval", "waiting \(spec.approvalDelay) for the manual trigger")
        }
        engine.schedule(.promotionDue, after: spec.approvalDelay.nanoseconds)
    }

    mutating func analysisFailed(in engine: inout Engine) {
        switch phase {
        case .stepping:
            phase = .aborting
            engine.abort("analysis failed: app-canary scaled to 0")
            engine.scale(copy, to: 0)
        case .promoted, .finished:
            phase = .rollingBack
            engine.abort("analysis failed during or after promotion: rollout undo")
            let rolling = RollingDeployment(
                replicas: replicas, parameters: spec.rollingUpdate, newSet: stable, oldSets: [updated])
            deployment = rolling
            rolling.sync(in: &engine)
        default:
            break
        }
    }
}
