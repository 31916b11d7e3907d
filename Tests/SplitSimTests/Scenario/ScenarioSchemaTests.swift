import Foundation
import Testing

@testable import SplitSim

/// Checks that `scenarios/scenario.schema.json` describes exactly what the decoder accepts.
@Suite("Scenario schema")
struct ScenarioSchemaTests {
    /// The schema, parsed with the scenario JSON parser.
    private static func schema() throws -> JSONNode {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Scenario
            .deletingLastPathComponent()  // SplitSimTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("scenarios/scenario.schema.json"))
        return try JSONNode(parsing: String(decoding: data, as: UTF8.self))
    }

    private static func definitions() throws -> [JSONMember] {
        try #require(schema()["$defs"]?.members)
    }

    private func keys(of definition: JSONNode?) -> [String] {
        (definition?["properties"]?.members?.map(\.key) ?? []).sorted()
    }

    private func string(_ node: JSONNode?) -> String? {
        if case .string(let text)? = node?.value { return text }
        return nil
    }

    @Test func declaresDraft2020AndAnID() throws {
        let schema = try Self.schema()
        #expect(string(schema["$schema"]) == "https://json-schema.org/draft/2020-12/schema")
        #expect(string(schema["$id"]) != nil)
    }

    @Test(arguments: ScenarioObject.allCases)
    func definitionMatchesDecoderKeys(_ object: ScenarioObject) throws {
        let schema = try Self.schema()
        let definition = object == .scenario ? schema : schema["$defs"]?[object.rawValue]
        #expect(definition != nil, "no $defs entry \(object.rawValue)")
        #expect(keys(of: definition) == object.keys.sorted(), "keys of \(object.rawValue)")
        #expect(definition?["additionalProperties"]?.value == .bool(false), "\(object.rawValue) allows unknown keys")
    }

    @Test(arguments: StrategyRegistry.standard.names)
    func kindDefinitionMatchesTheKindsKeys(_ name: String) throws {
        let kind = try #require(StrategyRegistry.standard.kind(named: name))
        let definition = try Self.schema()["$defs"]?[kind.schemaDefinition]
        #expect(definition != nil, "no $defs entry \(kind.schemaDefinition)")
        #expect(keys(of: definition) == (ScenarioObject.commonStrategyKeys + kind.keys).sorted())
        #expect(definition?["additionalProperties"]?.value == .bool(false), "\(name) allows unknown keys")
    }

    @Test func everyObjectDefinitionIsKnownToTheDecoder() throws {
        let known = Set(
            ScenarioObject.allCases.map(\.rawValue) + StrategyRegistry.standard.kinds.map { $0.schemaDefinition })
        for definition in try Self.definitions() where definition.value["properties"] != nil {
            // The strategy definition only dispatches on kind to a kind's definition.
            if definition.key == "strategy" { continue }
            #expect(known.contains(definition.key), "$defs.\(definition.key) has properties the decoder does not know")
        }
    }

    @Test func strategyDispatchesOnEveryKind() throws {
        let schema = try Self.schema()
        let strategy = try #require(schema["$defs"]?["strategy"])
        let kinds = strategy["properties"]?["kind"]?["enum"]?.elements?.compactMap { string($0) }
        #expect(kinds == StrategyRegistry.standard.names)
        var dispatched: [String: String] = [:]
        for rule in strategy["allOf"]?.elements ?? [] {
            if let kind = string(rule["if"]?["properties"]?["kind"]?["const"]),
                let target = string(rule["then"]?["$ref"])
            {
                dispatched[kind] = target
            }
        }
        for kind in StrategyRegistry.standard.kinds {
            #expect(dispatched[kind.kindName] == "#/$defs/\(kind.schemaDefinition)")
            #expect(string(schema["$defs"]?[kind.schemaDefinition]?["properties"]?["kind"]?["const"]) == kind.kindName)
        }
    }

    @Test(arguments: StrategyRegistry.standard.names)
    func stepShapesMatchEachKind(_ name: String) throws {
        let kind = try #require(StrategyRegistry.standard.kind(named: name))
        let schema = try Self.schema()
        let definition = kind.schemaDefinition
        let union = schema["$defs"]?["\(definition)Step"]
        guard !kind.stepKeys.isEmpty else {
            #expect(union == nil)
            #expect(schema["$defs"]?[definition]?["properties"]?["steps"] == nil)
            return
        }
        #expect(
            string(schema["$defs"]?[definition]?["properties"]?["steps"]?["items"]?["$ref"])
                == "#/$defs/\(definition)Step")
        var stepKeys: [String] = []
        for alternative in union?["oneOf"]?.elements ?? [] {
            let name = try #require(string(alternative["$ref"])?.replacingOccurrences(of: "#/$defs/", with: ""))
            stepKeys += keys(of: schema["$defs"]?[name])
        }
        #expect(stepKeys.sorted() == kind.stepKeys.sorted())
    }

    /// The schema's `default` of `key` in definition `definition` (the top level for `scenario`).
    private func defaultValue(_ definition: String, _ key: String) throws -> JSONValue? {
        let schema = try Self.schema()
        let object = definition == "scenario" ? schema : schema["$defs"]?[definition]
        return object?["properties"]?[key]?["default"]?.value
    }

    private func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return number.value }
        return nil
    }

    private func duration(_ value: JSONValue?) -> SimDuration? {
        if case .string(let text)? = value { return SimDuration(parsing: text) }
        return nil
    }

    @Test func defaultsMatchTheModel() throws {
        #expect(number(try defaultValue("scenario", "seed")) == Double(Scenario.defaultSeed))
        #expect(number(try defaultValue("scenario", "runs")) == Double(Scenario.defaultRuns))
        #expect(duration(try defaultValue("scenario", "duration")) == Scenario.defaultDuration)
        #expect(number(try defaultValue("traffic", "users")) == Double(TrafficSpec.defaultUsers))
        #expect(
            number(try defaultValue("traffic", "requestsPerConnection")) == TrafficSpec.defaultRequestsPerConnection)
        #expect(duration(try defaultValue("cluster", "podStartup")) == ClusterSpec.defaultPodStartup)
        #expect(duration(try defaultValue("cluster", "podShutdown")) == ClusterSpec.defaultPodShutdown)
        #expect(duration(try defaultValue("analysis", "interval")) == AnalysisSpec.defaultInterval)
        #expect(number(try defaultValue("analysis", "maxErrorRate")) == AnalysisSpec.defaultMaxErrorRate)
        #expect(number(try defaultValue("analysis", "minRequests")) == Double(AnalysisSpec.defaultMinRequests))
        #expect(number(try defaultValue("smokeTest", "requests")) == Double(SmokeTestSpec.defaultRequests))
        #expect(number(try defaultValue("smokeTest", "rps")) == SmokeTestSpec.defaultRps)
        #expect(duration(try defaultValue("serviceSplit", "scaleDownDelay")) == ServiceSplitSpec.defaultScaleDownDelay)
        #expect(
            duration(try defaultValue("serviceSplit", "abortScaleDownDelay"))
                == ServiceSplitSpec.defaultAbortScaleDownDelay)
        #expect(duration(try defaultValue("blueGreen", "scaleDownDelay")) == BlueGreenSpec.defaultScaleDownDelay)
        let schema = try Self.schema()
        #expect(schema["$defs"]?["maxSurge"]?["default"]?.value == .string("25%"))
        #expect(schema["$defs"]?["maxUnavailable"]?["default"]?.value == .string("25%"))
    }
}
