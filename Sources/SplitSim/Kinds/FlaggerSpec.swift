import SplitRouter

/// Flagger's Canary (fluxcd/flagger): a `primary` Deployment serves production, the canary
/// Deployment runs the new version at full size, and every `interval` one tick of the canary
/// analysis checks the canary's metric and moves the router's weight, until the spec is copied
/// to the primary or `threshold` failed checks roll the canary back.
public struct FlaggerSpec: Hashable, Sendable {
    /// Flagger's default `analysis.interval`.
    public static let defaultInterval = SimDuration.minutes(1)
    /// The shortest interval Flagger runs (`GetAnalysisInterval`, canary.go).
    public static let minimumInterval = SimDuration.seconds(10)
    /// Failed checks that roll back, as the examples set it.
    public static let defaultThreshold = 5
    /// The default weight step, in percent.
    public static let defaultStepWeight = 10
    /// The default weight after which Flagger promotes, in percent.
    public static let defaultMaxWeight = 50
    /// Flagger's `totalWeight`: weights are percentages on every router it drives.
    public static let totalWeight = 100

    /// How the analysis moves traffic; Flagger picks the deployment strategy from the keys
    /// given (canary.go `GetDeploymentStrategy`).
    public enum Progression: Hashable, Sendable {
        /// Canary: each passing check adds `stepWeight` until the weight reaches `maxWeight`.
        case stepWeight(Int, maxWeight: Int)
        /// Canary: the weight goes through this increasing list of percentages.
        case stepWeights([Int])
        /// A/B testing: `iterations` checks while only matching requests go to the canary.
        case abTesting(iterations: Int, match: Match)
        /// Blue/Green: `iterations` checks with no production traffic on the canary, then one
        /// with all of it.
        case blueGreen(iterations: Int)
    }

    /// Which requests A/B testing routes to the canary.
    public enum Match: Hashable, Sendable {
        /// Requests whose header matches the value or the pattern.
        case header(HeaderMatch)
        /// Users whose cookie of this name is `always` (ingress-nginx `canary-by-cookie`).
        case cookie(String)
    }

    /// The router Flagger drives.
    public var router: L7Router
    /// `analysis.interval`: the time between two ticks of the analysis.
    public var interval: SimDuration
    /// `analysis.threshold`: the failed checks at which the canary is rolled back.
    public var threshold: Int
    /// How the weight moves.
    public var progression: Progression
    /// `analysis.mirror`: before traffic shifts, the canary gets a copy of every request and
    /// its responses are dropped (Istio; Gateway API in Blue/Green only).
    public var mirror: Bool
    /// Surge of the primary's rolling update after the spec is copied to it.
    public var maxSurge: IntOrPercent
    /// Unavailability budget of the primary's rolling update.
    public var maxUnavailable: IntOrPercent

    /// Creates a Flagger specification.
    public init(
        router: L7Router = .istio,
        interval: SimDuration = FlaggerSpec.defaultInterval,
        threshold: Int = FlaggerSpec.defaultThreshold,
        progression: Progression = .stepWeight(FlaggerSpec.defaultStepWeight, maxWeight: FlaggerSpec.defaultMaxWeight),
        mirror: Bool = false,
        maxSurge: IntOrPercent = .percent(25),
        maxUnavailable: IntOrPercent = .percent(25)
    ) {
        self.router = router
        self.interval = interval
        self.threshold = threshold
        self.progression = progression
        self.mirror = mirror
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }

    /// The weight at or past which Flagger promotes: `min(100, last stepWeight)` with a list,
    /// `maxWeight` otherwise (scheduler.go `maxWeight`); 0 for A/B and Blue/Green.
    public var maxWeight: Int {
        switch progression {
        case .stepWeight(_, let maxWeight): maxWeight
        case .stepWeights(let weights): min(Self.totalWeight, weights.last ?? Self.totalWeight)
        case .abTesting, .blueGreen: 0
        }
    }

    /// What the next passing check adds to `canaryWeight` (scheduler.go `nextStepWeight`):
    /// `stepWeight`; or with a list, its first entry from 0, the gap to the next entry from an
    /// entry, and the rest to 100 otherwise; never more than 100 − `canaryWeight`.
    public func nextStepWeight(after canaryWeight: Int) -> Int {
        let left = Self.totalWeight - canaryWeight
        switch progression {
        case .stepWeight(let step, _):
            return min(step, left)
        case .stepWeights(let weights):
            guard let first = weights.first else { return left }
            if canaryWeight == 0 { return min(first, left) }
            if let index = weights.dropLast().firstIndex(of: canaryWeight) {
                return min(weights[index + 1] - canaryWeight, left)
            }
            return left
        case .abTesting, .blueGreen:
            return 0
        }
    }

    /// The weights the canary analysis sets, in order: each passing check adds
    /// ``nextStepWeight(after:)`` while the weight is below ``maxWeight``, so the last one may
    /// pass it (`runCanary` caps only at 100: stepWeight 20, maxWeight 50 sets 20, 40, 60).
    /// Empty for A/B testing and Blue/Green.
    public var weights: [Int] {
        var weights: [Int] = []
        var weight = 0
        while weight < maxWeight {
            let step = nextStepWeight(after: weight)
            guard step > 0 else { break }
            weight = min(weight + step, Self.totalWeight)
            weights.append(weight)
        }
        return weights
    }
}

extension FlaggerSpec: StrategyKindSpec, RollingUpdateBudget {
    public static let kindName = "flagger"
    public static let schemaDefinition = "flagger"
    public static let keys = [
        "router", "interval", "threshold", "stepWeight", "maxWeight", "stepWeights", "iterations", "match", "mirror",
        "primaryRollingUpdate",
    ]
    public static let whyNoSteps =
        "Flagger moves the weight by stepWeight and maxWeight, stepWeights or iterations, one check per interval"

    public static func decode(_ fields: inout StrategyFields) -> FlaggerSpec {
        let router = fields.choice("router", as: L7Router.self, noun: "router") ?? .istio
        var interval = fields.duration("interval") ?? defaultInterval
        if interval < minimumInterval {
            fields.report(
                "\(interval) is shorter than Flagger's shortest analysis interval; expected at least \(minimumInterval)",
                at: "interval")
            interval = minimumInterval
        }
        let threshold = fields.integer("threshold", in: 1...1_000) ?? defaultThreshold
        let stepWeight = fields.integer("stepWeight", in: 1...totalWeight)
        let maxWeight = fields.integer("maxWeight", in: 1...totalWeight)
        let stepWeights = decodeStepWeights(&fields)
        let iterations = fields.integer("iterations", in: 1...1_000)
        let match = decodeMatch(&fields)
        let mirror = fields.boolean("mirror") ?? false
        let (surge, unavailable) = decodePrimaryRollingUpdate(&fields)

        let weighted = ["stepWeight", "maxWeight", "stepWeights"].filter { fields.contains($0) }
        if fields.contains("stepWeights"), fields.contains("stepWeight") || fields.contains("maxWeight") {
            fields.report(
                "stepWeights replaces stepWeight and maxWeight; expected either stepWeights or stepWeight and maxWeight",
                at: "stepWeights")
        }
        if fields.contains("iterations"), !weighted.isEmpty {
            fields.report(
                "iterations selects A/B testing (with match) or Blue/Green, which ignore \(weighted.joined(separator: ", ")); expected one or the other",
                at: "iterations")
        }
        if fields.contains("match"), !fields.contains("iterations") {
            fields.report(
                "match routes requests only in A/B testing, which runs iterations checks; expected iterations with it",
                at: "match")
        }

        if mirror {
            if fields.contains("match") {
                fields.report(
                    "Flagger's A/B route carries no mirror, so mirror does nothing with match; expected one or the other",
                    at: "mirror")
            } else if router == .ingressNginx {
                fields.report(
                    "Flagger's ingress-nginx router has no mirror route, so mirror does nothing; expected istio or gateway-api",
                    at: "mirror")
            } else if router == .gatewayAPI, !fields.contains("iterations") {
                fields.report(
                    "Flagger's Gateway API router mirrors only in Blue/Green, so a weighted canary with mirror never leaves weight 0; expected iterations, or istio",
                    at: "mirror")
            }
        }

        let progression: Progression
        if let iterations {
            progression =
                match.map { .abTesting(iterations: iterations, match: $0) } ?? .blueGreen(iterations: iterations)
        } else if let stepWeights, !fields.contains("stepWeight"), !fields.contains("maxWeight") {
            progression = .stepWeights(stepWeights)
        } else {
            progression = .stepWeight(stepWeight ?? defaultStepWeight, maxWeight: maxWeight ?? defaultMaxWeight)
        }
        return FlaggerSpec(
            router: router, interval: interval, threshold: threshold, progression: progression, mirror: mirror,
            maxSurge: surge, maxUnavailable: unavailable)
    }

    /// `stepWeights`: a non-empty, strictly increasing list of percentages 1…100.
    private static func decodeStepWeights(_ fields: inout StrategyFields) -> [Int]? {
        let field = fields.fields["stepWeights"]
        let expectation = "a non-empty array of increasing percentages 1...100"
        guard let elements = fields.decoder.array(field, expecting: expectation), let node = field.node else {
            return nil
        }
        guard !elements.isEmpty else {
            fields.decoder.report("empty list; expected \(expectation)", at: field.path, node.position)
            return nil
        }
        var weights: [Int] = []
        for (index, element) in elements.enumerated() {
            let path = field.path.index(index)
            let entry = ScenarioDecoder.Field(node: element, path: path, parentPosition: node.position)
            guard let weight = fields.decoder.integer(entry, in: 1...totalWeight) else { continue }
            if let previous = weights.last, weight <= previous {
                fields.decoder.report(
                    "\(weight) does not increase on \(previous); expected increasing weights", at: path,
                    element.position)
            }
            weights.append(weight)
        }
        return weights.count == elements.count ? weights : nil
    }

    /// `match`: `{"header": {name, value | pattern}}` or `{"cookie": NAME}`, exactly one.
    private static func decodeMatch(_ fields: inout StrategyFields) -> Match? {
        let field = fields.fields["match"]
        guard let node = field.node,
            let members = fields.decoder.fields(of: node, at: field.path, accepting: ["header", "cookie"])
        else { return nil }
        var match = StrategyFields(
            decoder: fields.decoder, fields: members, context: fields.context, analysis: fields.analysis,
            stepKeys: [], kindName: kindName)
        let header = match.headerMatch("header", required: false)
        let cookie = match.string("cookie")
        fields.decoder = match.decoder
        if match.contains("header") == match.contains("cookie") {
            fields.report("expected exactly one of header or cookie", at: "match")
            return nil
        }
        if let header {
            guard header.value != nil || header.pattern != nil else {
                fields.decoder.report(
                    "Flagger matches a header by an exact value or a regular expression; expected value or pattern",
                    at: field.path.key("header"), members["header"].node?.position)
                return nil
            }
            return .header(header)
        }
        return cookie.map(Match.cookie)
    }

    /// `primaryRollingUpdate`: the `maxSurge` and `maxUnavailable` of the primary's own
    /// rolling update (Kubernetes defaults 25 % each).
    private static func decodePrimaryRollingUpdate(_ fields: inout StrategyFields) -> (IntOrPercent, IntOrPercent) {
        let field = fields.fields["primaryRollingUpdate"]
        guard let node = field.node,
            let members = fields.decoder.fields(
                of: node, at: field.path, accepting: ["maxSurge", "maxUnavailable"])
        else { return (.percent(25), .percent(25)) }
        var budget = StrategyFields(
            decoder: fields.decoder, fields: members, context: fields.context, analysis: fields.analysis,
            stepKeys: [], kindName: kindName)
        let (surge, unavailable) = budget.rollingBudget()
        fields.decoder = budget.decoder
        return (surge, unavailable)
    }

    /// The weights of the canary analysis as `setWeight` steps, so that a run measures the
    /// share each weight realised; empty for A/B testing and Blue/Green.
    public var steps: [Step] { weights.map(Step.setWeight) }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    /// Flagger judges its own checks.
    public var analysisStyle: AnalysisStyle { .flaggerChecks }

    public func granularity(replicas: Int) -> GranularityPlan {
        let steps = weights.map { weight in
            GranularityPlan.PlannedStep(
                label: "stepWeight \(weight)", requested: Double(weight) / Double(Self.totalWeight),
                effective: router.effectiveShare(weight: Double(weight), weightTotal: Self.totalWeight))
        }
        return GranularityPlan(minShare: router.smallestShare(weightTotal: Self.totalWeight), steps: steps)
    }

    /// Flagger's canary analysis, one tick per `interval` (pkg/controller/scheduler.go
    /// `advanceCanary`; DESIGN §1.5).
    ///
    /// The first tick, at the start, finds the new revision and scales the canary to the
    /// primary's R replicas. Every later tick does nothing while the canary is not ready;
    /// otherwise it rolls back once the failed checks reached `threshold` (the test comes
    /// before the check), then checks the canary's metric unless the weight and the
    /// iterations are still 0 and nothing is mirrored (a failed check, no data included,
    /// counts and leaves the weight), then advances the weight, the A/B or Blue/Green
    /// iterations or the mirror, or promotes. Promotion copies the spec to the
    /// primary, which rolls by its own budget; the first tick after that rollout completes
    /// routes all traffic back to the primary and the next scales the canary to 0.
    ///
    /// The router splits per request between the canary and the primary; the primary balances
    /// its share over its ready pods, so while it rolls the new version's share is the
    /// canary's weight plus the rest times the primary's ready new pods over all its ready pods.
    public struct Strategy: RollingBackStrategy {
        /// The strategy's timers.
        public enum Timer: RollbackTimer {
            /// The analysis ticker (`time.Ticker(interval)`, pkg/controller/job.go).
            case tick
            case rollbackScaleDown
        }

        /// Where the canary stands (the Canary's status phase).
        private enum Phase {
            case progressing, promoting, finalising, succeeded, stopped
        }

        let spec: FlaggerSpec
        let replicas: Int
        var rollback: Rollback?
        private var phase = Phase.progressing
        private var primary = 0
        private var primaryNext = 0
        private var canary = 0
        /// The primary's rolling update once the spec was copied to it.
        private var deployment: RollingDeployment?
        /// `status.canaryWeight`, in percent.
        private var canaryWeight = 0
        /// `status.failedChecks`: never reset by a passing check.
        private var failedChecks = 0
        /// `status.iterations`.
        private var iterations = 0
        /// The weight step in force, for the realised shares.
        private var stepIndex = 0
        /// Whether the A/B match route sends matching requests to the canary.
        private var matchRouted = false
        /// Whether the route mirrors every request to the canary (the routes' `mirrored`).
        private var mirrored = false
        /// The verdicts of the A/B match for the scenario's request classes: matching requests
        /// go to the canary, all others are weighted (to the primary).
        private var matchDecisions: [CanaryDecision] = []
        private var routed: (split: TwoWaySplit, decisions: [CanaryDecision], mirrored: Bool)?

        init(spec: FlaggerSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            primary = release.addReplicaSet(named: "primary", version: .stable)
            primaryNext = release.addReplicaSet(named: "primary-next", version: .candidate)
            canary = release.addReplicaSet(named: "canary", version: .candidate)
            release.addRunningPods(replicas, to: primary)
            if case .abTesting(_, let match) = spec.progression {
                matchDecisions = Self.decisions(for: match, release)
            }
            applyRoutes(&release)
            release.record(
                .started(
                    .routedCanary(router: spec.router, stablePods: replicas, weightScale: FlaggerSpec.totalWeight)))
            // The tick that first sees the new revision (T0): ScaleFromZero to the primary's
            // replicas and phase Progressing with weight, failed checks and iterations 0; no
            // readiness test and no check (scheduler.go checkCanaryStatus).
            release.scale(canary, to: replicas)
            release.schedule(.tick, after: spec.interval.nanoseconds)
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) {
                applyRoutes(&release)
                return
            }
            switch event {
            case .timer(.tick):
                tick(&release)
            case .podReady, .podGone:
                deployment?.sync(in: &release)
                applyRoutes(&release)
            case .backgroundAnalysisEnded(let purpose, let phase) where phase == .failed || phase == .error:
                // Only the external watchdog runs beside Flagger's own checks.
                stop(.analysis(purpose, phase), &release)
            case .timer, .backgroundAnalysisEnded, .analysisFinished, .smokeTestFinished:
                break
            }
        }

        /// One run of `advanceCanary`.
        private mutating func tick(_ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .progressing:
                progress(&release)
            case .promoting:
                // IsPrimaryReady fails until the primary's rollout is done; then
                // runPromotionTrafficShift routes 100/0 and sets Finalising (stepWeightPromotion 0).
                if let deployment, deployment.isComplete(in: release) {
                    canaryWeight = 0
                    matchRouted = false
                    applyRoutes(&release, announcing: .trafficBack)
                    phase = .finalising
                }
            case .finalising:
                // ScaleToZero the canary and set Succeeded.
                release.scale(canary, to: 0)
                phase = .succeeded
                release.finish()
            case .succeeded, .stopped:
                return
            }
            if phase != .succeeded && phase != .stopped {
                release.schedule(.tick, after: spec.interval.nanoseconds)
            }
        }

        /// A tick of the Progressing phase: readiness, the threshold test, the check, the step.
        private mutating func progress(_ release: inout ReleaseControl<Timer>) {
            // IsPrimaryReady and IsCanaryReady: a retriable failure ends the tick, uncounted.
            guard release.readyPods(in: primary) >= replicas, release.readyPods(in: canary) >= replicas else { return }
            // The threshold test comes before this tick's check, with >=.
            if failedChecks >= spec.threshold {
                stop(.failedChecks(spec.threshold), &release)
                return
            }
            // With weight and iterations 0 (and no mirror on) only the pre-rollout hooks run;
            // otherwise the metric check, whose failure counts and ends the tick with the
            // weight unchanged.
            if canaryWeight != 0 || iterations != 0 || (spec.mirror && mirrored) {
                guard check(&release) else { return }
            }
            switch spec.progression {
            case .stepWeight, .stepWeights:
                // runCanary: below maxWeight add the next step (capped at 100 only), else promote.
                guard canaryWeight < spec.maxWeight else { return promote(&release) }
                // With mirror, one mirrored tick at weight 0 comes before the first step.
                if spec.mirror && canaryWeight == 0 && !mirrored {
                    mirrored = true
                    applyRoutes(&release)
                    return
                }
                mirrored = false
                canaryWeight = min(canaryWeight + spec.nextStepWeight(after: canaryWeight), FlaggerSpec.totalWeight)
                release.beginStep(stepIndex)
                stepIndex += 1
                applyRoutes(&release, announcing: .weight)
            case .abTesting(let planned, _):
                // runAB: SetRoutes(0, 100) on the match route and one more iteration, until
                // the iterations are done.
                guard planned > iterations else { return promote(&release) }
                iterations += 1
                if !matchRouted {
                    matchRouted = true
                    applyRoutes(&release, announcing: .matchRoute)
                }
            case .blueGreen(let planned):
                // runBlueGreen: iterations with no live traffic on the canary (mirrored with
                // mirror), then all of it for one more check, then Promote.
                if planned > iterations {
                    if spec.mirror && canaryWeight == 0 && !mirrored {
                        mirrored = true
                        applyRoutes(&release)
                    }
                    iterations += 1
                } else if planned == iterations {
                    iterations += 1
                    mirrored = false
                    canaryWeight = FlaggerSpec.totalWeight
                    applyRoutes(&release, announcing: .weight)
                } else {
                    promote(&release)
                }
            }
        }

        /// The builtin check of the canary's error rate over the metric window; no data and
        /// fewer than `minRequests` requests fail like an error rate above `maxErrorRate`
        /// (`ErrNoValuesFound`). Without an analysis every check passes.
        private mutating func check(_ release: inout ReleaseControl<Timer>) -> Bool {
            guard let analysis = release.analysisSpec else { return true }
            let reading = release.queryCandidateMetric()
            let minRequests = max(analysis.minRequests, 1)
            let passed =
                reading.map { $0.requests >= Double(minRequests) && $0.errorRate <= analysis.maxErrorRate } ?? false
            if !passed { failedChecks += 1 }
            release.record(
                .metricChecked(
                    reading: reading, minRequests: minRequests, maxErrorRate: analysis.maxErrorRate, passed: passed,
                    failedChecks: failedChecks, threshold: spec.threshold))
            return passed
        }

        /// Promote: the canary's spec is copied to the primary, which rolls to the new version
        /// by its own maxSurge and maxUnavailable; the weights stay as they are (Promoting).
        private mutating func promote(_ release: inout ReleaseControl<Timer>) {
            phase = .promoting
            release.endSteps()
            release.record(.promotion(.specCopiedToPrimary))
            let rolling = RollingDeployment(
                replicas: replicas, parameters: spec.rollingUpdate, newSet: primaryNext, oldSets: [primary])
            deployment = rolling
            rolling.sync(in: &release)
            applyRoutes(&release)
        }

        /// Stops the release. Before the primary was touched, Flagger's rollback: weight 0 and
        /// the canary scaled to 0 on the same tick, phase Failed. After it (only the external
        /// watchdog can stop it then), the primary rolls back to the old version as well.
        private mutating func stop(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            guard phase != .stopped else { return }
            phase = .stopped
            canaryWeight = 0
            matchRouted = false
            mirrored = false
            release.endSteps()
            if deployment == nil {
                release.abort(AbortReason(cause, .weightAndCanaryToZero))
                applyRoutes(&release, announcing: .weightCleared)
                rollback = Rollback(.drain(candidate: canary, delay: 0, finish: .whenScaledDown), &release)
            } else {
                release.abort(AbortReason(cause, .rollDeploymentBack))
                release.scale(canary, to: 0)
                let rolling = RollingDeployment(
                    replicas: replicas, parameters: spec.rollingUpdate, newSet: primary, oldSets: [primaryNext])
                rollback = Rollback(.rollingUpdate(rolling), &release)
                applyRoutes(&release)
            }
        }

        /// What a routing change is recorded as in the trace.
        private enum Announcement {
            case weight, matchRoute, trafficBack, weightCleared
        }

        /// Routes per request: matching requests to the canary (A/B), the others by weight —
        /// `canaryWeight` percent to the canary, the rest to the primary's ready pods, of which
        /// the new ones run the candidate. Records `announcement`, then takes full traffic once
        /// every request reaches the candidate.
        private mutating func applyRoutes(
            _ release: inout ReleaseControl<Timer>, announcing announcement: Announcement? = nil
        ) {
            let total = FlaggerSpec.totalWeight
            let newPods = release.readyPods(in: primaryNext)
            let primaryPods = release.readyPods(in: primary) + newPods
            let split =
                newPods == 0
                ? spec.router.split(weight: Double(canaryWeight), weightTotal: total)
                : TwoWaySplit(
                    numerator: canaryWeight * primaryPods + (total - canaryWeight) * newPods,
                    denominator: total * primaryPods)
            let decisions = matchRouted ? matchDecisions : []
            let mirrorChanged = (routed?.mirrored ?? false) != mirrored
            if routed?.split != split || routed?.decisions != decisions || mirrorChanged {
                routed = (split, decisions, mirrored)
                release.routePerRequest(
                    weight: split, decisions: decisions, mirror: TwoWaySplit(candidateShare: mirrored ? 1 : 0))
            }
            // Istio mirrors 100 % when no mirrorWeight is set (virtual_service.go).
            if mirrorChanged { release.record(.mirrorRouted(percentage: mirrored ? total : 0)) }
            switch announcement {
            case .weight:
                release.record(.weightSet(weight: canaryWeight, scale: total, share: split.candidateShare))
            case .matchRoute:
                switch spec.progression {
                case .abTesting(_, .header(let header)): release.record(.matchRouted(header: header, cookie: nil))
                case .abTesting(_, .cookie(let cookie)): release.record(.matchRouted(header: nil, cookie: cookie))
                case .stepWeight, .stepWeights, .blueGreen: break
                }
            case .trafficBack:
                release.record(.promotion(.trafficBackToPrimary))
            case .weightCleared:
                release.record(.weightCleared)
            case nil:
                break
            }
            if phase != .stopped && split.threshold == .max { release.candidateTookFullTraffic() }
        }

        /// The A/B match for the scenario's header and cookie values, by ingress-nginx's
        /// `canary-by-header(-value|-pattern)` and `canary-by-cookie` rules, which Flagger sets on
        /// ingress-nginx and which an Istio or Gateway API exact or regex match agrees with.
        private static func decisions(for match: Match, _ release: ReleaseControl<Timer>) -> [CanaryDecision] {
            let rules: IngressNginxCanaryRules
            switch match {
            case .header(let header): rules = IngressNginxCanaryRules(header: header.canaryRule)
            case .cookie(let name): rules = IngressNginxCanaryRules(cookieName: name)
            }
            // Whatever does not match goes to the primary, which the weight splits.
            return release.decisions(by: rules).map { $0 == .canary ? .canary : .weighted }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `flagger`.
    public static func flagger(_ spec: FlaggerSpec) -> StrategyKind { StrategyKind(spec) }
}
