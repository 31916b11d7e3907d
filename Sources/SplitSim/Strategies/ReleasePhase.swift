/// Where a release stands, for strategies that step, promote and may roll back.
enum ReleasePhase: Equatable {
    /// Going through the steps.
    case stepping
    /// Steps done; moving the candidate to all traffic.
    case promoting
    /// The candidate has all traffic; the old version is being removed.
    case promoted
    /// Stopped before promotion; traffic is back on stable and the candidate is going away.
    case aborting
    /// Stopped after promotion; stable is coming back.
    case rollingBack
    /// Nothing left to do.
    case finished
}
