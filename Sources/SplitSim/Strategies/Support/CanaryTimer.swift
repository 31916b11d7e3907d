/// The timers of a stepped canary: the end of a `pause` step, the delayed scale-down of the
/// canary after an abort, and of the old stable pods after promotion.
public enum CanaryTimer: StepTimer, RollbackTimer {
    /// `pause` step `step` (0-based) is over.
    case pauseOver(step: Int)
    /// The canary goes, the abort's scale-down delay after the stop.
    case rollbackScaleDown
    /// The old stable pods go, `scaleDownDelay` after promotion.
    case stableScaleDown

    var pausedStep: Int? {
        if case .pauseOver(let step) = self { step } else { nil }
    }
}
