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
    /// Delay before the old pods are scaled down after the switch.
    public var scaleDownDelay: SimDuration

    /// Creates a blue-green specification.
    public init(
        previewReplicas: Int,
        smokeTest: SmokeTestSpec? = nil,
        autoPromotion: SimDuration? = nil,
        scaleDownDelay: SimDuration = BlueGreenSpec.defaultScaleDownDelay
    ) {
        self.previewReplicas = previewReplicas
        self.smokeTest = smokeTest
        self.autoPromotion = autoPromotion
        self.scaleDownDelay = scaleDownDelay
    }
}

extension BlueGreenSpec: StrategyKindSpec {
    public static let kindName = "blue-green"
    public static let schemaDefinition = "blueGreen"
    public static let keys = ["previewReplicas", "smokeTest", "autoPromotion", "scaleDownDelay"]
    public static let whyNoSteps = "it switches all traffic at once"

    public static func decode(_ fields: inout StrategyFields) -> BlueGreenSpec {
        let previewReplicas = fields.replicaCount("previewReplicas")
        return BlueGreenSpec(
            previewReplicas: previewReplicas ?? fields.replicas ?? 1,
            smokeTest: fields.smokeTest("smokeTest"),
            autoPromotion: fields.duration("autoPromotion"),
            scaleDownDelay: fields.duration("scaleDownDelay") ?? BlueGreenSpec.defaultScaleDownDelay)
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        GranularityPlan(minShare: 1)
    }

    /// Blue-green: a full preview ReplicaSet beside the active one; the active Service switches
    /// at once, and the old ReplicaSet stays for `scaleDownDelay` so a rollback is instant.
    ///
    /// Follows Argo Rollouts' blue-green: the preview is scaled to full size before the switch,
    /// promotion happens after `autoPromotion` (or as soon as the preview is ready and the smoke
    /// test passed), and open connections to the old pods last until those pods are gone.
    public struct Strategy: RollingBackStrategy {
        /// The strategy's timers.
        public enum Timer: RollbackTimer {
            /// `autoPromotion` after the preview was ready.
            case promotionDue
            /// Blue goes, `scaleDownDelay` after the switch.
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
        private var promotionDue = false

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
            release.startAnalysis()
            smokePassed = spec.smokeTest == nil
            promotionDue = spec.autoPromotion == nil
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) { return }
            switch event {
            case .podReady, .podGone:
                switch phase {
                case .stepping:
                    if !previewReady && release.readyPods(in: green) >= spec.previewReplicas {
                        previewReady = true
                        release.record(.previewReady)
                        if let smoke = spec.smokeTest {
                            release.startSmokeTest(smoke, through: .previewService)
                        }
                        if let delay = spec.autoPromotion {
                            release.schedule(.promotionDue, after: delay.nanoseconds)
                        }
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
            case .timer(.promotionDue):
                promotionDue = true
                switchWhenReady(&release)
            case .timer(.blueScaleDown):
                if phase.isPromoted { release.scale(blue, to: 0) }
            case .analysisFailed:
                stop(.analysisFailed, &release)
            case .timer, .analysisStepFinished:
                break
            }
        }

        private mutating func switchWhenReady(_ release: inout ReleaseControl<Timer>) {
            guard phase == .stepping, previewReady, smokePassed, promotionDue else { return }
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
