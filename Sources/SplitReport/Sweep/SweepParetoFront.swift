import SplitSim

/// The Pareto front of a sweep over risk, decision quality and cost: the strategies at points
/// that no other choice under the same condition beats on users failed, false-abort rate and
/// extra pod-seconds at once.
///
/// The first axis is the condition the reader does not choose (the fault size, the traffic):
/// it is the x axis of the curves, and a release process is chosen for the condition it will
/// meet, so a choice is only compared with the others at the same value of that axis. The
/// other axes and the strategies are the choices. Duration is left out, unlike a single
/// comparison's front, because a sweep's points differ in how long their releases are
/// planned to take.
enum SweepParetoFront {
    /// The indices, into `summary.points.flatMap(\.strategies)`, of the entries on the front.
    ///
    /// A figure no run produced counts as 0, as it does for a comparison's recommendation.
    /// Entries with equal figures do not beat one another, so both stay on the front.
    ///
    /// - Complexity: O(*n*²) for *n* points × strategies, comparing every pair.
    static func members(_ summary: SweepSummary) -> Set<Int> {
        let entries = summary.points.flatMap { point in
            point.strategies.map { (condition: point.values.first, figures: figures($0)) }
        }
        var front = Set<Int>()
        for (index, entry) in entries.enumerated()
        where !entries.contains(where: { $0.condition == entry.condition && beats($0.figures, entry.figures) }) {
            front.insert(index)
        }
        return front
    }

    private static func figures(_ strategy: SweepSummary.Figures) -> [Double] {
        [strategy.usersFailed ?? 0, strategy.falseAbortRate, strategy.extraPodSeconds ?? 0]
    }

    /// Whether `a` is at most as bad as `b` on every figure and better on one.
    private static func beats(_ a: [Double], _ b: [Double]) -> Bool {
        zip(a, b).allSatisfy { $0 <= $1 } && zip(a, b).contains { $0 < $1 }
    }
}
