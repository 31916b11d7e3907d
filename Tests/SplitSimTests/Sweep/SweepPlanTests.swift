import Testing

@testable import SplitSim

/// The pieces of a sweep plan: paths as users write them, setting a value deep in a
/// scenario, `--vary` parsing, the point order and the plan's fingerprint.
@Suite struct SweepPlanTests {
    @Test(arguments: [
        ("analysis.interval", [JSONPath.Component.key("analysis"), .key("interval")]),
        (
            "strategies[1].steps[0].setWeight",
            [.key("strategies"), .index(1), .key("steps"), .index(0), .key("setWeight")]
        ),
        (#"traffic.headers["x-canary"]"#, [.key("traffic"), .key("headers"), .key("x-canary")]),
        ("runs", [.key("runs")]),
    ])
    func pathsParseAsWritten(text: String, components: [JSONPath.Component]) {
        #expect(JSONPath(parsing: text) == JSONPath(components))
    }

    @Test(arguments: ["", ".a", "a.", "a..b", "a[", "a[x]", "a[-1]", "[0]x", "a]b"])
    func malformedPathsAreRejected(text: String) {
        #expect(JSONPath(parsing: text) == nil)
    }

    @Test func settingAddsMissingMembersAndReplacesExistingOnes() throws {
        let root = try JSONNode(parsing: #"{"a": {"b": 1}, "list": [{"x": 1}, {"x": 2}]}"#)
        let one = JSONNode(.number(JSONNumber(7)), at: SourcePosition(line: 1, column: 1))
        let changed = try root.setting(one, at: #require(JSONPath(parsing: "a.b")))
        #expect(changed["a"]?["b"]?.value == .number(JSONNumber(7)))
        let added = try root.setting(one, at: #require(JSONPath(parsing: "a.c.d")))
        #expect(added["a"]?["c"]?["d"]?.value == .number(JSONNumber(7)))
        #expect(added["a"]?["b"]?.value == .number(JSONNumber(1)))
        let element = try root.setting(one, at: #require(JSONPath(parsing: "list[1].x")))
        #expect(element["list"]?.elements?[1]["x"]?.value == .number(JSONNumber(7)))
        #expect(throws: SweepError.badVary("list[2]: list has 2 elements; expected an index below 2")) {
            try root.setting(one, at: #require(JSONPath(parsing: "list[2].x")))
        }
        #expect(throws: SweepError.badVary("a.b is a number, not an object; cannot set a member in it")) {
            try root.setting(one, at: #require(JSONPath(parsing: "a.b.c")))
        }
        #expect(throws: SweepError.badVary("a is an object, not an array; cannot set an element in it")) {
            try root.setting(one, at: #require(JSONPath(parsing: "a[0]")))
        }
    }

    @Test func valuesAreJSONWhenTheyParseAndStringsOtherwise() {
        #expect(SweepAxis.node(for: "0.05").value == .number(JSONNumber(literal: "0.05", value: 0.05)))
        #expect(SweepAxis.node(for: "true").value == .bool(true))
        #expect(SweepAxis.node(for: #""5""#).value == .string("5"))
        #expect(SweepAxis.node(for: "1m").value == .string("1m"))
        #expect(SweepAxis.node(for: "ingress-nginx").value == .string("ingress-nginx"))
    }

    @Test func varyRejectsWhatItCannotUse() {
        #expect(throws: SweepError.badVary("--vary runs: expected PATH=V1,V2,... such as analysis.interval=30s,1m")) {
            try SweepAxis(parsing: "runs")
        }
        #expect(throws: SweepError.badVary("--vary runs=2,2: 2 is given twice; expected distinct values")) {
            try SweepAxis(parsing: "runs=2,2")
        }
        #expect(
            throws: SweepError.badVary(
                "--vary =1: the path is empty; expected keys and [index] such as strategies[1].steps[0].setWeight")
        ) { try SweepAxis(parsing: "=1") }
    }

    private static let scenario = """
        {"name": "s", "runs": 2, "duration": "5m", "traffic": {"rps": 10, "users": 100},
         "cluster": {"replicas": 2}, "strategies": [{"name": "r", "kind": "rolling-update"}]}
        """

    @Test func pointsRunLastAxisFastestAndSetTheirValues() throws {
        let plan = try SweepPlan(
            file: "s.json", scenarioText: Self.scenario,
            axes: [try SweepAxis(parsing: "cluster.replicas=2,4"), try SweepAxis(parsing: "traffic.rps=10,20,40")])
        #expect(plan.count == 6)
        #expect((0..<6).map { plan.point($0).id } == ["p0000", "p0001", "p0002", "p0003", "p0004", "p0005"])
        #expect(plan.point(4).vary.map(\.value) == ["4", "20"])
        let scenario = try plan.scenario(for: plan.point(4))
        #expect(scenario.cluster.replicas == 4)
        #expect(scenario.traffic.rates.map(\.rps) == [20])
        #expect(SweepPoint.id(12_345) == "p12345")
    }

    @Test func theFingerprintDependsOnTheScenarioAndTheAxesOnly() throws {
        let axes = [try SweepAxis(parsing: "traffic.rps=10,20")]
        let one = try SweepPlan(file: "a.json", scenarioText: Self.scenario, axes: axes)
        let same = try SweepPlan(file: "elsewhere/a.json", scenarioText: Self.scenario, axes: axes)
        let other = try SweepPlan(
            file: "a.json", scenarioText: Self.scenario, axes: [try SweepAxis(parsing: "traffic.rps=10,30")])
        #expect(one.fingerprint == same.fingerprint)
        #expect(one.fingerprint != other.fingerprint)
        #expect(one.fingerprint.count == 16)
    }

    @Test func aPlanIsBounded() throws {
        let many = try SweepAxis(parsing: "seed=" + (1...1_000).map(String.init).joined(separator: ","))
        #expect(throws: SweepError.tooManyPoints(1_000_000, limit: SweepPlan.pointLimit)) {
            try SweepPlan(file: "s.json", scenarioText: Self.scenario, axes: [many, many])
        }
    }
}
