/// A plain Deployment rolling update, the baseline with no pause and no split control.
public struct RollingUpdateSpec: Hashable, Sendable {
    /// Pods allowed above the desired count.
    public var maxSurge: IntOrPercent
    /// Pods allowed below the desired count.
    public var maxUnavailable: IntOrPercent

    /// Creates a rolling-update specification (Kubernetes' defaults 25 % / 25 %).
    public init(maxSurge: IntOrPercent = .percent(25), maxUnavailable: IntOrPercent = .percent(25)) {
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
    }
}

extension RollingUpdateSpec: StrategyKindSpec, RollingUpdateBudget {
    public static let kindName = "rolling-update"
    public static let schemaDefinition = "rollingUpdate"
    public static let keys = ["maxSurge", "maxUnavailable"]
    public static let whyNoSteps = "it replaces pods without pausing"

    public static func decode(_ fields: inout StrategyFields) -> RollingUpdateSpec {
        let (surge, unavailable) = fields.rollingBudget()
        return RollingUpdateSpec(maxSurge: surge, maxUnavailable: unavailable)
    }

    public func makeStrategy(replicas: Int) -> Strategy {
        Strategy(spec: self, replicas: replicas)
    }

    public func granularity(replicas: Int) -> GranularityPlan {
        GranularityPlan(minShare: 1 / Double(max(replicas, 1)))
    }

    /// A plain Deployment rolling update, the baseline: no pause, no steps; the release runs to
    /// 100 % as fast as pods become ready. A failed analysis undoes it by the same rules.
    public struct Strategy: RollingBackStrategy {
        /// The strategy's timers.
        public enum Timer: RollbackTimer {
            case rollbackScaleDown
        }

        let spec: RollingUpdateSpec
        let replicas: Int
        private var old = 0
        private var new = 0
        private var deployment: RollingDeployment?
        var rollback: Rollback?
        private var done = false

        init(spec: RollingUpdateSpec, replicas: Int) {
            self.spec = spec
            self.replicas = replicas
        }

        public mutating func begin(_ release: inout ReleaseControl<Timer>) {
            old = release.addReplicaSet(named: "app-old", version: .stable)
            new = release.addReplicaSet(named: "app-new", version: .candidate)
            release.addRunningPods(replicas, to: old)
            release.selectForService([old, new])
            let limits = spec.rollingUpdate.limits(forReplicas: replicas)
            release.record(
                .started(
                    .rollingUpdate(pods: replicas, maxSurge: limits.maxSurge, maxUnavailable: limits.maxUnavailable)))
            release.startAnalysis()
            let rolling = RollingDeployment(
                replicas: replicas, parameters: spec.rollingUpdate, newSet: new, oldSets: [old])
            deployment = rolling
            rolling.sync(in: &release)
        }

        public mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            if rollBack(event, &release) { return }
            switch event {
            case .podReady, .podGone:
                guard !done, let deployment else { return }
                deployment.sync(in: &release)
                if deployment.isComplete(in: release) {
                    done = true
                    release.candidateTookFullTraffic()
                    release.finish()
                }
            case .backgroundAnalysisEnded(let purpose, let phase) where phase == .failed || phase == .error:
                // A monitor outside the Deployment runs `rollout undo`; an inconclusive one does nothing.
                release.abort(AbortReason(.analysis(purpose, phase), .undo))
                let rolling = RollingDeployment(
                    replicas: replicas, parameters: spec.rollingUpdate, newSet: old, oldSets: [new])
                rollback = Rollback(.rollingUpdate(rolling), &release)
            case .timer, .backgroundAnalysisEnded, .analysisFinished, .smokeTestFinished:
                break
            }
        }
    }
}

extension StrategyKind {
    /// A strategy of kind `rolling-update`.
    public static func rollingUpdate(_ spec: RollingUpdateSpec) -> StrategyKind { StrategyKind(spec) }
}
