import SplitRouter

/// What callers served connection by connection over a stretch of whole capacity seconds:
/// the stable requests counted per second, the candidate's kept one by one.
///
/// Capacity is judged per second (DESIGN.md §2), so the request path needs each second's
/// stable count and the candidate's requests of that second; the callers walk each
/// connection's stream through the whole stretch, so the stretch sorts nothing until the
/// request path asks for the candidate's requests by second.
public struct ConnectionStretch: Sendable {
    /// The most seconds a stretch spans: it bounds the per-second counts, and the request path
    /// bounds the candidate's buffer by choosing shorter stretches at high rates.
    public static let maxSeconds = 64

    static let second: Int64 = 1_000_000_000

    /// The start of the stretch's first second, in nanoseconds since the start.
    private(set) var origin: Int64 = 0
    /// Stable requests per second of the stretch.
    private var stableBySecond = [Int](repeating: 0, count: maxSeconds)
    /// The candidate's requests, in the order the callers served them until grouped by second.
    var candidateRequests: [PodRequest] = []
    /// How many candidate requests each second holds.
    private var candidatesBySecond = [Int](repeating: 0, count: maxSeconds)
    /// Where each second's candidate requests start in `candidateRequests` once grouped.
    private var secondStarts = [Int](repeating: 0, count: maxSeconds + 1)
    /// Scratch space of the grouping, kept to allocate once per run.
    private var cursors = [Int](repeating: 0, count: maxSeconds)
    private var ungrouped: [PodRequest] = []

    public init() {}

    /// Empties the stretch for one that starts in the second holding `time`.
    mutating func begin(at time: Int64) {
        origin = time - time % Self.second
        for index in stableBySecond.indices {
            stableBySecond[index] = 0
            candidatesBySecond[index] = 0
        }
        candidateRequests.removeAll(keepingCapacity: true)
    }

    /// The end of the stretch that starts at `time` and lasts at most `seconds`, no later
    /// than `end`, on a second's boundary unless it is `end`.
    func end(startingAt time: Int64, seconds: Int, until end: Int64) -> Int64 {
        min(end, time - time % Self.second + Int64(min(seconds, Self.maxSeconds)) * Self.second)
    }

    /// Counts a stable request at `time`, a time inside the stretch.
    public mutating func recordStable(at time: Int64) {
        stableBySecond[Int((time - origin) / Self.second)] += 1
    }

    /// Counts `count` stable requests in the second that holds `time`, a time inside the
    /// stretch.
    public mutating func recordStable(_ count: Int, at time: Int64) {
        stableBySecond[Int((time - origin) / Self.second)] += count
    }

    /// Keeps a candidate request at `time` on `pod`.
    public mutating func recordCandidate(at time: Int64, on pod: Int32) {
        candidatesBySecond[Int((time - origin) / Self.second)] += 1
        candidateRequests.append(PodRequest(time: time, pod: pod))
    }

    /// Keeps `count` candidate requests on `pod` at uniform times in `start..<end`, a part of
    /// one second of the stretch: where a Poisson stream's arrivals fall given their count.
    public mutating func recordCandidates(
        _ count: Int, in start: Int64, _ end: Int64, on pod: Int32, using generator: inout Xoshiro256StarStar
    ) {
        guard count > 0 else { return }
        candidatesBySecond[Int((start - origin) / Self.second)] += count
        let span = Double(end - start)
        for _ in 0..<count {
            candidateRequests.append(PodRequest(time: start + Int64(generator.nextUnitDouble() * span), pod: pod))
        }
    }

    /// How many seconds the stretch from ``origin`` to `end` touches.
    func seconds(until end: Int64) -> Int {
        Int((end - 1 - origin) / Self.second) + 1
    }

    /// The stable requests of second `index` of the stretch.
    func stableRequests(inSecond index: Int) -> Int { stableBySecond[index] }

    /// Orders the candidate's requests by second, each second's in the callers' order.
    ///
    /// - Complexity: O(*c*) for *c* candidate requests: a counting sort by second.
    mutating func groupCandidatesBySecond() {
        secondStarts[0] = 0
        for index in candidatesBySecond.indices {
            secondStarts[index + 1] = secondStarts[index] + candidatesBySecond[index]
        }
        for index in cursors.indices { cursors[index] = secondStarts[index] }
        ungrouped.removeAll(keepingCapacity: true)
        ungrouped.append(contentsOf: candidateRequests)
        for request in ungrouped {
            let slot = second(of: request)
            candidateRequests[cursors[slot]] = request
            cursors[slot] += 1
        }
    }

    /// The range of `candidateRequests` that second `index` holds, after
    /// ``groupCandidatesBySecond()``.
    func candidateRange(inSecond index: Int) -> Range<Int> {
        secondStarts[index]..<secondStarts[index + 1]
    }

    private func second(of request: PodRequest) -> Int {
        Int((request.time - origin) / Self.second)
    }
}

/// One request that a pod served, as a caller model hands it to the request path.
public struct PodRequest: Sendable {
    /// When it arrived, in nanoseconds since the start.
    public var time: Int64
    /// The pod that served it.
    public var pod: Int32

    public init(time: Int64, pod: Int32) {
        self.time = time
        self.pod = pod
    }
}
