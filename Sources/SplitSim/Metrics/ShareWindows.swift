/// The candidate's share of production requests minute by minute, kept so that the peak
/// share of each step, and how long the step held it, can be read after the run.
///
/// A step's mean share hides what users met at its worst: replica steps ramp as pods become
/// ready, pinned connections lag behind a weight change, and a share can overshoot before it
/// settles. One-minute windows (clipped at step changes and at promotion) show the ramp
/// without the request-by-request noise; the engine closes them on control events only, so
/// the request path pays nothing for them.
public struct ShareWindows: Sendable {
    /// The requests of one window.
    public struct Window: Sendable, Equatable {
        /// The `stepTraffic` slot in force: 0 outside any step, `index + 1` for step `index`.
        public var slot: Int
        /// Whether the release had not yet sent all traffic to the candidate.
        public var beforePromotion: Bool
        /// The window's length, in nanoseconds.
        public var nanoseconds: Int64
        /// Production requests, and those the candidate served.
        public var requests: Int
        public var candidate: Int

        /// The candidate's share of the window's requests.
        public var share: Double { Double(candidate) / Double(requests) }
    }

    /// The share of a stretch of windows at its highest, and the time spent there.
    public struct Peak: Sendable, Equatable {
        /// The candidate's share over the windows at the peak.
        public var share: Double
        /// Seconds of those windows.
        public var seconds: Double
    }

    /// The length of a full window, in nanoseconds: one minute (the rate window of a typical
    /// analysis query), longer for runs of more than a week so that a run keeps at most
    /// ``maximumWindows`` of them.
    public let length: Int64
    /// The most windows a run keeps: enough for a week at one minute, a fixed memory beyond.
    public static let maximumWindows: Int64 = 10_080

    /// The closed windows, in time order; windows without requests are left out.
    public private(set) var windows: [Window] = []
    private var start: Int64 = 0
    private var requestsAtStart = 0
    private var candidateAtStart = 0

    /// Creates an empty record starting at time 0 for a run of `duration` nanoseconds.
    public init(duration: Int64) {
        let minute: Int64 = 60_000_000_000
        let shortest = (duration + Self.maximumWindows - 1) / Self.maximumWindows
        length = max(minute, (shortest + minute - 1) / minute * minute)
    }

    /// Ends the current window at `now`, given the run's cumulative request counts, and
    /// starts the next one.
    mutating func close(at now: Int64, slot: Int, beforePromotion: Bool, requests: Int, candidate: Int) {
        let window = Window(
            slot: slot, beforePromotion: beforePromotion, nanoseconds: now - start,
            requests: requests - requestsAtStart, candidate: candidate - candidateAtStart)
        if window.nanoseconds > 0 && window.requests > 0 { windows.append(window) }
        start = now
        requestsAtStart = requests
        candidateAtStart = candidate
    }

    /// The peak of the windows that `isIncluded` selects, or nil when none has requests.
    ///
    /// The highest window is a biased estimate of a level (the maximum of noisy windows sits
    /// above their mean), so the peak is the pooled share of every window the noise cannot
    /// tell from the highest one: within three standard errors of their difference. A flat
    /// step therefore reports its level for nearly its whole length, and a ramp the plateau
    /// it reached and for how long. Only windows of at least half a minute can be the
    /// highest, so that a few requests at a clipped edge cannot make it; when none is that
    /// long, the pooled share of all of them is the peak.
    ///
    /// - Complexity: O(*n*) for *n* windows.
    public func peak(where isIncluded: (Window) -> Bool) -> Peak? {
        var highest: Window?
        for window in windows where isIncluded(window) && window.nanoseconds >= length / 2 {
            if highest.map({ window.share > $0.share }) ?? true { highest = window }
        }
        var requests = 0
        var candidate = 0
        var nanoseconds: Int64 = 0
        for window in windows where isIncluded(window) {
            if let highest {
                let share = highest.share
                let variance = share * (1 - share) * (1 / Double(window.requests) + 1 / Double(highest.requests))
                guard window.share >= share - 3 * variance.squareRoot() else { continue }
            }
            requests += window.requests
            candidate += window.candidate
            nanoseconds += window.nanoseconds
        }
        guard requests > 0 else { return nil }
        return Peak(share: Double(candidate) / Double(requests), seconds: Double(nanoseconds) / 1e9)
    }
}
