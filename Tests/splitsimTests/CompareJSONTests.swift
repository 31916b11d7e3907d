import Foundation
import Testing

/// `compare --format json` against its stable schema (keys as in `docs/scenario-format.md`).
@Suite("compare --format json schema")
struct CompareJSONTests {
    static let statsKeys: Set<String> = ["mean", "p5", "p50", "p95", "min", "max"]

    /// Checks a STATS value: null, or exactly the six keys with ordered numbers.
    static func checkStats(_ value: Any?, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let value else {
            Issue.record("\(path): missing", sourceLocation: sourceLocation)
            return
        }
        if value is NSNull { return }
        guard let object = value as? [String: Any] else {
            Issue.record("\(path): expected STATS or null, found \(value)", sourceLocation: sourceLocation)
            return
        }
        #expect(Set(object.keys) == statsKeys, "\(path): keys \(object.keys.sorted())", sourceLocation: sourceLocation)
        var numbers: [String: Double] = [:]
        for key in statsKeys {
            guard let number = object[key] as? NSNumber else {
                Issue.record(
                    "\(path).\(key): expected a number, found \(String(describing: object[key]))",
                    sourceLocation: sourceLocation)
                continue
            }
            numbers[key] = number.doubleValue
        }
        guard numbers.count == 6 else { return }
        let (low, p5, p50, p95, high, mean) = (
            numbers["min"]!, numbers["p5"]!, numbers["p50"]!, numbers["p95"]!,
            numbers["max"]!, numbers["mean"]!
        )
        let slack = 1e-3 * max(1, abs(high))
        #expect(
            low <= p5 + slack && p5 <= p50 + slack && p50 <= p95 + slack && p95 <= high + slack,
            "\(path): percentiles out of order \(numbers)", sourceLocation: sourceLocation)
        #expect(
            low - slack <= mean && mean <= high + slack, "\(path): mean outside min...max \(numbers)",
            sourceLocation: sourceLocation)
    }

    static func fraction(_ value: Any?, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        guard let number = value as? NSNumber else {
            Issue.record(
                "\(path): expected a number, found \(String(describing: value))", sourceLocation: sourceLocation)
            return nil
        }
        let double = number.doubleValue
        #expect((0...1).contains(double), "\(path): \(double) is not a fraction", sourceLocation: sourceLocation)
        return double
    }

    static func object(
        _ value: Any?, _ path: String, keys: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws -> [String: Any]
    {
        let object = try #require(
            value as? [String: Any], "\(path): expected an object", sourceLocation: sourceLocation)
        #expect(
            keys.isSubset(of: Set(object.keys)), "\(path): missing \(keys.subtracting(object.keys).sorted())",
            sourceLocation: sourceLocation)
        return object
    }

    @Test("every key of the §5 shape is present at every level, with the right types")
    func schema() throws {
        let directory = try TemporaryDirectory()
        try directory.write("short.json", Fixtures.short)
        let result = try CLIRun.run(["compare", "short.json", "--runs", "3", "--format", "json"], in: directory.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        // The schema has no booleans, so every NSNumber below is a JSON number.
        #expect(!result.stdout.contains(": true") && !result.stdout.contains(": false"))
        let root = try Self.object(try CLIRun.jsonObject(result.stdout), "$", keys: ["tool", "version", "scenarios"])
        #expect(root["tool"] as? String == "splitsim")
        #expect(root["version"] as? String == "0.1.0")
        let scenarios = try #require(root["scenarios"] as? [Any])
        #expect(scenarios.count == 1)
        let scenario = try Self.object(
            scenarios.first, "scenarios[0]", keys: ["name", "file", "runs", "seed", "strategies"])
        #expect(scenario["name"] as? String == "e2e short")
        #expect(scenario["file"] as? String == "short.json")
        #expect((scenario["runs"] as? NSNumber)?.intValue == 3)
        #expect(scenario["seed"] != nil)
        let strategies = try #require(scenario["strategies"] as? [Any])
        try #require(strategies.count == 4)

        let kinds = ["service-split", "replicaset-split", "blue-green", "rolling-update"]
        for (index, item) in strategies.enumerated() {
            let path = "strategies[\(index)]"
            let strategy = try Self.object(
                item, path,
                keys: [
                    "name", "kind", "outcome", "granularity", "exposure", "cost", "durationSeconds", "consistency",
                ])
            #expect(strategy["name"] as? String == Fixtures.strategyNames[index], "\(path).name")
            #expect(strategy["kind"] as? String == kinds[index], "\(path).kind")

            let outcome = try Self.object(
                strategy["outcome"], "\(path).outcome", keys: ["promoted", "aborted", "incomplete"])
            let fractions = ["promoted", "aborted", "incomplete"].compactMap {
                Self.fraction(outcome[$0], "\(path).outcome.\($0)")
            }
            #expect(fractions.count == 3)
            #expect(abs(fractions.reduce(0, +) - 1) < 1e-9, "\(path).outcome sums to \(fractions.reduce(0, +))")
            // With 3 runs every fraction is a multiple of 1/3.
            #expect(fractions.allSatisfy { abs($0 * 3 - ($0 * 3).rounded()) < 1e-3 }, "\(path).outcome \(fractions)")

            let granularity = try Self.object(
                strategy["granularity"], "\(path).granularity", keys: ["minCandidateShare", "steps"])
            let minShare = Self.fraction(granularity["minCandidateShare"], "\(path).granularity.minCandidateShare")
            #expect(minShare.map { $0 > 0 } == true)
            let steps = try #require(granularity["steps"] as? [Any], "\(path).granularity.steps")
            for (stepIndex, stepItem) in steps.enumerated() {
                let stepPath = "\(path).granularity.steps[\(stepIndex)]"
                let step = try Self.object(stepItem, stepPath, keys: ["requested", "effective", "realized"])
                _ = Self.fraction(step["requested"], "\(stepPath).requested")
                _ = Self.fraction(step["effective"], "\(stepPath).effective")
                Self.checkStats(step["realized"], "\(stepPath).realized")
            }

            let exposureStats = [
                "candidateUserRequests", "failedUserRequests", "usersExposed", "usersFailed",
                "detectionSeconds", "rollbackSeconds", "smokeRequests",
            ]
            let exposure = try Self.object(
                strategy["exposure"], "\(path).exposure", keys: Set(exposureStats + ["escaped"]))
            for key in exposureStats { Self.checkStats(exposure[key], "\(path).exposure.\(key)") }
            _ = Self.fraction(exposure["escaped"], "\(path).exposure.escaped")

            let costStats = ["podSeconds", "extraPodSeconds", "peakPods", "money", "underCapacitySeconds"]
            let cost = try Self.object(strategy["cost"], "\(path).cost", keys: Set(costStats))
            for key in costStats { Self.checkStats(cost[key], "\(path).cost.\(key)") }

            Self.checkStats(strategy["durationSeconds"], "\(path).durationSeconds")
            let consistency = try Self.object(strategy["consistency"], "\(path).consistency", keys: ["usersSawBoth"])
            Self.checkStats(consistency["usersSawBoth"], "\(path).consistency.usersSawBoth")
        }

        // Facts of the fixture: the ingress canary has 5 % then 50 %, its finest share is 1/100;
        // the basic canary's step is 25 % of 4 replicas; blue-green moves everything at once.
        let ingress = try #require(strategies[0] as? [String: Any])
        let ingressGranularity = try #require(ingress["granularity"] as? [String: Any])
        #expect((ingressGranularity["minCandidateShare"] as? NSNumber)?.doubleValue == 0.01)
        let ingressSteps = try #require(ingressGranularity["steps"] as? [[String: Any]])
        #expect(ingressSteps.map { ($0["requested"] as? NSNumber)?.doubleValue } == [0.05, 0.5])
        #expect(ingressSteps.map { ($0["effective"] as? NSNumber)?.doubleValue } == [0.05, 0.5])
        let blueGreen = try #require(strategies[2] as? [String: Any])
        let blueGreenGranularity = try #require(blueGreen["granularity"] as? [String: Any])
        #expect((blueGreenGranularity["minCandidateShare"] as? NSNumber)?.doubleValue == 1)
        // The candidate is faulty and monitored: blue-green's switch sends it all traffic before
        // the analysis can stop it, so it escapes in every run.
        let blueGreenExposure = try #require(blueGreen["exposure"] as? [String: Any])
        #expect((blueGreenExposure["escaped"] as? NSNumber)?.doubleValue == 1)
        let ingressExposure = try #require(ingress["exposure"] as? [String: Any])
        #expect((ingressExposure["escaped"] as? NSNumber)?.doubleValue == 0)
        let ingressCost = try #require(ingress["cost"] as? [String: Any])
        let peak = try #require(ingressCost["peakPods"] as? [String: Any])
        #expect((peak["max"] as? NSNumber)?.doubleValue == 5, "4 stable + 1 canary replica")
    }

    @Test("seed is a JSON number (\"seed\": 7), not a string")
    func seedIsNumber() throws {
        let directory = try TemporaryDirectory()
        try directory.write("short.json", Fixtures.short)
        let result = try CLIRun.run(
            ["compare", "short.json", "--runs", "1", "--strategy", "rolling", "--format", "json"],
            in: directory.url)
        let scenario = try #require((try CLIRun.jsonObject(result.stdout)["scenarios"] as? [[String: Any]])?.first)
        #expect((scenario["seed"] as? NSNumber)?.intValue == 3)
        #expect(!(scenario["seed"] is String))
    }

    @Test("a STATS figure that no run produced is null: no detection for a healthy release")
    func nullStats() throws {
        let directory = try TemporaryDirectory()
        try directory.write("healthy.json", Fixtures.healthyPauses)
        let result = try CLIRun.run(
            ["compare", "healthy.json", "--runs", "2", "--format", "json", "--strategy", "routed"],
            in: directory.url)
        #expect(result.status == 0, "\(result)")
        let scenario = try #require((try CLIRun.jsonObject(result.stdout)["scenarios"] as? [[String: Any]])?.first)
        let strategies = try #require(scenario["strategies"] as? [[String: Any]])
        #expect(strategies.map { $0["name"] as? String } == ["routed"])
        let exposure = try #require(strategies.first?["exposure"] as? [String: Any])
        #expect(exposure["detectionSeconds"] is NSNull, "\(String(describing: exposure["detectionSeconds"]))")
        #expect(exposure["rollbackSeconds"] is NSNull)
        let outcome = try #require(strategies.first?["outcome"] as? [String: Any])
        #expect((outcome["promoted"] as? NSNumber)?.doubleValue == 1)
    }
}
