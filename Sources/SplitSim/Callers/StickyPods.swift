import SplitRouter

/// Session affinity: the pod each key (a user, a calling pod) was last sent to, kept while it
/// stays an endpoint, so that the key comes back to it.
struct StickyPods {
    private var pods: [Int32]

    /// Keeps a pod for each of `keys` keys; with none, nothing sticks.
    init(keys: Int) {
        pods = Array(repeating: -1, count: keys)
    }

    /// Whether affinity is on.
    var isOn: Bool { !pods.isEmpty }

    /// Makes `key` stick to `pod`.
    mutating func remember(_ pod: Int32, for key: Int) {
        pods[key] = pod
    }

    /// The pod `key` sticks to if `stillValid` says it may still be used, else `pick()`, which
    /// then sticks; just `pick()` when affinity is off.
    @inline(__always)
    mutating func pod(for key: Int, stillValid: (Int32) -> Bool, pick: () -> Int32) -> Int32 {
        guard isOn else { return pick() }
        let kept = pods[key]
        if kept >= 0 && stillValid(kept) { return kept }
        let picked = pick()
        pods[key] = picked
        return picked
    }
}
