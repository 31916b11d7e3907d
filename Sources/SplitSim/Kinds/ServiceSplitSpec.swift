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
    /// Scale the stable set down as traffic leaves it (Argo's `dynamicStableScale`).
    public var dynamicStableScale: Bool

    /// Creates a service-split specification.
    public init(
        router: L7Router = .ingressNginx,
        weightTotal: Int = 100,
        canaryReplicas: CanaryReplicas = .matchWeight,
        header: HeaderMatch? = nil,
        cookie: String? = nil,
        steps: [Step],
        scaleDownDelay: SimDuration = ServiceSplitSpec.defaultScaleDownDelay,
        abortScaleDownDelay: SimDuration = ServiceSplitSpec.defaultAbortScaleDownDelay,
        dynamicStableScale: Bool = false
    ) {
        self.dynamicStableScale = dynamicStableScale
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
        "abortScaleDownDelay", "dynamicStableScale",
    ]
    public static let stepKeys = [
        "setWeight", "pause", "analysis", "setCanaryScale", "setHeaderRoute", "setMirrorRoute",
    ]

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
            abortScaleDownDelay: fields.duration("abortScaleDownDelay") ?? ServiceSplitSpec.defaultAbortScaleDownDelay,
            dynamicStableScale: fields.boolean("dynamicStableScale") ?? false
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
        if let perPod = scenario.cluster.podCapacityRps {
            let peakRate = scenario.traffic.rates.map(\.rps).max() ?? 0
            let replicas = scenario.cluster.replicas
            var scale: CanaryScale?
            var weightStep = 0
            for step in steps {
                switch step {
                case .setCanaryScale(let next):
                    scale = next == .matchTrafficWeight ? nil : next
                case .setWeight(let weight):
                    defer { weightStep += 1 }
                    let share = plan.steps[safe: weightStep]?.effective ?? 0
                    let pods = canaryPods(weight: weight, replicas: replicas, scale: scale)
                    let capacity = Double(pods) * perPod
                    if share < 1, peakRate * share > capacity,
                        !warnings.contains(where: { $0.code == "canary-overloaded" })
                    {
                        warnings.append(
                            .canaryOverloaded(
                                step: weightStep, offeredRps: peakRate * share, canaryPods: pods, capacityRps: capacity)
                        )
                    }
                case .pause, .analysis, .setReplicas, .setHeaderRoute, .setMirrorRoute:
                    break
                }
            }
        }
        if router != .ingressNginx, header != nil || cookie != nil {
            warnings.append(.rulesNeedIngressNginx(router: router))
        }
        for (index, step) in steps.enumerated() where !router.supports(step) {
            warnings.append(.stepIgnoredByRouter(step: index, key: step.key, router: router))
        }
        return warnings
    }

    /// The canary pods a weight needs: Argo's traffic-routed formula `ceil(w·R/maxWeight)` with
    /// `match-weight`, rounded once (DESIGN §1.5.1), the fixed count otherwise, all replicas at
    /// full weight.
    func canaryPods(weight: Int, replicas: Int, scale: CanaryScale? = nil) -> Int {
        switch scale {
        case .replicas(let count): return count
        case .weight(let scaled):
            return CanaryReplicaCalculator.trafficRoutedCounts(
                replicas: replicas, weight: min(scaled, weightScale), maxWeight: weightScale
            ).canary
        case .matchTrafficWeight, nil: break
        }
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
    /// (`ceil(w·R/maxWeight)` with `match-weight`, or what `setCanaryScale` set), waits until it
    /// is available, then sets the weight; stable stays at R until promotion, or follows the
    /// weight down with `dynamicStableScale`. `setHeaderRoute` and `setMirrorRoute` take effect
    /// at once where the router implements them. An abort sets the weight to 0 at once and scales
    /// the canary down after `abortScaleDownDelay`; with `dynamicStableScale`, stable is scaled
    /// back up first and the weight goes to 0 once it is available.
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
        private var weight = 0
        private var canaryScale: CanaryScale?
        private var headerRoute: HeaderMatch?
        private var mirrorPercentage = 0

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
            case .timer, .backgroundAnalysisEnded, .analysisFinished, .smokeTestFinished:
                break
            }
        }

        mutating func proceed(_ release: inout ReleaseControl<Timer>) {
            if phase == .promoting {
                guard release.readyPods(in: canary) >= replicas else { return }
                headerRoute = nil
                mirrorPercentage = 0
                setWeight(spec.weightScale, &release)
                release.endSteps()
                release.candidateTookFullTraffic()
                phase = .promoted
                release.schedule(.stableScaleDown, after: spec.scaleDownDelay.nanoseconds)
                return
            }
            guard phase == .stepping, !release.isPaused else { return }
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
                apply(step, index: index, &release)
                proceed(&release)
            case .promote:
                phase = .promoting
                release.record(.promotion(.canaryScaledToFull(replicas: replicas)))
                release.scale(canary, to: replicas)
                proceed(&release)
            }
        }

        /// Starts a step: sizes the canary for a weight or a scale, or changes a managed route.
        private mutating func apply(_ step: Step, index: Int, _ release: inout ReleaseControl<Timer>) {
            release.startAnalysis()
            switch step {
            case .setWeight(let w):
                canaryTarget = spec.canaryPods(weight: w, replicas: replicas, scale: canaryScale)
                release.record(
                    .stepRoutedWeight(step: index, weight: w, scale: spec.weightScale, canaryPods: canaryTarget))
                release.scale(canary, to: canaryTarget)
            case .setCanaryScale(let scale):
                canaryScale = scale == .matchTrafficWeight ? nil : scale
                canaryTarget = spec.canaryPods(weight: weight, replicas: replicas, scale: canaryScale)
                release.record(.stepCanaryScale(step: index, canaryPods: canaryTarget))
                release.scale(canary, to: canaryTarget)
            case .setHeaderRoute(let match):
                let applied = spec.router.supports(step)
                if applied { headerRoute = match }
                release.record(
                    .stepHeaderRoute(step: index, header: match?.name, ignoredBy: applied ? nil : spec.router))
                route(&release)
            case .setMirrorRoute(let percentage):
                let applied = spec.router.supports(step)
                if applied { mirrorPercentage = percentage }
                release.record(
                    .stepMirrorRoute(step: index, percentage: percentage, ignoredBy: applied ? nil : spec.router))
                route(&release)
            case .setReplicas, .pause, .analysis:
                break
            }
        }

        private mutating func setWeight(_ w: Int, _ release: inout ReleaseControl<Timer>) {
            weight = w
            rulesOn = rulesOn || w > 0
            let split = route(&release)
            release.record(.weightSet(weight: w, scale: spec.weightScale, share: split.candidateShare))
            if spec.dynamicStableScale {
                // Argo's dynamicStableScale: stable = ceil(R·(maxWeight − w)/maxWeight) once the
                // weight has left it (utils/replicaset/canary.go, CalculateReplicaCountsForTrafficRoutedCanary).
                let stablePods = CanaryReplicaCalculator.trafficRoutedCounts(
                    replicas: replicas, weight: spec.weightScale - min(w, spec.weightScale), maxWeight: spec.weightScale
                ).canary
                release.scale(stable, to: stablePods)
            }
        }

        /// Routes by the current weight, rules and managed routes; returns the weighted split.
        @discardableResult
        private func route(_ release: inout ReleaseControl<Timer>) -> TwoWaySplit {
            let split = spec.router.split(weight: Double(weight), weightTotal: spec.weightTotal)
            let mirror = TwoWaySplit(candidateShare: Double(mirrorPercentage) / 100)
            release.routePerRequest(weight: split, decisions: ruleDecisions(release), mirror: mirror)
            return split
        }

        /// The verdicts per request class of the scenario's header and cookie values: ingress-nginx's
        /// canary-by-header and canary-by-cookie rules once the weight was above 0, or a managed
        /// header route (Istio, Gateway API).
        private func ruleDecisions(_ release: ReleaseControl<Timer>) -> [CanaryDecision] {
            if spec.router == .ingressNginx {
                guard rulesOn, spec.header != nil || spec.cookie != nil else { return [] }
                return release.decisions(
                    by: IngressNginxCanaryRules(
                        header: spec.header?.canaryRule, cookieName: spec.cookie, weight: 0, weightTotal: 100))
            }
            guard let headerRoute else { return [] }
            return release.decisions(
                by: IngressNginxCanaryRules(
                    header: headerRoute.canaryRule, cookieName: nil, weight: 0, weightTotal: 100))
        }

        mutating func abort(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .stepping, .promoting:
                phase = .stopped
                release.endSteps()
                headerRoute = nil
                mirrorPercentage = 0
                if spec.dynamicStableScale && release.cluster.replicaSets[stable].spec < replicas {
                    // The weight stays until stable is available again (argo-rollouts
                    // trafficrouting.go, calculateDesiredWeightOnAbortOrStableRollback).
                    release.abort(AbortReason(cause, .restoreStableThenWeightToZero))
                    route(&release)
                    rollback = Rollback(
                        .restore(
                            stable: stable, cut: .clearWeight, candidate: canary, delay: 0, finish: .whenScaledDown),
                        &release)
                    return
                }
                release.abort(AbortReason(cause, .weightToZero(scaleDownDelay: spec.abortScaleDownDelay)))
                release.routePerRequest(weight: TwoWaySplit(candidateShare: 0))
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
