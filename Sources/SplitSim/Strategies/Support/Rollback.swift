import SplitRouter

/// The timers of a strategy that can roll back.
protocol RollbackTimer: Sendable, Equatable {
    /// The delayed scale-down of the candidate after a stopped release.
    static var rollbackScaleDown: Self { get }
}

extension RollbackTimer {
    /// Whether this is the rollback's scale-down.
    var isRollbackScaleDown: Bool { self == .rollbackScaleDown }
}

/// How a stopped release gets production back on stable and the candidate away: the one
/// rollback state machine every kind shares.
///
/// A strategy picks a plan when it aborts and then hands every pod event and timer to
/// ``handle(_:_:)`` until it reports the release finished.
struct Rollback {
    /// How production goes back to stable when stable is ready again.
    enum Cut {
        /// The L7 weight goes to 0.
        case clearWeight
        /// The active Service selects this ReplicaSet again.
        case switchService(to: Int, named: String)
    }

    /// When a drained release counts as finished.
    enum Finish {
        /// When the candidate is scaled to 0 (Argo's routed canary: the abort is complete
        /// once the canary ReplicaSet is scaled down).
        case whenScaledDown
        /// When the candidate's last pod is gone.
        case whenPodsGone
    }

    /// The ways back.
    enum Plan {
        /// Production is already off the candidate: scale it to 0 after `delay` (a timer, even
        /// of 0), or at once when nil.
        case drain(candidate: Int, delay: Int64?, finish: Finish)
        /// Roll a Deployment back to the stable ReplicaSet by the rolling-update rules.
        case rollingUpdate(RollingDeployment)
        /// Bring `stable` back to full size, then cut traffic over and drain the candidate
        /// after `delay`.
        case restore(stable: Int, cut: Cut, candidate: Int, delay: Int64, finish: Finish)
    }

    private var plan: Plan
    private var drainScheduled = false
    private(set) var isFinished = false

    /// Starts the rollback: scales what the plan scales at once.
    init<Timer: RollbackTimer>(_ plan: Plan, _ release: inout ReleaseControl<Timer>) {
        self.plan = plan
        switch plan {
        case .drain(let candidate, let delay, _):
            scheduleDrain(of: candidate, after: delay, &release)
        case .rollingUpdate(let deployment):
            deployment.sync(in: &release)
        case .restore(let stable, _, _, _, _):
            release.scale(stable, to: release.replicas)
            cutOverWhenStableReady(&release)
        }
    }

    /// Moves the rollback on after a pod event or a timer; finishes the release when done.
    mutating func handle<Timer: RollbackTimer>(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
        guard !isFinished else { return }
        switch event {
        case .podReady, .podGone:
            switch plan {
            case .drain(let candidate, _, .whenPodsGone), .restore(_, _, let candidate, _, .whenPodsGone):
                if drainScheduled && release.cluster.replicaSets[candidate].existing == 0
                    && release.cluster.replicaSets[candidate].spec == 0
                {
                    finish(&release)
                }
            case .rollingUpdate(let deployment):
                deployment.sync(in: &release)
                if deployment.isComplete(in: release) { finish(&release) }
            case .drain, .restore:
                break
            }
            if case .restore = plan, !drainScheduled { cutOverWhenStableReady(&release) }
        case .timer(let timer) where timer.isRollbackScaleDown:
            switch plan {
            case .drain(let candidate, _, let finishing), .restore(_, _, let candidate, _, let finishing):
                release.scale(candidate, to: 0)
                if case .whenScaledDown = finishing { finish(&release) }
            case .rollingUpdate:
                break
            }
        case .timer, .backgroundAnalysisEnded, .analysisFinished, .smokeTestFinished:
            break
        }
    }

    private mutating func cutOverWhenStableReady<Timer: RollbackTimer>(_ release: inout ReleaseControl<Timer>) {
        guard case .restore(let stable, let cut, let candidate, let delay, _) = plan,
            release.readyPods(in: stable) >= release.replicas
        else { return }
        switch cut {
        case .clearWeight:
            release.routePerRequest(weight: .init(candidateShare: 0))
            release.record(.weightCleared)
        case .switchService(let set, let name):
            release.selectForService([set])
            release.record(.serviceSwitchedBack(active: name))
        }
        scheduleDrain(of: candidate, after: delay, &release)
    }

    private mutating func scheduleDrain<Timer: RollbackTimer>(
        of candidate: Int, after delay: Int64?, _ release: inout ReleaseControl<Timer>
    ) {
        drainScheduled = true
        if let delay {
            release.schedule(.rollbackScaleDown, after: delay)
        } else {
            release.scale(candidate, to: 0)
        }
    }

    private mutating func finish<Timer>(_ release: inout ReleaseControl<Timer>) {
        isFinished = true
        release.finish()
    }
}

/// A strategy that hands its events to a ``Rollback`` once its release was stopped.
protocol RollingBackStrategy: RolloutStrategy where Timer: RollbackTimer {
    /// The rollback in progress, once the release was stopped.
    var rollback: Rollback? { get set }
}

extension RollingBackStrategy {
    /// Hands `event` to the rollback in progress; returns false when there is none.
    mutating func rollBack(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) -> Bool {
        guard rollback != nil else { return false }
        rollback?.handle(event, &release)
        return true
    }
}
