/// Blue-green: a full preview ReplicaSet beside the active one; the active Service switches
/// at once, and the old ReplicaSet stays for `scaleDownDelay` so a rollback is instant.
///
/// Follows Argo Rollouts' blue-green: the preview is scaled to full size before the switch,
/// promotion happens after `autoPromotion` (or as soon as the preview is ready and the smoke
/// test passed), and open connections to the old pods last until those pods are gone.
struct BlueGreenStrategy: RolloutStrategy {
    let spec: BlueGreenSpec
    let replicas: Int
    private var phase = ReleasePhase.stepping
    private var blue = 0
    private var green = 0
    private var previewReady = false
    private var smokePassed = false
    private var promotionDue = false
    private var rollback: RollingDeployment?

    init(spec: BlueGreenSpec, replicas: Int) {
        self.spec = spec
        self.replicas = replicas
    }

    mutating func begin(in engine: inout Engine) {
        blue = engine.addReplicaSet(named: "blue", version: .stable)
        green = engine.addReplicaSet(named: "green", version: .candidate)
        engine.addRunningPods(replicas, to: blue)
        engine.selectForService([blue])
        engine.note(
            "start", "active Service selects blue (\(replicas) pods); preview green scaled to \(spec.previewReplicas)")
        engine.scale(green, to: spec.previewReplicas)
        engine.startAnalysis()
        smokePassed = spec.smokeTest == nil
        promotionDue = spec.autoPromotion == nil
    }

    mutating func react(to event: ControlEvent, in engine: inout Engine) {
        switch event {
        case .podReady, .podGone:
            switch phase {
            case .stepping:
                if !previewReady && engine.readyPods(in: green) >= spec.previewReplicas {
                    previewReady = true
                    engine.note("preview", "preview ready")
                    if let smoke = spec.smokeTest {
                        engine.startSmokeTest(requests: smoke.requests, rps: smoke.rps, through: "the preview Service")
                    }
                    if let delay = spec.autoPromotion {
                        engine.schedule(.promotionDue, after: delay.nanoseconds)
                    }
                }
                switchWhenReady(in: &engine)
            case .promoted:
                if engine.cluster.replicaSets[blue].existing == 0 && engine.cluster.replicaSets[blue].spec == 0 {
                    phase = .finished
                    engine.finish()
                }
            case .aborting:
                if engine.cluster.replicaSets[green].existing == 0 {
                    phase = .finished
                    engine.finish()
                }
            case .rollingBack:
                if let rollback {
                    rollback.sync(in: &engine)
                    if rollback.isComplete(in: engine) {
                        phase = .finished
                        engine.finish()
                    }
                } else if engine.readyPods(in: blue) >= replicas {
                    switchBack(in: &engine)
                }
            default:
                break
            }
        case .timer(.smokeTestOver):
            guard phase == .stepping, let smoke = spec.smokeTest else { return }
            if engine.finishSmokeTest(
                requests: smoke.requests, maxErrorRate: smoke.maxErrorRate, coverage: smoke.coverage)
            {
                smokePassed = true
                switchWhenReady(in: &engine)
            } else {
                phase = .aborting
                engine.abort("smoke test failed: preview scaled down, blue stays active")
                engine.scale(green, to: 0)
            }
        case .timer(.promotionDue):
            promotionDue = true
            switchWhenReady(in: &engine)
        case .timer(.scaleDown(let set)):
            // A rollback or a switch back may have made an earlier delayed scale-down stale.
            let stillWanted =
                (set == blue && (phase == .promoted || phase == .finished)
                    && engine.routing.serviceReplicaSets == [green])
                || (set == green && phase == .aborting)
            if stillWanted { engine.scale(set, to: 0) }
        default:
            break
        }
    }

    private mutating func switchWhenReady(in engine: inout Engine) {
        guard phase == .stepping, previewReady, smokePassed, promotionDue else { return }
        if engine.cluster.replicaSets[green].spec < replicas {
            engine.note("promote", "preview scaled to full size before the switch")
            engine.scale(green, to: replicas)
        }
        guard engine.readyPods(in: green) >= replicas else { return }
        phase = .promoted
        // A preview larger than the service shrinks to size once it is active, as Argo does.
        if engine.cluster.replicaSets[green].spec > replicas { engine.scale(green, to: replicas) }
        engine.selectForService([green])
        engine.note("switch", "active Service switched to green; blue kept for \(spec.scaleDownDelay)")
        engine.candidateTookFullTraffic()
        engine.schedule(.scaleDown(replicaSet: blue), after: spec.scaleDownDelay.nanoseconds)
    }

    private mutating func switchBack(in engine: inout Engine) {
        engine.selectForService([blue])
        engine.note("switch", "active Service switched back to blue")
        engine.schedule(.scaleDown(replicaSet: green), after: spec.scaleDownDelay.nanoseconds)
        phase = .aborting
    }

    mutating func analysisFailed(in engine: inout Engine) {
        switch phase {
        case .stepping:
            phase = .aborting
            engine.abort("analysis failed: preview scaled down")
            engine.scale(green, to: 0)
        case .promoted, .finished:
            phase = .rollingBack
            engine.abort("analysis failed after the switch: rolling back")
            if engine.cluster.replicaSets[blue].spec == 0 {
                engine.scale(blue, to: replicas)
            } else {
                switchBack(in: &engine)
            }
        default:
            break
        }
    }
}
