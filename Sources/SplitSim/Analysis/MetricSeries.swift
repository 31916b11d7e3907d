/// The candidate pods' request counters as Prometheus holds them: one sample per scrape, and
/// the `increase(…[window])` a query computes from the samples in its window.
///
/// A measurement therefore reads a metric, not the truth: it lags the traffic by up to one
/// scrape interval plus the window, and it has no data until two samples fall in the window.
struct MetricSeries {
    /// One scrape of the cumulative counters.
    struct Sample {
        var time: Int64
        var requests: Int
        var failures: Int
    }

    let scrapeInterval: Int64
    let window: Int64
    /// The samples that a query can still see, oldest first.
    private(set) var samples: [Sample] = []

    init(scrapeInterval: Int64, window: Int64) {
        self.scrapeInterval = scrapeInterval
        self.window = window
        samples.reserveCapacity(Int(window / max(scrapeInterval, 1)) + 2)
    }

    /// When the scrape after `time` happens: scrapes fall on multiples of the interval.
    func nextScrape(after time: Int64) -> Int64 {
        (time / scrapeInterval + 1) * scrapeInterval
    }

    /// Whether a scrape is due at `time` and not taken yet.
    func isScrapeDue(at time: Int64) -> Bool {
        time % scrapeInterval == 0 && samples.last?.time != time
    }

    /// Stores a scrape and forgets the samples no window can reach any more.
    mutating func record(_ sample: Sample) {
        guard samples.last?.time != sample.time else { return }
        samples.append(sample)
        let oldest = sample.time - window
        if let keepFrom = samples.firstIndex(where: { $0.time > oldest }), keepFrom > 0 {
            samples.removeFirst(keepFrom)
        }
    }

    /// What a query at `time` reads: the extrapolated increase of both counters over the
    /// samples in `(time − window, time]` (Prometheus 3's left-open range), or nil when fewer
    /// than two samples fall in it.
    ///
    /// - Complexity: O(*s*) for the *s* samples in the window.
    func reading(at time: Int64) -> MetricReading? {
        let start = time - window
        guard let first = samples.firstIndex(where: { $0.time > start }),
            let last = samples.lastIndex(where: { $0.time <= time }), last > first
        else { return nil }
        let range = (start: start, end: time)
        let from = samples[first]
        let to = samples[last]
        let count = last - first + 1
        func increase(_ value: (Sample) -> Int) -> Double {
            Self.increase(
                from: Double(value(from)), to: Double(value(to)), between: (from.time, to.time), samples: count,
                range: range)
        }
        return MetricReading(requests: increase(\.requests), failures: increase(\.failures))
    }

    /// Prometheus' `increase()` of a counter that did not reset: the difference of the first and
    /// last samples, extrapolated toward the range's ends when the samples come close to them,
    /// never below the counter's zero point (prometheus promql/functions.go, `extrapolatedRate`).
    static func increase(
        from firstValue: Double, to lastValue: Double, between times: (first: Int64, last: Int64), samples: Int,
        range: (start: Int64, end: Int64)
    ) -> Double {
        let result = lastValue - firstValue
        let sampled = Double(times.last - times.first)
        guard sampled > 0, samples > 1 else { return 0 }
        let average = sampled / Double(samples - 1)
        let threshold = average * 1.1
        var toStart = Double(times.first - range.start)
        if toStart >= threshold { toStart = average / 2 }
        if result > 0 && firstValue >= 0 {
            toStart = min(toStart, sampled * (firstValue / result))
        }
        var toEnd = Double(range.end - times.last)
        if toEnd >= threshold { toEnd = average / 2 }
        return result * (sampled + toStart + toEnd) / sampled
    }
}

/// What one query of the candidate's counters returned.
public struct MetricReading: Sendable, Equatable {
    /// Requests in the window, as `increase()` extrapolates them.
    public var requests: Double
    /// Failed requests in the window, likewise.
    public var failures: Double

    /// Creates a reading.
    public init(requests: Double, failures: Double) {
        self.requests = requests
        self.failures = failures
    }

    /// The error rate the query computes; 0 without requests.
    public var errorRate: Double { requests > 0 ? min(failures / requests, 1) : 0 }
}
