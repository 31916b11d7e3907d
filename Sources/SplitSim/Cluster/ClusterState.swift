import SplitRouter

/// The pods and ReplicaSets of one run, with the lifecycle rules that move pods between
/// phases: pending → ready after start-up, terminating → gone after shutdown.
public struct ClusterState: Sendable {
    /// Every pod ever created in the run, indexed by pod id; never reused.
    public private(set) var pods: [Pod] = []
    /// Every ReplicaSet of the run.
    public private(set) var replicaSets: [ReplicaSet] = []
    /// How long a new pod takes to become ready.
    public let podStartup: Int64
    /// How long a terminating pod keeps its connections before it is gone.
    public let podShutdown: Int64

    /// How far each pod's start-up and shutdown stray from the configured times, as
    /// fractions either way.
    private let jitter: (startup: Double, shutdown: Double)
    /// Draws the jitter, apart from the request stream so that timings do not shift traffic.
    private var timing: Xoshiro256StarStar

    /// Creates an empty cluster with the given pod timings in nanoseconds; each pod's times
    /// stray uniformly by up to the given fractions, drawn from `timing`.
    public init(
        podStartup: Int64, podShutdown: Int64, startupJitter: Double = 0, shutdownJitter: Double = 0,
        timing: Xoshiro256StarStar = Xoshiro256StarStar(seed: 0)
    ) {
        self.podStartup = podStartup
        self.podShutdown = podShutdown
        jitter = (startupJitter, shutdownJitter)
        self.timing = timing
    }

    /// `base` strayed by up to `fraction` either way, to the millisecond.
    private mutating func jittered(_ base: Int64, by fraction: Double) -> Int64 {
        guard fraction > 0, base > 0 else { return base }
        let factor = 1 + fraction * (2 * timing.nextUnitDouble() - 1)
        return SimDuration.clamped((Double(base) * factor / 1e6).rounded()) * 1_000_000
    }

    /// Adds a ReplicaSet with no pods and returns its index.
    public mutating func addReplicaSet(named name: String, version: ReleaseVersion) -> Int {
        replicaSets.append(ReplicaSet(name: name, version: version))
        return replicaSets.count - 1
    }

    /// Creates `count` ReplicaSet pods that are ready from the start, as a service running
    /// before the simulated release began.
    public mutating func addReadyPods(_ count: Int, to replicaSet: Int) {
        for _ in 0..<count {
            let id = createPod(in: replicaSet, at: 0)
            pods[id].phase = .ready
            pods[id].readyAt = 0
            replicaSets[replicaSet].ready += 1
        }
        replicaSets[replicaSet].spec = replicaSets[replicaSet].active
    }

    /// Sets the desired size of a ReplicaSet and creates or terminates pods to match,
    /// scheduling their ready and gone events.
    ///
    /// Scaling down removes pods the way the ReplicaSet controller ranks them: pending pods
    /// first, then the most recently ready.
    ///
    /// - Complexity: O(*p*) where *p* is the number of pods ever created.
    public mutating func scale<Timer>(
        _ replicaSet: Int, to spec: Int, at now: Int64, events: inout EventQueue<ControlEvent<Timer>>
    ) {
        let target = max(0, spec)
        replicaSets[replicaSet].spec = target
        while replicaSets[replicaSet].active < target {
            let id = createPod(in: replicaSet, at: now)
            events.schedule(.podReady(Int32(id)), at: now + jittered(podStartup, by: jitter.startup))
        }
        while replicaSets[replicaSet].active > target, let victim = podToRemove(from: replicaSet) {
            terminate(victim, at: now, events: &events)
        }
    }

    /// Marks a pending pod ready. Returns false when the pod was terminated before it got there.
    @discardableResult
    public mutating func markReady(_ id: Int, at now: Int64) -> Bool {
        guard pods[id].phase == .pending else { return false }
        pods[id].phase = .ready
        pods[id].readyAt = now
        replicaSets[pods[id].replicaSet].ready += 1
        return true
    }

    /// Marks a terminating pod gone.
    public mutating func markGone(_ id: Int) {
        guard pods[id].phase == .terminating else { return }
        pods[id].phase = .gone
        replicaSets[pods[id].replicaSet].terminating -= 1
    }

    /// Ready pods of a version across its ReplicaSets.
    public func readyPods(of version: ReleaseVersion) -> Int {
        replicaSets.reduce(0) { $0 + ($1.version == version ? $1.ready : 0) }
    }

    /// Pods that serve requests (ready or terminating) of a version.
    public func servingPods(of version: ReleaseVersion) -> Int {
        replicaSets.reduce(0) { $0 + ($1.version == version ? $1.ready + $1.terminating : 0) }
    }

    /// Pods that are pending or ready: what counts against ReplicaSets and the surge limit.
    public var activePods: Int {
        replicaSets.reduce(0) { $0 + $1.active }
    }

    /// Pods that exist in any phase but gone: what is paid for, draining pods included.
    public var existingPods: Int {
        replicaSets.reduce(0) { $0 + $1.existing }
    }

    /// Appends the ids of the ready pods of the given ReplicaSets to `endpoints`, the way a
    /// Service's EndpointSlice lists them.
    public func appendReadyEndpoints(of selected: some Sequence<Int>, to endpoints: inout [Int32]) {
        for set in selected {
            for (id, pod) in pods.enumerated() where pod.replicaSet == set && pod.phase == .ready {
                endpoints.append(Int32(id))
            }
        }
    }

    private mutating func createPod(in replicaSet: Int, at now: Int64) -> Int {
        let id = pods.count
        let set = replicaSets[replicaSet]
        pods.append(
            Pod(
                name: set.name + "-" + Self.suffix(for: id), replicaSet: replicaSet,
                version: set.version, createdAt: now, readyAt: nil, phase: .pending))
        replicaSets[replicaSet].active += 1
        return id
    }

    private mutating func terminate<Timer>(_ id: Int, at now: Int64, events: inout EventQueue<ControlEvent<Timer>>) {
        let set = pods[id].replicaSet
        if pods[id].phase == .ready { replicaSets[set].ready -= 1 }
        pods[id].phase = .terminating
        replicaSets[set].active -= 1
        replicaSets[set].terminating += 1
        events.schedule(.podGone(Int32(id)), at: now + jittered(podShutdown, by: jitter.shutdown))
    }

    private func podToRemove(from replicaSet: Int) -> Int? {
        var best: Int?
        for (id, pod) in pods.enumerated() where pod.replicaSet == replicaSet {
            guard pod.phase == .pending || pod.phase == .ready else { continue }
            guard let current = best else {
                best = id
                continue
            }
            if Self.removalRank(pod) > Self.removalRank(pods[current]) { best = id }
        }
        return best
    }

    /// Higher ranks are removed first: pending before ready, then the most recently ready.
    private static func removalRank(_ pod: Pod) -> Int64 {
        pod.phase == .pending ? Int64.max : (pod.readyAt ?? 0)
    }

    /// A stable five-character pod-name suffix in the alphabet Kubernetes uses.
    private static func suffix(for id: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)
        var state = UInt64(id) &+ 0x9E37_79B9_7F4A_7C15
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 31
        var bytes: [UInt8] = []
        for _ in 0..<5 {
            bytes.append(alphabet[Int(state % UInt64(alphabet.count))])
            state /= UInt64(alphabet.count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
