/// A strategy that goes through a ``StepProgram``: service-split, deployment-split and
/// replicaset-split share how step timers move them on.
protocol SteppedStrategy: RolloutStrategy {
    /// The step list and the release's place in it.
    var program: StepProgram { get set }
    /// Moves the release on as far as the cluster allows.
    mutating func proceed(in engine: inout Engine)
    /// Stops the release before promotion, or rolls it back after.
    mutating func abort(_ reason: String, in engine: inout Engine)
}

extension SteppedStrategy {
    /// Handles a `pause` or `analysis` step's timer.
    mutating func stepTimerFired(_ timer: StrategyTimer, in engine: inout Engine) {
        switch program.timerFired(timer, in: &engine) {
        case .proceed: proceed(in: &engine)
        case .failed: abort("analysis step failed", in: &engine)
        case .wait: break
        }
    }

    mutating func analysisFailed(in engine: inout Engine) {
        abort("analysis failed", in: &engine)
    }
}
