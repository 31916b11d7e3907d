import SplitRouter

/// A canary split per request by an L7 proxy in front of a stable and a canary Service.
public struct ServiceSplitSpec: Hashable, Sendable {
    /// The default delay before the old stable pods go after promotion.
    public static let defaultScaleDownDelay = SimDuration(nanoseconds: 30_000_000_000)
    /// The default delay before the canary pods go after an abort.
    public static let defaultAbortScaleDownDelay = SimDuration(nanoseconds: 30_000_000_000)

    /// The proxy doing the split.
    public var router: L7Router
    /// The weight total the router is configured with (ingress-nginx, gateway-api); 100 for istio.
    public var weightTotal: Int
    /// How the canary Service is sized.
    public var canaryReplicas: CanaryReplicas
    /// A header rule that overrides the weight.
    public var header: HeaderMatch?
    /// A cookie name whose `always`/`never` values override the weight.
    public var cookie: String?
    /// The rollout steps; `setWeight` values are out of ``weightScale``.
    public var steps: [Step]
    /// Delay before scaling the old version down after promotion.
    public var scaleDownDelay: SimDuration
    /// Delay before scaling the canary down after an abort.
    public var abortScaleDownDelay: SimDuration

    /// Creates a service-split specification.
    public init(
        router: L7Router = .ingressNginx,
        weightTotal: Int = 100,
        canaryReplicas: CanaryReplicas = .matchWeight,
        header: HeaderMatch? = nil,
        cookie: String? = nil,
        steps: [Step],
        scaleDownDelay: SimDuration = ServiceSplitSpec.defaultScaleDownDelay,
        abortScaleDownDelay: SimDuration = ServiceSplitSpec.defaultAbortScaleDownDelay
    ) {
        self.router = router
        self.weightTotal = weightTotal
        self.canaryReplicas = canaryReplicas
        self.header = header
        self.cookie = cookie
        self.steps = steps
        self.scaleDownDelay = scaleDownDelay
        self.abortScaleDownDelay = abortScaleDownDelay
    }

    /// What a `setWeight` value is out of: ingress-nginx ignores totals up to 100, gateway-api
    /// weights are relative to the configured total, istio weights are percentages.
    public var weightScale: Int {
        router.effectiveTotal(weightTotal: weightTotal)
    }
}

extension ServiceSplitSpec: StrategyKindSpec {
    public static let kindName = "service-split"
    public static let schemaDefinition = "serviceSplit"
    public static let keys = [
        "router", "weightTotal", "canaryReplicas", "header", "cookie", "steps", "scaleDownDelay",
        "abortScaleDownDelay",
    ]
    public static let stepKeys = ["setWeight", "pause", "analysis"]

    public static func decode(_ fields: inout StrategyFields) -> ServiceSplitSpec {
        let router = fields.choice("router", as: L7Router.self, noun: "router") ?? .ingressNginx
        var weightTotal = fields.integer("weightTotal", in: 1...1_000_000) ?? 100
        if router == .istio, weightTotal != 100, fields.contains("weightTotal") {
            fields.report("istio weights are whole percentages; expected 100 or no weightTotal", at: "weightTotal")
            weightTotal = 100
        }
        let scale = router.effectiveTotal(weightTotal: weightTotal)
        return ServiceSplitSpec(
            router: router,
            weightTotal: weightTotal,
            canaryReplicas: fields.canaryReplicas("canaryReplicas"),
            header: fields.headerMatch("header", required: false),
            cookie: fields.string("cookie"),
            steps: fields.steps(weightScale: scale),
            scaleDownDelay: fields.duration("scaleDownDelay") ?? ServiceSplitSpec.defaultScaleDownDelay,
            abortScaleDownDelay: fields.duration("abortScaleDownDelay") ?? ServiceSplitSpec.defaultAbortScaleDownDelay
        )
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        let steps = steps.compactMap { step -> GranularityPlan.PlannedStep? in
            guard case .setWeight(let weight) = step else { return nil }
            return .init(
                label: "setWeight \(weight)", requested: Double(weight) / Double(weightScale),
                effective: router.effectiveShare(weight: Double(weight), weightTotal: weightTotal))
        }
        return GranularityPlan(minShare: router.smallestShare(weightTotal: weightTotal), steps: steps)
    }

    public func warnings(in scenario: Scenario, plan: GranularityPlan) -> [StrategyWarning] {
        var warnings = plan.roundedSteps.map { index, step in
            StrategyWarning.weightRounded(
                step: index, requested: step.requested, effective: step.effective, router: router,
                smallestShare: plan.minShare)
        }
        if case .fixed(let pods) = canaryReplicas, let perPod = scenario.cluster.podCapacityRps {
            let peakRate = scenario.traffic.rates.map(\.rps).max() ?? 0
            let capacity = Double(pods) * perPod
            if let (index, step) = plan.steps.enumerated().first(where: {
                $0.element.effective < 1 && peakRate * $0.element.effective > capacity
            }) {
                warnings.append(
                    .canaryOverloaded(
                        step: index, offeredRps: peakRate * step.effective, canaryPods: pods, capacityRps: capacity))
            }
        }
        if router != .ingressNginx, header != nil || cookie != nil {
            warnings.append(.rulesNeedIngressNginx(router: router))
        }
        return warnings
    }

    /// The canary pods a weight needs: Argo's traffic-routed formula `ceil(w·R/maxWeight)` with
    /// `match-weight`, rounded once (DESIGN §1.5.1), the fixed count otherwise, all replicas at
    /// full weight.
    func canaryPods(weight: Int, replicas: Int) -> Int {
        guard weight > 0 else { return 0 }
        let fullWeight = min(weight, weightScale) >= weightScale
        switch canaryReplicas {
        case .matchWeight:
            return CanaryReplicaCalculator.trafficRoutedCounts(
                replicas: replicas, weight: min(weight, weightScale), maxWeight: weightScale
            ).canary
        case .fixed(let count):
            return fullWeight ? replicas : count
        }
    }

    /// A canary Deployment and Service behind an L7 router (ingress-nginx, Gateway API, Istio):
    /// every request is split by weight, after header and cookie rules.
    ///
    /// Follows Argo Rollouts' traffic-routed canary: each `setWeight` first sizes the canary
    /// (`ceil(w·R/100)` with `match-weight`), waits until it is available, then sets the weight;
    /// stable stays at R until promotion. An abort sets the weight to 0 at once and scales the
    /// canary down after `abortScaleDownDelay`.
    public struct Strategy: SteppedStrategy, RollingBackStrategy {
        public typealias Timer = CanaryTimer

        let spec: ServiceSplitSpec
        let replicas: Int
        var program: StepProgram
        private var phase = ReleasePhase.stepping
        var rollback: Rollback?
        private var stable = 0
        private var canary = 0
        private var canaryTarget = 0
        private var rulesOn = false

        init(spec: ServiceSplitSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
            program = StepProgram(steps: spec.steps)
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            stable = release.addReplicaSet(named: "stable", version: .stable)
            canary = release.addReplicaSet(named: "canary", version: .candidate)
            release.addRunningPods(replicas, to: stable)
            release.routePerRequest(weight: TwoWaySplit(candidateShare: 0))
            release.record(
                .started(.routedCanary(router: spec.router, stablePods: replicas, weightScale: spec.weightScale)))
            proceed(&release)
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) || handleStepEvent(event, &release) { return }
            switch event {
            case .timer(.stableScaleDown):
                guard phase == .promoted else { return }
                release.scale(stable, to: 0)
                phase = .finished
                release.finish()
            case .podReady, .podGone:
                if phase == .stepping || phase == .promoting { proceed(&release) }
            case .timer, .analysisFailed, .analysisStepFinished, .smokeTestFinished:
                break
            }
        }

        mutating func proceed(_ release: inout ReleaseControl<Timer>) {
            if phase == .promoting {
                guard release.readyPods(in: canary) >= replicas else { return }
                setWeight(spec.weightScale, &release)
                release.endSteps()
                release.candidateTookFullTraffic()
                phase = .promoted
                release.schedule(.stableScaleDown, after: spec.scaleDownDelay.nanoseconds)
                return
            }
            guard phase == .stepping else { return }
            let reached = release.readyPods(in: canary) >= canaryTarget
            if program.waitingForTarget && reached, let step = program.steps[safe: program.index],
                case .setWeight(let w) = step
            {
                setWeight(w, &release)
            }
            switch program.advance(targetReached: reached, &release) {
            case .wait:
                break
            case .applyTarget(let step, let index):
                guard case .setWeight(let w) = step else { return }
                canaryTarget = spec.canaryPods(weight: w, replicas: replicas)
                release.record(
                    .stepRoutedWeight(step: index, weight: w, scale: spec.weightScale, canaryPods: canaryTarget))
                release.startAnalysis()
                release.scale(canary, to: canaryTarget)
                proceed(&release)
            case .promote:
                phase = .promoting
                release.record(.promotion(.canaryScaledToFull(replicas: replicas)))
                release.scale(canary, to: replicas)
                proceed(&release)
            }
        }

        private mutating func setWeight(_ w: Int, _ release: inout ReleaseControl<Timer>) {
            let split = spec.router.split(weight: Double(w), weightTotal: spec.weightTotal)
            release.routePerRequest(weight: split, decisions: rulesOn || w > 0 ? ruleDecisions(release) : [])
            rulesOn = rulesOn || w > 0
            release.record(.weightSet(weight: w, scale: spec.weightScale, share: split.candidateShare))
        }

        /// The header and cookie verdicts of ingress-nginx for the scenario's request values;
        /// the other routers here split by weight alone.
        private func ruleDecisions(_ release: ReleaseControl<Timer>) -> [CanaryDecision] {
            guard spec.router == .ingressNginx, spec.header != nil || spec.cookie != nil else { return [] }
            let headerRule = spec.header.map { header -> IngressNginxCanaryRules.HeaderRule in
                if let value = header.value { return .init(name: header.name, match: .exact(value)) }
                if let pattern = header.pattern { return .init(name: header.name, match: .pattern(pattern)) }
                return .init(name: header.name)
            }
            let rules = IngressNginxCanaryRules(
                header: headerRule, cookieName: spec.cookie, weight: 0, weightTotal: 100)
            let headers = release.requestHeaders
            let cookies = release.requestCookies
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

        mutating func abort(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .stepping, .promoting:
                phase = .stopped
                release.abort(AbortReason(cause, .weightToZero(scaleDownDelay: spec.abortScaleDownDelay)))
                release.routePerRequest(weight: TwoWaySplit(candidateShare: 0))
                release.endSteps()
                rollback = Rollback(
                    .drain(candidate: canary, delay: spec.abortScaleDownDelay.nanoseconds, finish: .whenScaledDown),
                    &release)
            case .promoted, .finished:
                phase = .stopped
                release.abort(AbortReason(cause, .rollBackToStable))
                rollback = Rollback(
                    .restore(
                        stable: stable, cut: .clearWeight, candidate: canary,
                        delay: spec.abortScaleDownDelay.nanoseconds, finish: .whenScaledDown),
                    &release)
            case .stopped:
                break
            }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `service-split`.
    public static func serviceSplit(_ spec: ServiceSplitSpec) -> StrategyKind { StrategyKind(spec) }
}
