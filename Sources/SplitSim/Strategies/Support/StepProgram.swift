/// The timers of a strategy that goes through a ``StepProgram``.
protocol StepTimer: Sendable {
    /// The timer that ends `pause` step `step`.
    static func pauseOver(step: Int) -> Self
    /// The step whose pause this timer ends, or nil for the strategy's other timers.
    var pausedStep: Int? { get }
}

/// The step list of a canary strategy and how far the release has got through it.
///
/// Weight and replica steps wait until the strategy's target took effect; `pause` steps
/// wait for a timer; `analysis` steps take their measurements before the release goes on.
struct StepProgram {
    /// What the strategy must do next.
    enum Action {
        /// Apply this weight or replica step and call ``StepProgram/advance(targetReached:_:)`` when it took effect.
        case applyTarget(Step, index: Int)
        /// Wait for a timer or a verdict that is already under way.
        case wait
        /// Every step is done: promote.
        case promote
    }

    /// What an event meant for the program.
    enum Outcome: Equatable {
        /// The step is over: call ``StepProgram/advance(targetReached:_:)``.
        case proceed
        /// The event is not the program's, or the step goes on.
        case wait
        /// An `analysis` step failed or erred: abort.
        case failed(AnalysisRun.Phase)
        /// An `analysis` step was inconclusive: pause for a person.
        case inconclusive
    }

    let steps: [Step]
    /// The step in progress, -1 before the first.
    private(set) var index = -1
    /// True while a weight or replica step waits for its target.
    private(set) var waitingForTarget = false
    /// True while a `pause` or `analysis` step waits for its timer or verdict; pod events
    /// must not move the program on.
    private var waitingForTimer = false

    /// True once the release paused: the program never moves on again.
    private var halted = false

    init(steps: [Step]) {
        self.steps = steps
    }

    /// Stops the program where it is, for good.
    mutating func halt() {
        halted = true
    }

    /// Moves past finished steps and says what to do next. `targetReached` tells whether the
    /// current weight or replica step's target took effect.
    mutating func advance<Timer: StepTimer>(targetReached: Bool, _ release: inout ReleaseControl<Timer>) -> Action {
        if waitingForTimer || halted { return .wait }
        if waitingForTarget {
            guard targetReached else { return .wait }
            waitingForTarget = false
            release.beginStep(index)
        }
        index += 1
        guard index < steps.count else {
            release.endSteps()
            return .promote
        }
        switch steps[index] {
        case .setWeight, .setReplicas, .setCanaryScale, .setHeaderRoute, .setMirrorRoute:
            // Traffic while the next target is being reached belongs to no step.
            release.endSteps()
            waitingForTarget = true
            return .applyTarget(steps[index], index: index)
        case .pause(let duration):
            release.record(.stepPause(step: index, duration: duration))
            release.schedule(.pauseOver(step: index), after: duration.nanoseconds)
            waitingForTimer = true
            return .wait
        case .analysis(let count):
            guard release.runAnalysis(.step(index), count: count) else {
                return advance(targetReached: true, &release)
            }
            waitingForTimer = true
            return .wait
        }
    }

    /// Handles the end of a `pause` or of an `analysis` step.
    mutating func handle<Timer: StepTimer>(_ event: ReleaseEvent<Timer>) -> Outcome {
        guard waitingForTimer else { return .wait }
        switch event {
        case .timer(let timer) where timer.pausedStep == index:
            waitingForTimer = false
            return .proceed
        case .analysisFinished(let phase):
            waitingForTimer = false
            switch phase {
            case .successful, .running: return .proceed
            case .failed, .error: return .failed(phase)
            case .inconclusive: return .inconclusive
            }
        case .timer, .podReady, .podGone, .backgroundAnalysisEnded, .smokeTestFinished:
            return .wait
        }
    }
}
