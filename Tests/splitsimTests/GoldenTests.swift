import Foundation
import SplitSim
import Testing

/// Every example's output, pinned byte for byte.
///
/// A change that moves a number must be meant: rerun with `SPLITSIM_UPDATE_GOLDENS=1 swift test
/// --filter Golden` to rewrite the files under `Tests/splitsimTests/Golden/`, and say in the
/// commit message why the numbers moved.
@Suite("golden outputs")
struct GoldenTests {
    /// One pinned command: its arguments and the golden file it must reproduce.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let golden: String

        var testDescription: String { golden }
    }

    /// The examples with the runs their goldens use: the scenario's own where a debug build runs
    /// them in a few seconds, fewer where it would not.
    static let examples: [(file: String, runs: Int?)] = [
        ("argo-setweight-70-two-pods", nil),
        ("argo-vs-flagger", 4),
        ("blue-green-post-promotion-analysis", 4),
        ("blue-green-vs-canary-cost", 2),
        ("gateway-smoke-test", 4),
        ("high-traffic-sub-percent", 4),
        ("ingress-weights-vs-pod-ratios", nil),
        ("long-lived-connections", 3),
        ("long-lived-connections-max-age", 3),
        ("low-traffic-canary-no-data", 4),
        ("single-replica", nil),
        ("sweep-fault-size", 4),
    ]

    static let formats = ["json", "markdown", "csv"]

    /// The strategies of the built-in default scenario, each traced once.
    static let defaultStrategies = try! BuiltInScenario.load().strategies.map(\.name)

    static let cases: [Case] = {
        var cases: [Case] = []
        for (file, runs) in examples {
            let runOptions = runs.map { ["--runs", String($0)] } ?? []
            for format in formats {
                cases.append(
                    Case(
                        arguments: ["compare", "scenarios/\(file).json", "--format", format] + runOptions,
                        golden: "compare-\(file).\(format)"))
            }
        }
        for format in formats {
            cases.append(
                Case(arguments: ["compare", "--format", format, "--runs", "4"], golden: "compare-default.\(format)"))
        }
        for (index, strategy) in defaultStrategies.enumerated() {
            cases.append(
                Case(
                    arguments: [
                        "trace", BuiltInScenario.file, "--strategy", strategy, "--format", "json",
                    ],
                    golden: "trace-default-\(index + 1).json"))
        }
        return cases
    }()

    static let directory = CLIRun.packageRoot.appendingPathComponent("Tests/splitsimTests/Golden")
    static let updating = ProcessInfo.processInfo.environment["SPLITSIM_UPDATE_GOLDENS"] == "1"

    @Test("output equals the golden file", arguments: cases)
    func matchesGolden(_ pinned: Case) throws {
        let result = try CLIRun.run(pinned.arguments, timeout: 120)
        #expect(result.status == 0, "\(result)")
        let file = Self.directory.appendingPathComponent(pinned.golden)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file, options: .atomic)
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self) },
            "no golden file \(pinned.golden); run with SPLITSIM_UPDATE_GOLDENS=1 to create it")
        if result.stdout != expected {
            Issue.record(
                """
                splitsim \(pinned.arguments.joined(separator: " ")) differs from \(pinned.golden):
                \(Self.difference(expected: expected, actual: result.stdout))
                If the change is meant, rerun with SPLITSIM_UPDATE_GOLDENS=1 and say why in the commit message.
                """)
        }
    }

    @Test("every example scenario has goldens")
    func everyExampleIsPinned() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLIRun.scenariosDirectory.path)
        let scenarios = files.filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }
            .map { String($0.dropLast(".json".count)) }
        #expect(Set(scenarios) == Set(Self.examples.map(\.file)))
    }

    /// The first lines where the two texts part, with a little context: `-` expected, `+` actual.
    static func difference(expected: String, actual: String) -> String {
        let old = CLIResult.lines(expected)
        let new = CLIResult.lines(actual)
        var first = 0
        while first < old.count && first < new.count && old[first] == new[first] { first += 1 }
        let start = max(0, first - 2)
        var lines: [String] = ["@@ line \(first + 1) (expected \(old.count) lines, got \(new.count))"]
        for index in start..<first { lines.append("  \(old[index])") }
        for index in first..<min(old.count, first + 8) { lines.append("- \(old[index])") }
        for index in first..<min(new.count, first + 8) { lines.append("+ \(new[index])") }
        return lines.joined(separator: "\n")
    }
}
