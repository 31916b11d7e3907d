/// The step list of a canary strategy and how far the release has got through it.
///
/// Weight and replica steps wait until the strategy's target took effect; `pause` steps
/// wait for a timer; `analysis` steps take their measurements before the release goes on.
struct StepProgram {
    /// What the strategy must do next.
    enum Action {
        /// Apply this weight or replica step and call ``StepProgram/advance(targetReached:)`` when it took effect.
        case applyTarget(Step, index: Int)
        /// Wait for a timer that is already set.
        case wait
        /// Every step is done: promote.
        case promote
    }

    let steps: [Step]
    /// The step in progress, -1 before the first.
    private(set) var index = -1
    /// What a timer meant for the program.
    enum TimerOutcome {
        /// The step is over: call ``StepProgram/advance(targetReached:in:)``.
        case proceed
        /// The step goes on (an `analysis` step with measurements left), or the timer is not the program's.
        case wait
        /// An `analysis` step failed: abort.
        case failed
    }

    /// True while a weight or replica step waits for its target.
    private(set) var waitingForTarget = false
    /// True while a `pause` or `analysis` step waits for its timer; pod events must not
    /// move the program on.
    private var waitingForTimer = false
    private var measurement: (monitor: AnalysisMonitor, remaining: Int)?

    init(steps: [Step]) {
        self.steps = steps
    }

    /// Moves past finished steps and says what to do next. `targetReached` tells whether the
    /// current weight or replica step's target took effect.
    mutating func advance(targetReached: Bool, in engine: inout Engine) -> Action {
        if waitingForTimer { return .wait }
        if waitingForTarget {
            guard targetReached else { return .wait }
            waitingForTarget = false
            engine.beginStep(index)
        }
        index += 1
        guard index < steps.count else {
            engine.endSteps()
            return .promote
        }
        switch steps[index] {
        case .setWeight, .setReplicas:
            // Traffic while the next target is being reached belongs to no step.
            engine.endSteps()
            waitingForTarget = true
            return .applyTarget(steps[index], index: index)
        case .pause(let duration):
            engine.note("step", "step \(index + 1): pause \(duration)")
            engine.schedule(.pauseOver(step: index), after: duration.nanoseconds)
            waitingForTimer = true
            return .wait
        case .analysis(let count):
            guard let monitor = engine.analysisTemplate else {
                engine.note("step", "step \(index + 1): analysis skipped, the strategy has no analysis")
                return advance(targetReached: true, in: &engine)
            }
            var started = monitor
            started.startWindow(
                requests: engine.metrics.candidateRequests, failures: engine.metrics.failedCandidateRequests)
            measurement = (started, count)
            engine.note(
                "step",
                "step \(index + 1): analysis, \(count) measurements every \(SimDuration(nanoseconds: monitor.interval))"
            )
            engine.schedule(.stepMeasurement(step: index), after: monitor.interval)
            waitingForTimer = true
            return .wait
        }
    }

    /// Handles a timer: the end of a `pause`, or an `analysis` step's measurement.
    mutating func timerFired(_ timer: StrategyTimer, in engine: inout Engine) -> TimerOutcome {
        switch timer {
        case .pauseOver(let step) where step == index && waitingForTimer:
            waitingForTimer = false
            return .proceed
        case .stepMeasurement(let step) where step == index && waitingForTimer:
            let result = measure(in: &engine)
            if result.failed {
                engine.recordDetection()
                return .failed
            }
            guard result.done else { return .wait }
            waitingForTimer = false
            return .proceed
        default:
            return .wait
        }
    }

    /// Takes an `analysis` step's measurement and schedules the next one if any are left.
    private mutating func measure(in engine: inout Engine) -> (failed: Bool, done: Bool) {
        guard var current = measurement else { return (false, true) }
        let verdict = current.monitor.measure(
            requests: engine.metrics.candidateRequests,
            failures: engine.metrics.failedCandidateRequests)
        current.remaining -= 1
        measurement = current
        engine.note("analysis", "step \(index + 1) analysis: \(verdict)")
        if current.monitor.hasFailed { return (true, true) }
        if current.remaining <= 0 { return (false, true) }
        engine.schedule(.stepMeasurement(step: index), after: current.monitor.interval)
        return (false, false)
    }
}
