/// Argo Rollouts' basic canary without a traffic router: ReplicaSets of one rollout are scaled
/// so that the pod ratio approximates each weight.
public struct ReplicaSetSplitSpec: Hashable, Sendable {
    /// The rollout steps: `setWeight`, `pause`, `analysis`.
    public var steps: [Step]
    /// Pods allowed above the desired count while scaling.
    public var maxSurge: IntOrPercent
    /// Pods allowed below the desired count while scaling.
    public var maxUnavailable: IntOrPercent

    /// Creates a replicaset-split specification.
    public init(steps: [Step], maxSurge: IntOrPercent = .percent(25), maxUnavailable: IntOrPercent = .percent(25)) {
        self.steps = steps
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}

extension ReplicaSetSplitSpec: StrategyKindSpec, RollingUpdateBudget {
    public static let kindName = "replicaset-split"
    public static let schemaDefinition = "replicaSetSplit"
    public static let keys = ["steps", "maxSurge", "maxUnavailable"]
    public static let stepKeys = ["setWeight", "pause", "analysis"]

    public static func decode(_ fields: inout StrategyFields) -> ReplicaSetSplitSpec {
        let (surge, unavailable) = fields.rollingBudget()
        return ReplicaSetSplitSpec(steps: fields.steps(), maxSurge: surge, maxUnavailable: unavailable)
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        let surge = maxSurge.resolved(against: replicas, roundingUp: true)
        let steps = steps.compactMap { step -> GranularityPlan.PlannedStep? in
            guard case .setWeight(let weight) = step else { return nil }
            let counts = CanaryReplicaCalculator.approximateWeightedCounts(
                replicas: replicas, weight: weight, maxSurge: surge)
            return .init(label: "setWeight \(weight)", requested: Double(weight) / 100, effective: counts.canaryShare)
        }
        let finest = CanaryReplicaCalculator.finestSplit(replicas: replicas, maxSurge: surge)?.canaryShare ?? 1
        return GranularityPlan(minShare: finest, steps: steps)
    }

    public func warnings(in scenario: Scenario, plan: GranularityPlan) -> [StrategyWarning] {
        plan.roundedSteps.map { index, step in
            .podSplitRounded(
                step: index, requested: step.requested, effective: step.effective, replicas: scenario.cluster.replicas)
        }
    }

    /// Argo Rollouts' basic canary without a traffic router: the controller sizes the stable
    /// and canary ReplicaSets of one Rollout to approximate each `setWeight`, and kube-proxy
    /// splits connections by the ready pods.
    ///
    /// Every pod event runs one reconcile of `CalculateReplicaCountsForBasicCanary`; a step is
    /// done when both sets are at the counts the weight asks for and available. An abort sets
    /// the weight to 0, which the same reconcile turns into growing stable and draining the
    /// canary; a rollback after promotion uses the rolling-update rules.
    public struct Strategy: SteppedStrategy, RollingBackStrategy {
        public typealias Timer = CanaryTimer

        let spec: ReplicaSetSplitSpec
        let replicas: Int
        var program: StepProgram
        private var phase = ReleasePhase.stepping
        var rollback: Rollback?
        private var stable = 0
        private var canary = 0
        private var weight = 0

        init(spec: ReplicaSetSplitSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
            program = StepProgram(steps: spec.steps)
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            stable = release.addReplicaSet(named: "rollout-stable", version: .stable)
            canary = release.addReplicaSet(named: "rollout-canary", version: .candidate)
            release.addRunningPods(replicas, to: stable)
            release.selectForService([stable, canary])
            release.record(
                .started(
                    .basicCanary(stablePods: replicas, maxSurge: spec.maxSurge, maxUnavailable: spec.maxUnavailable)))
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

        /// The counts the controller settles at for the current weight once everything is available.
        private var settledCounts: CanaryReplicaCounts {
            let surge = spec.maxSurge.resolved(against: replicas, roundingUp: true)
            return CanaryReplicaCalculator.approximateWeightedCounts(
                replicas: replicas, weight: weight, maxSurge: surge)
        }

        private func isSettled(_ release: ReleaseControl<Timer>) -> Bool {
            let target = settledCounts
            let sets = release.cluster.replicaSets
            return sets[canary].ready == target.canary && sets[canary].active == target.canary
                && sets[stable].ready == target.stable && sets[stable].active == target.stable
        }

        private func reconcile(_ release: inout ReleaseControl<Timer>) {
            let sets = release.cluster.replicaSets
            let state = CanaryRolloutState(
                replicas: replicas, weight: weight, maxSurge: spec.maxSurge, maxUnavailable: spec.maxUnavailable,
                stable: ReplicaSetState(spec: sets[stable].spec, available: sets[stable].ready),
                canary: ReplicaSetState(spec: sets[canary].spec, available: sets[canary].ready),
                older: [])
            let counts = CanaryReplicaCalculator.basicCanaryCounts(for: state)
            release.scale(canary, to: counts.canary)
            release.scale(stable, to: counts.stable)
        }

        mutating func proceed(_ release: inout ReleaseControl<Timer>) {
            switch phase {
            case .stepping:
                reconcile(&release)
                switch program.advance(targetReached: isSettled(release), &release) {
                case .wait:
                    break
                case .applyTarget(let step, let index):
                    guard case .setWeight(let w) = step else { return }
                    weight = w
                    let target = settledCounts
                    release.record(
                        .stepPodWeight(
                            step: index, weight: w, canaryPods: target.canary, stablePods: target.stable,
                            share: target.canaryShare))
                    release.startAnalysis()
                    proceed(&release)
                case .promote:
                    phase = .promoting
                    weight = 100
                    release.record(.promotion(.fullWeight))
                    proceed(&release)
                }
            case .promoting:
                reconcile(&release)
                guard isSettled(release) else { return }
                phase = .promoted
                release.endSteps()
                release.candidateTookFullTraffic()
                release.finish()
            case .stopped:
                // Weight 0: the controller's own reconcile drains the canary.
                reconcile(&release)
                if isSettled(release) {
                    phase = .finished
                    release.finish()
                }
            case .promoted, .finished:
                break
            }
        }

        mutating func abort(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>) {
            release.endSteps()
            switch phase {
            case .stepping, .promoting:
                phase = .stopped
                weight = 0
                release.abort(AbortReason(cause, .drainThroughController))
                proceed(&release)
            case .promoted:
                phase = .stopped
                release.abort(AbortReason(cause, .rollBackToPreviousReplicaSet))
                let deployment = RollingDeployment(
                    replicas: replicas, parameters: spec.rollingUpdate, newSet: stable, oldSets: [canary])
                rollback = Rollback(.rollingUpdate(deployment), &release)
            case .finished, .stopped:
                break
            }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `replicaset-split`.
    public static func replicaSetSplit(_ spec: ReplicaSetSplitSpec) -> StrategyKind { StrategyKind(spec) }
}
