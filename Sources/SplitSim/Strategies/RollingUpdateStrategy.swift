/// A plain Deployment rolling update, the baseline: no pause, no steps; the release runs to
/// 100 % as fast as pods become ready. A failed analysis undoes it by the same rules.
struct RollingUpdateStrategy: RolloutStrategy {
    let spec: RollingUpdateSpec
    let replicas: Int
    private var old = 0
    private var new = 0
    private var deployment: RollingDeployment?
    private var rollingBack = false
    private var done = false

    init(spec: RollingUpdateSpec, replicas: Int) {
        self.spec = spec
        self.replicas = replicas
    }

    mutating func begin(in engine: inout Engine) {
        old = engine.addReplicaSet(named: "app-old", version: .stable)
        new = engine.addReplicaSet(named: "app-new", version: .candidate)
        engine.addRunningPods(replicas, to: old)
        engine.selectForService([old, new])
        let limits = spec.rollingUpdate.limits(forReplicas: replicas)
        engine.note(
            "start",
            "rolling update of \(replicas) pods: maxSurge \(limits.maxSurge), maxUnavailable \(limits.maxUnavailable)")
        engine.startAnalysis()
        let rolling = RollingDeployment(replicas: replicas, parameters: spec.rollingUpdate, newSet: new, oldSets: [old])
        deployment = rolling
        rolling.sync(in: &engine)
    }

    mutating func react(to event: ControlEvent, in engine: inout Engine) {
        switch event {
        case .podReady, .podGone:
            guard !done, let deployment else { return }
            deployment.sync(in: &engine)
            check(&engine)
        default:
            break
        }
    }

    private mutating func check(_ engine: inout Engine) {
        guard let deployment, deployment.isComplete(in: engine), !done else { return }
        done = true
        if !rollingBack { engine.candidateTookFullTraffic() }
        engine.finish()
    }

    mutating func analysisFailed(in engine: inout Engine) {
        rollingBack = true
        done = false
        engine.abort("analysis failed: rollout undo")
        let rolling = RollingDeployment(replicas: replicas, parameters: spec.rollingUpdate, newSet: old, oldSets: [new])
        deployment = rolling
        rolling.sync(in: &engine)
    }
}
