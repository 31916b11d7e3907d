import SplitRouter

/// A canary Deployment and Service behind an L7 router (ingress-nginx, Gateway API, Istio):
/// every request is split by weight, after header and cookie rules.
///
/// Follows Argo Rollouts' traffic-routed canary: each `setWeight` first sizes the canary
/// (`ceil(w·R/100)` with `match-weight`), waits until it is available, then sets the weight;
/// stable stays at R until promotion. An abort sets the weight to 0 at once and scales the
/// canary down after `abortScaleDownDelay`.
struct ServiceSplitStrategy: SteppedStrategy {
    let spec: ServiceSplitSpec
    let replicas: Int
    var program: StepProgram
    private var phase = ReleasePhase.stepping
    private var stable = 0
    private var canary = 0
    private var canaryTarget = 0
    private var rulesOn = false

    init(spec: ServiceSplitSpec, replicas: Int) {
        self.spec = spec
        self.replicas = replicas
        program = StepProgram(steps: spec.steps)
    }

    /// The canary pods a weight needs.
    static func canaryPods(weight: Int, of spec: ServiceSplitSpec, replicas: Int) -> Int {
        guard weight > 0 else { return 0 }
        let percent = Int((Double(weight) * 100 / Double(spec.weightScale)).rounded(.up))
        switch spec.canaryReplicas {
        case .matchWeight:
            return CanaryReplicaCalculator.trafficRoutedCounts(replicas: replicas, weight: min(percent, 100)).canary
        case .fixed(let count):
            return percent >= 100 ? replicas : count
        }
    }

    mutating func begin(in engine: inout Engine) {
        stable = engine.addReplicaSet(named: "stable", version: .stable)
        canary = engine.addReplicaSet(named: "canary", version: .candidate)
        engine.addRunningPods(replicas, to: stable)
        engine.routePerRequest(weight: TwoWaySplit(candidateShare: 0))
        engine.note("start", "\(spec.router.rawValue) canary: stable \(replicas) pods, weight 0 of \(spec.weightScale)")
        proceed(in: &engine)
    }

    mutating func react(to event: ControlEvent, in engine: inout Engine) {
        switch event {
        case .timer(.scaleDown(let set)):
            // A rollback may have made an earlier delayed scale-down stale.
            guard (set == stable && phase == .promoted) || (set == canary && phase == .aborting) else { return }
            engine.scale(set, to: 0)
            finishWhenDone(in: &engine)
        case .timer(let timer):
            stepTimerFired(timer, in: &engine)
        case .podReady, .podGone:
            switch phase {
            case .stepping, .promoting: proceed(in: &engine)
            case .rollingBack: rollBackWhenStableReady(in: &engine)
            default: break
            }
        default:
            break
        }
    }

    mutating func proceed(in engine: inout Engine) {
        if phase == .promoting {
            guard engine.readyPods(in: canary) >= replicas else { return }
            setWeight(spec.weightScale, in: &engine)
            engine.endSteps()
            engine.candidateTookFullTraffic()
            phase = .promoted
            engine.schedule(.scaleDown(replicaSet: stable), after: spec.scaleDownDelay.nanoseconds)
            return
        }
        guard phase == .stepping else { return }
        let reached = engine.readyPods(in: canary) >= canaryTarget
        if program.waitingForTarget && reached, let step = program.steps[safe: program.index],
            case .setWeight(let w) = step
        {
            setWeight(w, in: &engine)
        }
        switch program.advance(targetReached: reached, in: &engine) {
        case .wait:
            break
        case .applyTarget(let step, let index):
            guard case .setWeight(let w) = step else { return }
            canaryTarget = Self.canaryPods(weight: w, of: spec, replicas: replicas)
            engine.note(
                "step", "step \(index + 1): setWeight \(w) of \(spec.weightScale); canary sized to \(canaryTarget)")
            engine.startAnalysis()
            engine.scale(canary, to: canaryTarget)
            proceed(in: &engine)
        case .promote:
            phase = .promoting
            engine.note("promote", "all steps done: canary scaled to \(replicas) before taking all traffic")
            engine.scale(canary, to: replicas)
            proceed(in: &engine)
        }
    }

    private mutating func setWeight(_ w: Int, in engine: inout Engine) {
        let split = spec.router.split(weight: Double(w), weightTotal: spec.weightTotal)
        engine.routePerRequest(weight: split, decisions: rulesOn || w > 0 ? ruleDecisions(engine) : [])
        rulesOn = rulesOn || w > 0
        engine.note(
            "set-weight",
            "weight \(w) of \(spec.weightScale) → \(ShareText.percent(split.candidateShare)) of requests to the canary")
    }

    /// The header and cookie verdicts of ingress-nginx for the scenario's request values;
    /// the other routers here split by weight alone.
    private func ruleDecisions(_ engine: Engine) -> [CanaryDecision] {
        guard spec.router == .ingressNginx, spec.header != nil || spec.cookie != nil else { return [] }
        let headerRule = spec.header.map { header -> IngressNginxCanaryRules.HeaderRule in
            if let value = header.value { return .init(name: header.name, match: .exact(value)) }
            if let pattern = header.pattern { return .init(name: header.name, match: .pattern(pattern)) }
            return .init(name: header.name)
        }
        let rules = IngressNginxCanaryRules(header: headerRule, cookieName: spec.cookie, weight: 0, weightTotal: 100)
        let headers = engine.requestHeaders
        let cookies = engine.requestCookies
        let compiled = rules.compiled(headers: headers, cookies: cookies)
        var decisions: [CanaryDecision] = []
        for header in 0...headers.count {
            for cookie in 0...cookies.count {
                let requestClass = compiled.requestClass(
                    header: header == 0 ? nil : header - 1,
                    cookie: cookie == 0 ? nil : cookie - 1)
                decisions.append(compiled.decisions[requestClass])
            }
        }
        return decisions
    }

    mutating func abort(_ reason: String, in engine: inout Engine) {
        switch phase {
        case .stepping, .promoting:
            phase = .aborting
            engine.abort("\(reason): weight 0 at once, canary scaled down in \(spec.abortScaleDownDelay)")
            engine.routePerRequest(weight: TwoWaySplit(candidateShare: 0))
            engine.endSteps()
            engine.schedule(.scaleDown(replicaSet: canary), after: spec.abortScaleDownDelay.nanoseconds)
        case .promoted, .finished:
            guard !engine.isAborted else { return }
            phase = .rollingBack
            engine.abort("\(reason) after promotion: rolling back to stable")
            engine.scale(stable, to: replicas)
            rollBackWhenStableReady(in: &engine)
        default:
            break
        }
    }

    private mutating func rollBackWhenStableReady(in engine: inout Engine) {
        guard engine.readyPods(in: stable) >= replicas else { return }
        phase = .aborting
        engine.routePerRequest(weight: TwoWaySplit(candidateShare: 0))
        engine.note("set-weight", "weight 0: all requests back to stable")
        engine.schedule(.scaleDown(replicaSet: canary), after: spec.abortScaleDownDelay.nanoseconds)
    }

    private mutating func finishWhenDone(in engine: inout Engine) {
        phase = .finished
        engine.finish()
    }
}
