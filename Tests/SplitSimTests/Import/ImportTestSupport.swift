import Testing

@testable import SplitSim

/// Imports manifest texts and compares the trees they make with expected JSON.
enum ImportTestSupport {
    /// Imports `files` (name and text) with `options`.
    static func run(_ files: [(String, String)], options: ImportOptions = ImportOptions()) throws -> ManifestImport {
        var manifests = ManifestSet()
        for (name, text) in files { try manifests.add(text: text, file: name) }
        return try ManifestImport(manifests, options: options)
    }

    /// Imports one YAML file, `name`, with `options`.
    static func run(_ text: String, name: String = "m.yaml", options: ImportOptions = ImportOptions()) throws
        -> ManifestImport
    {
        try run([(name, text)], options: options)
    }

    /// The imported scenario's strategies.
    static func strategies(of result: ManifestImport) throws -> [JSONNode] {
        try #require(result.scenario["strategies"]?.elements)
    }

    /// The error importing `files` throws, as its lines; empty when it succeeds.
    static func errorLines(_ files: [(String, String)], options: ImportOptions = ImportOptions()) -> [String] {
        var manifests = ManifestSet()
        do {
            for (name, text) in files { try manifests.add(text: text, file: name) }
            _ = try ManifestImport(manifests, options: options)
            return []
        } catch {
            return error.lines
        }
    }

    /// The base scenario's tree for `text`, after checking that it is a valid scenario.
    static func base(_ text: String) throws -> ImportOptions {
        _ = try Scenario(decoding: text, file: "base.json")
        return ImportOptions(base: try JSONNode(parsing: text), baseFile: "base.json")
    }

    /// `node` as compact JSON: keys in tree order, numbers by their literal, no positions.
    static func compact(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let number): return number.literal
        case .string(let text): return JSONPath.quoted(text)
        case .array(let elements): return "[" + elements.map(compact).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONPath.quoted($0.key) + ":" + compact($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// `node` with every position set to 1:1, so that trees compare by value alone.
    static func withoutPositions(_ node: JSONNode) -> JSONNode {
        let origin = SourcePosition(line: 1, column: 1)
        switch node.value {
        case .array(let elements):
            return JSONNode(.array(elements.map(withoutPositions)), at: origin)
        case .object(let members):
            return JSONNode(
                .object(
                    members.map { JSONMember(key: $0.key, keyPosition: origin, value: withoutPositions($0.value)) }),
                at: origin)
        case .null, .bool, .number, .string:
            return JSONNode(node.value, at: origin)
        }
    }

    /// Expects `actual` to be the tree the JSON text `expected` describes, number literals
    /// included.
    static func expect(
        _ actual: JSONNode?, is expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let expectedTree = try JSONNode(parsing: expected)
        let actualTree = try #require(actual, sourceLocation: sourceLocation)
        #expect(
            withoutPositions(actualTree) == withoutPositions(expectedTree),
            "got \(compact(actualTree))\nexpected \(compact(expectedTree))", sourceLocation: sourceLocation)
    }

    /// The notes of `kind`, rendered.
    static func notes(_ result: ManifestImport, _ kind: ImportNote.Kind) -> [String] {
        result.notes.filter { $0.kind == kind }.map(\.description)
    }

    /// A minimal valid base scenario.
    static let baseScenario = """
        {"name": "base", "seed": 3, "runs": 4, "duration": "30m",
         "traffic": {"rps": 50, "users": 500},
         "cluster": {"replicas": 4, "podStartup": "10s"},
         "versions": {"candidate": {"fault": {"errorRate": 0.5}}},
         "analysis": {"maxErrorRate": 0.02, "minRequests": 20, "noData": "inconclusive", "afterPromotion": "5m",
                      "metric": {"scrapeInterval": "15s", "window": "2m"}},
         "strategies": [{"name": "x", "kind": "rolling-update"}]}
        """
}
