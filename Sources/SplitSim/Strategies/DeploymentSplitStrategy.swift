/// A second Deployment whose pods carry the labels the existing Service selects: the split
/// is the ratio of ready pods, decided by kube-proxy once per connection.
///
/// Promotion scales the new Deployment to R and then deletes the old one; an abort before
/// that deletes the canary Deployment, and a rollback after it rolls the Deployment back to
/// the old version by the rolling-update rules.
struct DeploymentSplitStrategy: SteppedStrategy {
    let spec: DeploymentSplitSpec
    let replicas: Int
    var program: StepProgram
    private var phase = ReleasePhase.stepping
    private var stable = 0
    private var canary = 0
    private var canaryTarget = 0
    private var rollback: RollingDeployment?

    init(spec: DeploymentSplitSpec, replicas: Int) {
        self.spec = spec
        self.replicas = replicas
        program = StepProgram(steps: spec.steps)
    }

    /// The canary pods that come closest to `weight` percent beside `replicas` stable pods.
    static func canaryPods(forWeight weight: Int, replicas: Int) -> Int {
        guard weight > 0 else { return 0 }
        guard weight < 100 else { return replicas }
        return max(1, Int((Double(weight) * Double(replicas) / Double(100 - weight)).rounded()))
    }

    mutating func begin(in engine: inout Engine) {
        stable = engine.addReplicaSet(named: "app", version: .stable)
        canary = engine.addReplicaSet(named: "app-canary", version: .candidate)
        engine.addRunningPods(replicas, to: stable)
        engine.selectForService([stable, canary])
        engine.note("start", "Service selects app and app-canary pods: stable \(replicas) pods")
        proceed(in: &engine)
    }

    mutating func react(to event: ControlEvent, in engine: inout Engine) {
        switch event {
        case .timer(let timer):
            stepTimerFired(timer, in: &engine)
        case .podReady, .podGone:
            switch phase {
            case .stepping, .promoting, .promoted: proceed(in: &engine)
            case .aborting:
                if engine.cluster.replicaSets[canary].existing == 0 { finish(in: &engine) }
            case .rollingBack:
                guard let rollback else { return }
                rollback.sync(in: &engine)
                if rollback.isComplete(in: engine) { finish(in: &engine) }
            case .finished: break
            }
        default:
            break
        }
    }

    mutating func proceed(in engine: inout Engine) {
        switch phase {
        case .stepping:
            let reached = engine.readyPods(in: canary) >= canaryTarget
            switch program.advance(targetReached: reached, in: &engine) {
            case .wait:
                break
            case .applyTarget(let step, let index):
                switch step {
                case .setReplicas(let count): canaryTarget = count
                case .setWeight(let weight): canaryTarget = Self.canaryPods(forWeight: weight, replicas: replicas)
                default: break
                }
                let share = Double(canaryTarget) / Double(canaryTarget + replicas)
                engine.note(
                    "step",
                    "step \(index + 1): canary Deployment to \(canaryTarget) pods beside \(replicas) → \(ShareText.percent(share)) of new connections"
                )
                engine.startAnalysis()
                engine.scale(canary, to: canaryTarget)
                proceed(in: &engine)
            case .promote:
                phase = .promoting
                engine.note("promote", "all steps done: new Deployment scaled to \(replicas)")
                engine.scale(canary, to: replicas)
                proceed(in: &engine)
            }
        case .promoting:
            guard engine.readyPods(in: canary) >= replicas else { return }
            phase = .promoted
            engine.endSteps()
            engine.note("promote", "old Deployment deleted")
            engine.scale(stable, to: 0)
            engine.candidateTookFullTraffic()
            proceed(in: &engine)
        case .promoted:
            if engine.cluster.replicaSets[stable].existing == 0 { finish(in: &engine) }
        default:
            break
        }
    }

    mutating func abort(_ reason: String, in engine: inout Engine) {
        engine.endSteps()
        switch phase {
        case .stepping, .promoting:
            phase = .aborting
            engine.abort("\(reason): canary Deployment deleted")
            engine.scale(canary, to: 0)
        case .promoted, .finished:
            guard !engine.isAborted else { return }
            phase = .rollingBack
            engine.abort("\(reason) after promotion: rolling the Deployment back")
            let deployment = RollingDeployment(
                replicas: replicas,
                parameters: spec.rollingUpdate,
                newSet: stable, oldSets: [canary])
            rollback = deployment
            deployment.sync(in: &engine)
        default:
            break
        }
    }

    private mutating func finish(in engine: inout Engine) {
        phase = .finished
        engine.finish()
    }
}
