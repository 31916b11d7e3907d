/// Where a release stands, for strategies that step, promote and may roll back.
enum ReleasePhase: Equatable {
    /// Going through the steps.
    case stepping
    /// Steps done; moving the candidate to all traffic.
    case promoting
    /// The candidate has all traffic; the old version is being removed.
    case promoted
    /// Promoted and the old version gone.
    case finished
    /// Stopped; a ``Rollback`` takes production back to stable.
    case stopped

    /// Whether the candidate had taken all traffic, so stopping now is a rollback.
    var isPromoted: Bool { self == .promoted || self == .finished }
}
