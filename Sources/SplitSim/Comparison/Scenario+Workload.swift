extension Scenario {
    /// The production requests one run of one strategy simulates at most: the rate profile
    /// integrated over the duration. Aborted releases stop earlier.
    public var requestsPerRun: Double {
        let end = duration.seconds
        var total = 0.0
        for (index, point) in traffic.rates.enumerated() {
            let start = point.at.seconds
            let stop = index + 1 < traffic.rates.count ? min(traffic.rates[index + 1].at.seconds, end) : end
            if stop > start { total += point.rps * (stop - start) }
        }
        return total
    }

    /// The production requests a whole comparison simulates at most.
    public func requestsToSimulate(strategies count: Int) -> Double {
        requestsPerRun * Double(runs) * Double(count)
    }

    /// The most analysis events one run of `strategy` can take: metric scrapes and
    /// measurements over the whole duration, whichever is more frequent (0 without analysis).
    public func analysisTicksPerRun(of strategy: StrategySpec) -> Double {
        guard let analysis = strategy.analysis else { return 0 }
        let shortest = min(analysis.interval, analysis.metric.scrapeInterval)
        return duration.seconds / max(shortest.seconds, 1e-9)
    }
}
