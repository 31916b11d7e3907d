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
    /// True while a weight or replica step waits for its target.
    private(set) var waitingForTarget = false
    private var measurement: (monitor: AnalysisMonitor, remaining: Int)?

    init(steps: [Step]) {
        self.steps = steps
    }

    /// Moves past finished steps and says what to do next. `targetReached` tells whether the
    /// current weight or replica step's target took effect.
    mutating func advance(targetReached: Bool, in engine: inout Engine) -> Action {
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
            return .wait
        case .analysis(let count):
            guard let monitor = engine.analysisTemplate else {
                engine.note("step", "step \(index + 1): analysis skipped, the strategy has no analysis")
                return advance(targetReached: true, in: &engine)
            }
            var started = monitor
            started.startWindow(requests: engine.metrics.candidateRequests, failures: engine.metrics.failedCandidateRequests)
            measurement = (started, count)
            engine.note("step", "step \(index + 1): analysis, \(count) measurements every \(SimDuration(nanoseconds: monitor.interval))")
            engine.schedule(.stepMeasurement(step: index), after: monitor.interval)
            return .wait
        }
    }

    /// Whether a timer belongs to the step in progress.
    func owns(_ timer: StrategyTimer) -> Bool {
        switch timer {
        case .pauseOver(let step), .stepMeasurement(let step): return step == index
        default: return false
        }
    }

    /// Takes an `analysis` step's measurement. Returns false when the step's analysis failed.
    mutating func measure(in engine: inout Engine) -> (failed: Bool, done: Bool) {
        guard var current = measurement else { return (false, true) }
        let verdict = current.monitor.measure(requests: engine.metrics.candidateRequests,
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
