/// An application gateway routes only requests with a header to a `-canary` copy; production
/// traffic moves from 0 % to 100 % by a rolling update once the copy is approved.
public struct GatewayRouteSpec: Hashable, Sendable {
    /// The header that selects the canary copy.
    public var header: HeaderMatch
    /// Pods of the canary copy.
    public var canaryReplicas: Int
    /// Synthetic checks against the copy before approval.
    public var smokeTest: SmokeTestSpec?
    /// Time from the copy being ready (and smoke-tested) to the production rollout starting.
    public var approvalDelay: SimDuration
    /// Surge of the production rolling update.
    public var maxSurge: IntOrPercent
    /// Unavailability budget of the production rolling update.
    public var maxUnavailable: IntOrPercent

    /// Creates a gateway-route specification.
    public init(
        header: HeaderMatch,
        canaryReplicas: Int = 1,
        smokeTest: SmokeTestSpec? = nil,
        approvalDelay: SimDuration = .zero,
        maxSurge: IntOrPercent = .percent(25),
        maxUnavailable: IntOrPercent = .percent(25)
    ) {
        self.header = header
        self.canaryReplicas = canaryReplicas
        self.smokeTest = smokeTest
        self.approvalDelay = approvalDelay
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}

extension GatewayRouteSpec: StrategyKindSpec, RollingUpdateBudget {
    public static let kindName = "gateway-route"
    public static let schemaDefinition = "gatewayRoute"
    public static let keys = ["header", "canaryReplicas", "smokeTest", "approvalDelay", "maxSurge", "maxUnavailable"]
    public static let whyNoSteps =
        "only header traffic reaches the canary copy, then a rolling update moves production"

    public static func decode(_ fields: inout StrategyFields) -> GatewayRouteSpec {
        let header = fields.headerMatch("header", required: true)
        let canaryReplicas = fields.replicaCount("canaryReplicas")
        let smokeTest = fields.smokeTest("smokeTest")
        let approvalDelay = fields.duration("approvalDelay") ?? .zero
        let (surge, unavailable) = fields.rollingBudget()
        return GatewayRouteSpec(
            header: header ?? HeaderMatch(name: ""), canaryReplicas: canaryReplicas ?? 1, smokeTest: smokeTest,
            approvalDelay: approvalDelay, maxSurge: surge, maxUnavailable: unavailable)
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        GranularityPlan(minShare: 1)
    }

    /// The application-gateway pattern: the candidate runs as a `-canary` copy that the gateway
    /// reaches only for requests with the routing header, which it strips from external
    /// requests, so only the smoke test reaches the copy. On a passing smoke test (and after
    /// `approvalDelay`, the manual trigger) the stable Deployment's image is updated — a
    /// rolling update — and the copy is scaled to 0.
    ///
    /// Production monitoring (the analysis) watches until the rolling update completes (and
    /// an explicit watchdog after it) and rolls the Deployment back on failure.
    public struct Strategy: RollingBackStrategy {
        /// The strategy's timers.
        public enum Timer: RollbackTimer {
            /// The manual trigger after `approvalDelay`.
            case promotionDue
            case rollbackScaleDown
        }

        let spec: GatewayRouteSpec
        let replicas: Int
        /// `promoting` while the production rolling update runs.
        private var phase = ReleasePhase.stepping
        var rollback: Rollback?
        private var stable = 0
        private var copy = 0
        private var updated = 0
        private var smokeTestStarted = false
        private var deployment: RollingDeployment?

        init(spec: GatewayRouteSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            stable = release.addReplicaSet(named: "app", version: .stable)
            copy = release.addReplicaSet(named: "app-canary", version: .candidate)
            updated = release.addReplicaSet(named: "app-next", version: .candidate)
            release.addRunningPods(replicas, to: stable)
            release.selectForService([stable, updated])
            release.record(.started(.gatewayCopy(header: spec.header.name, stablePods: replicas)))
            release.scale(copy, to: spec.canaryReplicas)
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) { return }
            switch event {
            case .podReady, .podGone:
                switch phase {
                case .stepping:
                    guard !smokeTestStarted, release.readyPods(in: copy) >= spec.canaryReplicas else { return }
                    smokeTestStarted = true
                    if let smoke = spec.smokeTest {
                        release.startSmokeTest(smoke, through: .gatewayHeader(spec.header.name))
                    } else {
                        requestApproval(&release)
                    }
                case .promoting:
                    guard let deployment else { return }
                    deployment.sync(in: &release)
                    if deployment.isComplete(in: release) {
                        release.candidateTookFullTraffic()
                        phase = .finished
                        release.finish()
                    }
                case .promoted, .finished, .stopped:
                    break
                }
            case .smokeTestFinished(let passed):
                if passed {
                    requestApproval(&release)
                } else {
                    stop(.smokeTestFailed, &release)
                }
            case .timer(.promotionDue):
                guard phase == .stepping else { return }
                phase = .promoting
                release.record(.promotion(.imageUpdated))
                // Production monitoring watches production; the copy gets none of its traffic.
                release.startAnalysis()
                release.scale(copy, to: 0)
                let rolling = RollingDeployment(
                    replicas: replicas, parameters: spec.rollingUpdate, newSet: updated, oldSets: [stable])
                deployment = rolling
                rolling.sync(in: &release)
            case .backgroundAnalysisEnded(let purpose, let phase) where phase == .failed || phase == .error:
                stop(.analysis(purpose, phase), &release)
            case .timer, .backgroundAnalysisEnded, .analysisFinished:
                break
            }
        }

        private func requestApproval(_ release: inout ReleaseControl<Timer>) {
            if spec.approvalDelay > .zero {
                release.record(.awaitingApproval(spec.approvalDelay))
            }
            release.schedule(.promotionDue, after: spec.approvalDelay.nanoseconds)
        }

        private mutating func stop(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .stepping:
                phase = .stopped
                release.abort(AbortReason(cause, cause == .smokeTestFailed ? .scaleCopyDownUntouched : .scaleCopyDown))
                rollback = Rollback(.drain(candidate: copy, delay: nil, finish: .whenPodsGone), &release)
            case .promoting, .promoted, .finished:
                phase = .stopped
                release.abort(AbortReason(cause, .undoDuringOrAfterPromotion))
                let rolling = RollingDeployment(
                    replicas: replicas, parameters: spec.rollingUpdate, newSet: stable, oldSets: [updated])
                rollback = Rollback(.rollingUpdate(rolling), &release)
            case .stopped:
                break
            }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `gateway-route`.
    public static func gatewayRoute(_ spec: GatewayRouteSpec) -> StrategyKind { StrategyKind(spec) }
}
