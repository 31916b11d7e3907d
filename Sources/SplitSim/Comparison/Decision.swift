/// How well a strategy decides: how often it stops a healthy release, and how often it stops
/// a faulty one before the fault escapes (DESIGN §2, decision quality).
public struct Decision: Sendable, Equatable {
    /// Share of healthy runs (the healthy twin of a faulty scenario, or a healthy scenario's
    /// own runs) that were aborted: a blocked deploy and a page for nothing.
    public var falseAbortRate: Double
    /// Share of faulty runs stopped (aborted or paused) before the fault escaped; nil for a
    /// healthy candidate.
    public var detectionPower: Double?
    /// The 95th percentile of the time to detect over faulty runs that detected; nil when none did.
    public var detectionSecondsP95: Double?
    /// Runs of the healthy twin behind `falseAbortRate`, 0 when the scenario's own runs are.
    public var healthyTwinRuns: Int

    /// Creates decision figures.
    public init(falseAbortRate: Double, detectionPower: Double?, detectionSecondsP95: Double?, healthyTwinRuns: Int) {
        self.falseAbortRate = falseAbortRate
        self.detectionPower = detectionPower
        self.detectionSecondsP95 = detectionSecondsP95
        self.healthyTwinRuns = healthyTwinRuns
    }

    /// The decision figures of a strategy's `runs`, with its `healthyTwin` runs when the
    /// candidate is `faulty`.
    static func of(_ runs: [RunResult], healthyTwin: [RunResult], faulty: Bool) -> Decision {
        let healthy = faulty ? healthyTwin : runs
        let falseAborts = Double(healthy.filter { $0.outcome == .aborted }.count) / Double(max(healthy.count, 1))
        guard faulty else {
            return Decision(
                falseAbortRate: falseAborts, detectionPower: nil, detectionSecondsP95: nil, healthyTwinRuns: 0)
        }
        let stopped = runs.filter { ($0.outcome == .aborted || $0.outcome == .paused) && !$0.escaped }
        return Decision(
            falseAbortRate: falseAborts,
            detectionPower: Double(stopped.count) / Double(max(runs.count, 1)),
            detectionSecondsP95: SummaryStatistics(runs.compactMap(\.detectionSeconds))?.p95,
            healthyTwinRuns: healthyTwin.count)
    }
}
