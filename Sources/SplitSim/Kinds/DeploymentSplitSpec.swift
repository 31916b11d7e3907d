/// A second Deployment whose pods match the stable Service's selector, so kube-proxy splits
/// connections by pod count.
public struct DeploymentSplitSpec: Hashable, Sendable {
    /// The rollout steps: `setReplicas` (candidate pods), `setWeight` (mapped to the nearest
    /// pod ratio), `pause`, `analysis`.
    public var steps: [Step]
    /// Surge of the rolling update that finally replaces the stable pods.
    public var maxSurge: IntOrPercent
    /// Unavailability budget of that rolling update.
    public var maxUnavailable: IntOrPercent

    /// Creates a deployment-split specification.
    public init(steps: [Step], maxSurge: IntOrPercent = .percent(25), maxUnavailable: IntOrPercent = .percent(25)) {
        self.steps = steps
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}

extension DeploymentSplitSpec: StrategyKindSpec, RollingUpdateBudget {
    public static let kindName = "deployment-split"
    public static let schemaDefinition = "deploymentSplit"
    public static let keys = ["steps", "maxSurge", "maxUnavailable"]
    public static let stepKeys = ["setReplicas", "setWeight", "pause", "analysis"]

    public static func decode(_ fields: inout StrategyFields) -> DeploymentSplitSpec {
        let (surge, unavailable) = fields.rollingBudget()
        return DeploymentSplitSpec(steps: fields.steps(), maxSurge: surge, maxUnavailable: unavailable)
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    /// The canary pods that come closest to `weight` percent beside `replicas` stable pods.
    static func canaryPods(forWeight weight: Int, replicas: Int) -> Int {
        guard weight > 0 else { return 0 }
        guard weight < 100 else { return replicas }
        return max(1, Int((Double(weight) * Double(replicas) / Double(100 - weight)).rounded()))
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        let steps = steps.compactMap { step -> GranularityPlan.PlannedStep? in
            switch step {
            case .setReplicas(let count):
                let share = Double(count) / Double(count + replicas)
                return .init(label: "setReplicas \(count)", requested: share, effective: share)
            case .setWeight(let weight):
                let count = Self.canaryPods(forWeight: weight, replicas: replicas)
                return .init(
                    label: "setWeight \(weight)", requested: Double(weight) / 100,
                    effective: Double(count) / Double(count + replicas))
            case .pause, .analysis, .setCanaryScale, .setHeaderRoute, .setMirrorRoute:
                return nil
            }
        }
        return GranularityPlan(minShare: 1 / Double(replicas + 1), steps: steps)
    }

    public func warnings(in scenario: Scenario, plan: GranularityPlan) -> [StrategyWarning] {
        plan.roundedSteps.map { index, step in
            .podRatioRounded(
                step: index, requested: step.requested, effective: step.effective,
                stablePods: scenario.cluster.replicas)
        }
    }

    /// A second Deployment whose pods carry the labels the existing Service selects: the split
    /// is the ratio of ready pods, decided by kube-proxy once per connection.
    ///
    /// Promotion scales the new Deployment to R and then deletes the old one; an abort before
    /// that deletes the canary Deployment, and a rollback after it rolls the Deployment back to
    /// the old version by the rolling-update rules.
    public struct Strategy: SteppedStrategy, RollingBackStrategy {
        public typealias Timer = CanaryTimer

        let spec: DeploymentSplitSpec
        let replicas: Int
        var program: StepProgram
        private var phase = ReleasePhase.stepping
        var rollback: Rollback?
        private var stable = 0
        private var canary = 0
        private var canaryTarget = 0

        init(spec: DeploymentSplitSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
            program = StepProgram(steps: spec.steps)
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            stable = release.addReplicaSet(named: "app", version: .stable)
            canary = release.addReplicaSet(named: "app-canary", version: .candidate)
            release.addRunningPods(replicas, to: stable)
            release.selectForService([stable, canary])
            release.record(.started(.secondDeployment(stablePods: replicas)))
            proceed(&release)
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) || handleStepEvent(event, &release) { return }
            switch event {
            case .podReady, .podGone:
                proceed(&release)
            case .timer, .backgroundAnalysisEnded, .analysisFinished, .smokeTestFinished:
                break
            }
        }

        mutating func proceed(_ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .stepping:
                let reached = release.readyPods(in: canary) >= canaryTarget
                switch program.advance(targetReached: reached, &release) {
                case .wait:
                    break
                case .applyTarget(let step, let index):
                    switch step {
                    case .setReplicas(let count): canaryTarget = count
                    case .setWeight(let weight):
                        canaryTarget = DeploymentSplitSpec.canaryPods(forWeight: weight, replicas: replicas)
                    case .pause, .analysis, .setCanaryScale, .setHeaderRoute, .setMirrorRoute: break
                    }
                    let share = Double(canaryTarget) / Double(canaryTarget + replicas)
                    release.record(
                        .stepCanaryDeployment(step: index, canaryPods: canaryTarget, stablePods: replicas, share: share)
                    )
                    release.startAnalysis()
                    release.scale(canary, to: canaryTarget)
                    proceed(&release)
                case .promote:
                    phase = .promoting
                    release.record(.promotion(.newDeploymentScaled(replicas: replicas)))
                    release.scale(canary, to: replicas)
                    proceed(&release)
                }
            case .promoting:
                guard release.readyPods(in: canary) >= replicas else { return }
                phase = .promoted
                release.endSteps()
                release.record(.promotion(.oldDeploymentDeleted))
                release.scale(stable, to: 0)
                release.candidateTookFullTraffic()
                proceed(&release)
            case .promoted:
                if release.cluster.replicaSets[stable].existing == 0 {
                    phase = .finished
                    release.finish()
                }
            case .finished, .stopped:
                break
            }
        }

        mutating func abort(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            release.endSteps()
            switch phase {
            case .stepping, .promoting:
                phase = .stopped
                release.abort(AbortReason(cause, .deleteCanaryDeployment))
                rollback = Rollback(.drain(candidate: canary, delay: nil, finish: .whenPodsGone), &release)
            case .promoted, .finished:
                phase = .stopped
                release.abort(AbortReason(cause, .rollDeploymentBack))
                let deployment = RollingDeployment(
                    replicas: replicas, parameters: spec.rollingUpdate, newSet: stable, oldSets: [canary])
                rollback = Rollback(.rollingUpdate(deployment), &release)
            case .stopped:
                break
            }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `deployment-split`.
    public static func deploymentSplit(_ spec: DeploymentSplitSpec) -> StrategyKind { StrategyKind(spec) }
}
