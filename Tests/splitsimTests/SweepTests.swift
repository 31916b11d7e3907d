import Foundation
import Testing

/// `sweep plan / run / merge` (DESIGN §5.1, §6): the same study sharded one way and three
/// ways merges to the same bytes, and a merge that does not hold every point exactly once
/// names the ids and exits 65.
@Suite struct SweepTests {
    /// A plan of 2 × 2 points of the Argo-vs-Flagger example at 2 runs each.
    private static func plan(in scratch: TemporaryDirectory) throws -> String {
        let plan = scratch.url.appendingPathComponent("plan.jsonl").path
        let result = try CLIRun.run([
            "sweep", "plan", "scenarios/argo-vs-flagger.json", "--vary", "versions.candidate.fault.errorRate=0.05,0.2",
            "--vary", "analysis.interval=30s,1m", "--vary", "runs=2", "--output", plan,
        ])
        #expect(result.status == 0, "\(result)")
        return plan
    }

    @Test func thePlanIsTheCartesianProductWithStableIds() throws {
        let scratch = try TemporaryDirectory()
        let lines = CLIResult.lines(try String(contentsOfFile: try Self.plan(in: scratch), encoding: .utf8))
        #expect(lines.count == 4)
        let points = try lines.map { try CLIRun.jsonObject($0) }
        #expect(points.map { $0["id"] as? String } == ["p0000", "p0001", "p0002", "p0003"])
        #expect(points.map { $0["index"] as? Int } == [0, 1, 2, 3])
        // The last --vary varies fastest.
        let vary = points.map { $0["vary"] as? [String: String] ?? [:] }
        #expect(vary.map { $0["versions.candidate.fault.errorRate"] } == ["0.05", "0.05", "0.2", "0.2"])
        #expect(vary.map { $0["analysis.interval"] } == ["30s", "1m", "30s", "1m"])
        #expect(Set(points.map { $0["plan"] as? String }).count == 1)
    }

    @Test func oneShardAndThreeShardsMergeToTheSameBytes() throws {
        let scratch = try TemporaryDirectory()
        let plan = try Self.plan(in: scratch)
        let one = scratch.url.appendingPathComponent("one").path
        let three = scratch.url.appendingPathComponent("three").path
        #expect(try CLIRun.run(["sweep", "run", plan, "--shard", "0/1", "--output-dir", one]).status == 0)
        #expect(try CLIRun.run(["sweep", "run", plan, "--shard", "0/3", "--output-dir", three]).status == 0)
        // A Kubernetes Indexed Job gives each pod its index in JOB_COMPLETION_INDEX.
        let indexed = try CLIRun.run(
            ["sweep", "run", plan, "--shards", "3", "--output-dir", three], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(indexed.status == 0, "\(indexed)")
        let slurm = try CLIRun.run(
            ["sweep", "run", plan, "--shards", "3", "--output-dir", three], environment: ["SLURM_ARRAY_TASK_ID": "2"])
        #expect(slurm.status == 0, "\(slurm)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: three).sorted() == [
                "shard-0-of-3.jsonl", "shard-1-of-3.jsonl", "shard-2-of-3.jsonl",
            ])
        let mergedOne = try CLIRun.run(["sweep", "merge", one])
        let mergedThree = try CLIRun.run(["sweep", "merge", three])
        #expect(mergedOne.status == 0 && mergedThree.status == 0)
        #expect(mergedOne.stdout == mergedThree.stdout)
        let merged = try CLIRun.jsonObject(mergedOne.stdout)
        let points = try #require(merged["points"] as? [[String: Any]])
        #expect(points.map { $0["id"] as? String } == ["p0000", "p0001", "p0002", "p0003"])
        let strategies = try #require(points[0]["strategies"] as? [[String: Any]])
        #expect(
            strategies.map { $0["name"] as? String } == [
                "Argo 10..50, 1m steps", "Flagger 10..50, threshold 5", "Flagger 10..50, threshold 2",
            ])
        #expect((strategies[0]["decision"] as? [String: Any])?["falseAbortRate"] != nil)
        let header = try #require(merged["plan"] as? [String: Any])
        #expect(header["points"] as? Int == 4)
    }

    @Test func aMissingShardOrADuplicatedPointExits65NamingTheIds() throws {
        let scratch = try TemporaryDirectory()
        let plan = try Self.plan(in: scratch)
        let results = scratch.url.appendingPathComponent("results").path
        for shard in 0..<2 {
            #expect(
                try CLIRun.run(["sweep", "run", plan, "--shard", "\(shard)/2", "--output-dir", results]).status == 0)
        }
        try FileManager.default.removeItem(atPath: results + "/shard-1-of-2.jsonl")
        let missing = try CLIRun.run(["sweep", "merge", results])
        #expect(missing.status == 65)
        #expect(
            missing.problemLines == [
                "splitsim sweep merge: \(results): the shard files do not hold every planned point exactly once: missing p0001, p0003"
            ])
        #expect(missing.stdout.isEmpty)
        #expect(try CLIRun.run(["sweep", "run", plan, "--shard", "0/1", "--output-dir", results]).status == 0)
        let duplicated = try CLIRun.run(["sweep", "merge", results])
        #expect(duplicated.status == 65)
        #expect(
            duplicated.problemLines == [
                "splitsim sweep merge: \(results): the shard files do not hold every planned point exactly once: duplicated p0000, p0002"
            ])
    }

    @Test func aShardResumesBySkippingThePointsItHolds() throws {
        let scratch = try TemporaryDirectory()
        let plan = try Self.plan(in: scratch)
        let results = scratch.url.appendingPathComponent("results").path
        #expect(try CLIRun.run(["sweep", "run", plan, "--shard", "1/2", "--output-dir", results]).status == 0)
        let file = results + "/shard-1-of-2.jsonl"
        let first = try String(contentsOfFile: file, encoding: .utf8)
        let again = try CLIRun.run(["sweep", "run", plan, "--shard", "1/2", "--output-dir", results])
        #expect(again.status == 0)
        #expect(again.problemLines == ["splitsim sweep run: \(file) holds 2 of 2 points; running the other 0"])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == first)
    }

    @Test(arguments: [
        (
            ["--vary", "analysis.intreval=1m"], Int32(65),
            #"scenarios/argo-vs-flagger.json at p0000: analysis.intreval: unknown key; did you mean "interval"?"#
        ),
        (
            ["--vary", "strategies[9].name=x"], 64,
            "splitsim sweep: plan: --vary strategies[9].name=x: strategies[9]: strategies has 3 elements; expected an index below 3"
        ),
        (
            ["--vary", "traffic.rps.x=1"], 64,
            "splitsim sweep: plan: --vary traffic.rps.x=1: traffic.rps is a number, not an object; cannot set a member in it"
        ),
        (
            ["--vary", "traffic..rps=1"], 64,
            "splitsim sweep: plan: --vary traffic..rps=1: traffic..rps is not a scenario path; expected keys and [index] such as strategies[1].steps[0].setWeight"
        ),
        (
            ["--vary", "runs=2,,3"], 64,
            "splitsim sweep: plan: --vary runs=2,,3: value 2 is empty; expected values separated by commas"
        ),
        (
            ["--vary", "runs=0,2"], 65,
            "scenarios/argo-vs-flagger.json at p0000: runs: 0 is out of range; expected 1...10000"
        ),
    ])
    func aBadVaryNamesThePathAndWhatIsExpected(arguments: [String], status: Int32, message: String) throws {
        let result = try CLIRun.run(["sweep", "plan", "scenarios/argo-vs-flagger.json"] + arguments)
        #expect(result.status == status, "\(result)")
        #expect(result.problemLines == [message])
        #expect(result.stdout.isEmpty)
    }

    /// A point past compare's work limits would occupy its shard for hours: the plan says so
    /// before anything runs, and --yes plans it anyway.
    @Test func aPointPastTheWorkLimitsNeedsYes() throws {
        let arguments = [
            "sweep", "plan", "scenarios/argo-vs-flagger.json", "--vary", "duration=1h,1000000000",
            "--vary", "traffic.rps=0.001",
        ]
        let refused = try CLIRun.run(arguments)
        #expect(refused.status == 64)
        #expect(
            refused.problemLines == [
                "splitsim sweep: plan: point p0001: scenarios/argo-vs-flagger.json at p0001: the analysis of Argo 10..50, 1m steps takes up to 33.3 million scrapes and measurements per run, more than 10 million (a long duration or a short interval); give --yes to plan it anyway"
            ])
        let confirmed = try CLIRun.run(arguments + ["--yes"])
        #expect(confirmed.status == 0)
        #expect(confirmed.stdoutLines.count == 2)
    }

    @Test func runWithoutAnIndexSaysWhereItLooks() throws {
        let scratch = try TemporaryDirectory()
        let plan = try Self.plan(in: scratch)
        let result = try CLIRun.run(["sweep", "run", plan, "--shards", "3", "--output-dir", scratch.url.path])
        #expect(result.status == 64)
        #expect(
            result.problemLines == [
                "splitsim sweep: run: --shards 3 reads the shard index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID, and neither is set; give --shard I/3"
            ])
    }
}
