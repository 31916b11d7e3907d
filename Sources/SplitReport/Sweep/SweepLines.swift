import SplitSim

/// The files of a sweep: one compact JSON line per plan point, one per result, and the
/// merged document. A point's lines depend only on the plan and the point, never on the
/// sharding, so the merged bytes are the same for any number of shards.
public enum SweepLines {
    /// The plan line of `point`: its id, values and the whole scenario, so that a shard
    /// needs nothing but its plan file.
    public static func plan(_ plan: SweepPlan, point: SweepPoint) -> String {
        JSONWriter.render(
            .object(
                header(id: point.id, index: point.index, vary: point.vary, plan: plan.fingerprint, points: plan.count)
                    + [("file", .string(plan.file)), ("scenario", .string(plan.scenarioText))]),
            pretty: false)
    }

    /// The result line of a plan line: the point and every strategy's object of
    /// `compare --format json`.
    public static func result(of line: SweepLine, _ comparison: ScenarioComparison) -> String {
        JSONWriter.render(
            .object(
                header(id: line.id, index: line.index, vary: line.vary, plan: line.fingerprint, points: line.points)
                    + [
                        ("file", .string(line.file)), ("name", .string(comparison.name)),
                        ("strategies", .array(comparison.strategies.map(JSONReport.strategy))),
                    ]),
            pretty: false)
    }

    /// The merged document: the plan, then the result lines in plan order, as written.
    public static func merged(_ summary: SweepSummary, fingerprint: String, results: [String]) -> String {
        let plan = JSONWriter.render(
            .object([
                ("file", .string(summary.file)), ("name", .string(summary.name)), ("fingerprint", .string(fingerprint)),
                ("points", .integer(summary.points.count)),
                (
                    "vary",
                    .array(
                        summary.axes.map { axis in
                            .object([("path", .string(axis.path)), ("values", .array(axis.values.map { .string($0) }))])
                        })
                ),
            ]), pretty: false)
        return "{\"plan\": \(plan),\n\"points\": [\n" + results.joined(separator: ",\n") + "\n]}\n"
    }

    private static func header(
        id: String, index: Int, vary: [(path: String, value: String)], plan: String, points: Int
    ) -> [(String, JSONWriter.Value)] {
        [
            ("id", .string(id)), ("index", .integer(index)),
            ("vary", .object(vary.map { ($0.path, .string($0.value)) })), ("points", .integer(points)),
            ("plan", .string(plan)),
        ]
    }
}
