/// A full preview environment; the active Service switches all traffic at once.
public struct BlueGreenSpec: Hashable, Sendable {
    /// The default delay before the old (blue) pods go after the switch.
    public static let defaultScaleDownDelay = SimDuration(nanoseconds: 30_000_000_000)

    /// Pods of the preview (green) environment.
    public var previewReplicas: Int
    /// Synthetic checks against the preview before the switch.
    public var smokeTest: SmokeTestSpec?
    /// Time from the preview being ready (and smoke-tested) to the switch; nil switches at once.
    public var autoPromotion: SimDuration?
    /// Delay before the old pods are scaled down after the switch (and after a successful
    /// post-promotion analysis).
    public var scaleDownDelay: SimDuration
    /// Measurements of the analysis run against the preview before the switch; nil: none.
    public var prePromotionAnalysis: Int?
    /// Measurements of the analysis run after the switch while blue stays; nil: none.
    public var postPromotionAnalysis: Int?

    /// Creates a blue-green specification.
    public init(
        previewReplicas: Int,
        smokeTest: SmokeTestSpec? = nil,
        autoPromotion: SimDuration? = nil,
        scaleDownDelay: SimDuration = BlueGreenSpec.defaultScaleDownDelay,
        prePromotionAnalysis: Int? = nil,
        postPromotionAnalysis: Int? = nil
    ) {
        self.previewReplicas = previewReplicas
        self.smokeTest = smokeTest
        self.autoPromotion = autoPromotion
        self.scaleDownDelay = scaleDownDelay
        self.prePromotionAnalysis = prePromotionAnalysis
        self.postPromotionAnalysis = postPromotionAnalysis
    }
}

extension BlueGreenSpec: StrategyKindSpec {
    public static let kindName = "blue-green"
    public static let schemaDefinition = "blueGreen"
    public static let keys = [
        "previewReplicas", "smokeTest", "autoPromotion", "scaleDownDelay", "prePromotionAnalysis",
        "postPromotionAnalysis",
    ]
    public static let whyNoSteps = "it switches all traffic at once"

    public static func decode(_ fields: inout StrategyFields) -> BlueGreenSpec {
        let previewReplicas = fields.replicaCount("previewReplicas")
        return BlueGreenSpec(
            previewReplicas: previewReplicas ?? fields.replicas ?? 1,
            smokeTest: fields.smokeTest("smokeTest"),
            autoPromotion: fields.duration("autoPromotion"),
            scaleDownDelay: fields.duration("scaleDownDelay") ?? BlueGreenSpec.defaultScaleDownDelay,
            prePromotionAnalysis: fields.blockingAnalysis("prePromotionAnalysis"),
            postPromotionAnalysis: fields.blockingAnalysis("postPromotionAnalysis"))
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        GranularityPlan(minShare: 1)
    }

    /// Argo's blue-green has no background analysis: only pre- and post-promotion runs measure.
    public var runsAnalysis: Bool { prePromotionAnalysis != nil || postPromotionAnalysis != nil }

    /// Blue-green: a full preview ReplicaSet beside the active one; the active Service switches
    /// at once, and the old ReplicaSet stays for `scaleDownDelay` so a rollback is instant.
    ///
    /// Follows Argo Rollouts' blue-green: once the preview is fully available, the smoke test
    /// and the pre-promotion analysis run against it; `autoPromotion` counts from the analysis'
    /// success; the switch waits for all three. Post-promotion analysis runs after the switch while blue
    /// stays; its failure switches back, its success lets blue go `scaleDownDelay` later. There
    /// is no background analysis: nothing else watches production.
    public struct Strategy: RollingBackStrategy {
        /// The strategy's timers.
        public enum Timer: RollbackTimer {
            /// `autoPromotion` after the preview was fully available.
            case promotionDue
            /// Blue goes, `scaleDownDelay` after the switch or the post-promotion analysis.
            case blueScaleDown
            case rollbackScaleDown
        }

        let spec: BlueGreenSpec
        let replicas: Int
        private var phase = ReleasePhase.stepping
        var rollback: Rollback?
        private var blue = 0
        private var green = 0
        private var previewReady = false
        private var smokePassed = false
        private var prePromotionPassed = false
        private var promotionDue = false
        private var paused = false

        init(spec: BlueGreenSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            blue = release.addReplicaSet(named: "blue", version: .stable)
            green = release.addReplicaSet(named: "green", version: .candidate)
            release.addRunningPods(replicas, to: blue)
            release.selectForService([blue])
            release.record(.started(.blueGreen(activePods: replicas, previewPods: spec.previewReplicas)))
            release.scale(green, to: spec.previewReplicas)
            smokePassed = spec.smokeTest == nil
            prePromotionPassed = spec.prePromotionAnalysis == nil
            promotionDue = spec.autoPromotion == nil
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) || paused { return }
            switch event {
            case .podReady, .podGone:
                switch phase {
                case .stepping:
                    if !previewReady && release.readyPods(in: green) >= spec.previewReplicas {
                        previewAvailable(&release)
                    }
                    switchWhenReady(&release)
                case .promoted:
                    if release.cluster.replicaSets[blue].existing == 0 && release.cluster.replicaSets[blue].spec == 0 {
                        phase = .finished
                        release.finish()
                    }
                case .promoting, .finished, .stopped:
                    break
                }
            case .smokeTestFinished(let passed):
                if passed {
                    smokePassed = true
                    switchWhenReady(&release)
                } else {
                    stop(.smokeTestFailed, &release)
                }
            case .analysisFinished(let result):
                let purpose: AnalysisPurpose = phase == .stepping ? .prePromotion : .postPromotion
                switch result {
                case .successful, .running:
                    if purpose == .prePromotion {
                        prePromotionPassed = true
                        startPromotionCountdown(&release)
                        switchWhenReady(&release)
                    } else {
                        release.schedule(.blueScaleDown, after: spec.scaleDownDelay.nanoseconds)
                    }
                case .failed, .error:
                    stop(.analysis(purpose, result), &release)
                case .inconclusive:
                    paused = true
                    release.pause(purpose)
                }
            case .timer(.promotionDue):
                promotionDue = true
                switchWhenReady(&release)
            case .timer(.blueScaleDown):
                if phase.isPromoted { release.scale(blue, to: 0) }
            case .backgroundAnalysisEnded(let purpose, let result) where result == .failed || result == .error:
                stop(.analysis(purpose, result), &release)
            case .timer, .backgroundAnalysisEnded:
                break
            }
        }

        /// The preview is fully available: the checks against it start, and so does the
        /// `autoPromotion` countdown.
        private mutating func previewAvailable(_ release: inout ReleaseControl<Timer>) {
            previewReady = true
            release.record(.previewReady)
            if let smoke = spec.smokeTest {
                release.startSmokeTest(smoke, through: .previewService)
            }
            if let count = spec.prePromotionAnalysis {
                prePromotionPassed = !release.runAnalysis(.prePromotion, count: count)
            }
            if prePromotionPassed { startPromotionCountdown(&release) }
        }

        /// Argo counts `autoPromotionSeconds` from the BlueGreenPause, which it adds once the
        /// preview is fully available and the pre-promotion analysis succeeded (rollout/bluegreen.go,
        /// `reconcileBlueGreenPause`).
        private mutating func startPromotionCountdown(_ release: inout ReleaseControl<Timer>) {
            if let delay = spec.autoPromotion {
                release.schedule(.promotionDue, after: delay.nanoseconds)
            }
        }

        private mutating func switchWhenReady(_ release: inout ReleaseControl<Timer>) {
            guard phase == .stepping, previewReady, smokePassed, prePromotionPassed, promotionDue else { return }
            if release.cluster.replicaSets[green].spec < replicas {
                release.record(.promotion(.previewScaledToFull))
                release.scale(green, to: replicas)
            }
            guard release.readyPods(in: green) >= replicas else { return }
            phase = .promoted
            // A preview larger than the service shrinks to size once it is active, as Argo does.
            if release.cluster.replicaSets[green].spec > replicas { release.scale(green, to: replicas) }
            release.selectForService([green])
            release.record(.serviceSwitched(active: "green", previous: "blue", scaleDownDelay: spec.scaleDownDelay))
            release.candidateTookFullTraffic()
            if let count = spec.postPromotionAnalysis, release.runAnalysis(.postPromotion, count: count) {
                return
            }
            release.schedule(.blueScaleDown, after: spec.scaleDownDelay.nanoseconds)
        }

        private mutating func stop(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .stepping, .promoting:
                phase = .stopped
                release.abort(
                    AbortReason(cause, cause == .smokeTestFailed ? .scalePreviewDownBlueStays : .scalePreviewDown))
                rollback = Rollback(.drain(candidate: green, delay: nil, finish: .whenPodsGone), &release)
            case .promoted, .finished:
                phase = .stopped
                release.abort(AbortReason(cause, .switchBack))
                rollback = Rollback(
                    .restore(
                        stable: blue, cut: .switchService(to: blue, named: "blue"), candidate: green,
                        delay: spec.scaleDownDelay.nanoseconds, finish: .whenPodsGone),
                    &release)
            case .stopped:
                break
            }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `blue-green`.
    public static func blueGreen(_ spec: BlueGreenSpec) -> StrategyKind { StrategyKind(spec) }
}
