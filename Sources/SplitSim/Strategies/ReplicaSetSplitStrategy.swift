/// Argo Rollouts' basic canary without a traffic router: the controller sizes the stable
/// and canary ReplicaSets of one Rollout to approximate each `setWeight`, and kube-proxy
/// splits connections by the ready pods.
///
/// Every pod event runs one reconcile of `CalculateReplicaCountsForBasicCanary`; a step is
/// done when both sets are at the counts the weight asks for and available. An abort sets
/// the weight to 0, which the same reconcile turns into growing stable and draining the
/// canary; a rollback after promotion uses the rolling-update rules.
struct ReplicaSetSplitStrategy: SteppedStrategy {
    let spec: ReplicaSetSplitSpec
    let replicas: Int
    var program: StepProgram
    private var phase = ReleasePhase.stepping
    private var stable = 0
    private var canary = 0
    private var weight = 0
    private var rollback: RollingDeployment?

    init(spec: ReplicaSetSplitSpec, replicas: Int) {
        self.spec = spec
        self.replicas = replicas
        program = StepProgram(steps: spec.steps)
    }

    mutating func begin(in engine: inout Engine) {
        stable = engine.addReplicaSet(named: "rollout-stable", version: .stable)
        canary = engine.addReplicaSet(named: "rollout-canary", version: .candidate)
        engine.addRunningPods(replicas, to: stable)
        engine.selectForService([stable, canary])
        engine.note(
            "start",
            "Rollout with \(replicas) stable pods; maxSurge \(spec.maxSurge), maxUnavailable \(spec.maxUnavailable)")
        proceed(in: &engine)
    }

    mutating func react(to event: ControlEvent, in engine: inout Engine) {
        switch event {
        case .timer(let timer):
            stepTimerFired(timer, in: &engine)
        case .podReady, .podGone:
            proceed(in: &engine)
        default:
            break
        }
    }

    /// The counts the controller settles at for the current weight once everything is available.
    private var settledCounts: CanaryReplicaCounts {
        let surge = spec.maxSurge.resolved(against: replicas, roundingUp: true)
        return CanaryReplicaCalculator.approximateWeightedCounts(replicas: replicas, weight: weight, maxSurge: surge)
    }

    private func isSettled(_ engine: Engine) -> Bool {
        let target = settledCounts
        let sets = engine.cluster.replicaSets
        return sets[canary].ready == target.canary && sets[canary].active == target.canary
            && sets[stable].ready == target.stable && sets[stable].active == target.stable
    }

    private func reconcile(in engine: inout Engine) {
        let sets = engine.cluster.replicaSets
        let state = CanaryRolloutState(
            replicas: replicas, weight: weight, maxSurge: spec.maxSurge, maxUnavailable: spec.maxUnavailable,
            stable: ReplicaSetState(spec: sets[stable].spec, available: sets[stable].ready),
            canary: ReplicaSetState(spec: sets[canary].spec, available: sets[canary].ready),
            older: [])
        let counts = CanaryReplicaCalculator.basicCanaryCounts(for: state)
        engine.scale(canary, to: counts.canary)
        engine.scale(stable, to: counts.stable)
    }

    mutating func proceed(in engine: inout Engine) {
        switch phase {
        case .stepping:
            reconcile(in: &engine)
            switch program.advance(targetReached: isSettled(engine), in: &engine) {
            case .wait:
                break
            case .applyTarget(let step, let index):
                guard case .setWeight(let w) = step else { return }
                weight = w
                let target = settledCounts
                engine.note(
                    "step",
                    "step \(index + 1): setWeight \(w) → \(target.canary) canary beside \(target.stable) stable (\(ShareText.percent(target.canaryShare)))"
                )
                engine.startAnalysis()
                proceed(in: &engine)
            case .promote:
                phase = .promoting
                weight = 100
                engine.note("promote", "all steps done: weight 100")
                proceed(in: &engine)
            }
        case .promoting:
            reconcile(in: &engine)
            guard isSettled(engine) else { return }
            phase = .promoted
            engine.endSteps()
            engine.candidateTookFullTraffic()
            engine.finish()
        case .aborting:
            reconcile(in: &engine)
            if isSettled(engine) {
                phase = .finished
                engine.finish()
            }
        case .rollingBack:
            guard let rollback else { return }
            rollback.sync(in: &engine)
            if rollback.isComplete(in: engine) {
                phase = .finished
                engine.finish()
            }
        case .promoted, .finished:
            break
        }
    }

    mutating func abort(_ reason: String, in engine: inout Engine) {
        engine.endSteps()
        switch phase {
        case .stepping, .promoting:
            phase = .aborting
            weight = 0
            engine.abort("\(reason): weight 0, the canary drains through the controller")
            proceed(in: &engine)
        case .promoted:
            phase = .rollingBack
            engine.abort("\(reason) after promotion: rolling back to the previous ReplicaSet")
            rollback = RollingDeployment(
                replicas: replicas,
                parameters: spec.rollingUpdate,
                newSet: stable, oldSets: [canary])
            proceed(in: &engine)
        default:
            break
        }
    }
}
