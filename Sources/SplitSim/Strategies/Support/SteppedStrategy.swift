/// A strategy that goes through a ``StepProgram``: service-split, deployment-split and
/// replicaset-split share how step timers and verdicts move them on.
protocol SteppedStrategy: RolloutStrategy where Timer: StepTimer {
    /// The step list and the release's place in it.
    var program: StepProgram { get set }
    /// Moves the release on as far as the cluster allows.
    mutating func proceed(_ release: inout ReleaseControl<Timer>)
    /// Stops the release before promotion, or rolls it back after.
    mutating func abort(_ cause: AbortCause, _ release: inout ReleaseControl<Timer>)
}

extension SteppedStrategy {
    /// Pauses the release for a person: the step program stops where it is, and the traffic
    /// stays as it is, as an Argo Rollout paused by an inconclusive AnalysisRun.
    mutating func pause(_ purpose: AnalysisPurpose, _ release: inout ReleaseControl<Timer>) {
        program.halt()
        release.pause(purpose)
    }
}

extension SteppedStrategy {
    /// Lets the step program handle a pause timer or a verdict; returns true when the event
    /// was one of those and nothing else needs to see it.
    mutating func handleStepEvent(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) -> Bool {
        switch event {
        case .backgroundAnalysisEnded(let purpose, let phase):
            switch phase {
            case .failed, .error: abort(.analysis(purpose, phase), &release)
            case .inconclusive where purpose == .background: pause(purpose, &release)
            case .inconclusive, .successful, .running: break
            }
            return true
        case .timer(let timer) where timer.pausedStep != nil:
            if program.handle(event) == .proceed { proceed(&release) }
            return true
        case .analysisFinished:
            let step = program.index
            switch program.handle(event) {
            case .proceed: proceed(&release)
            case .failed(let phase): abort(.analysis(.step(step), phase), &release)
            case .inconclusive: pause(.step(step), &release)
            case .wait: break
            }
            return true
        case .timer, .podReady, .podGone, .smokeTestFinished:
            return false
        }
    }
}
