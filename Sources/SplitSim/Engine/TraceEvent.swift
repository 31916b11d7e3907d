/// One control event of a run as `splitsim trace` shows it: what happened, typed, and the
/// cluster's counts right after it. `SplitReport` writes the sentences.
public struct TraceEvent: Sendable, Equatable {
    /// When it happened, in nanoseconds of simulated time.
    public var time: Int64
    /// What happened.
    public var detail: TraceDetail
    /// Ready stable pods after the event.
    public var stableReady: Int
    /// Ready candidate pods after the event.
    public var candidateReady: Int
    /// Pods that exist in any phase after the event.
    public var pods: Int
    /// The candidate's share of new requests (L7) or new connections (Service) after the event.
    public var candidateShare: Double
    /// Every ReplicaSet that has or wants pods after the event.
    public var replicaSets: [ReplicaSetSnapshot]

    /// A short machine-readable kind, e.g. `pod-ready`, `set-weight`, `analysis`.
    public var kind: String { detail.kind }
}

/// A ReplicaSet's counts at one moment of a trace.
public struct ReplicaSetSnapshot: Sendable, Equatable {
    /// The ReplicaSet's name.
    public var name: String
    /// Its desired pod count.
    public var spec: Int
    /// Its ready pods.
    public var ready: Int
    /// Its terminating pods.
    public var terminating: Int
}
