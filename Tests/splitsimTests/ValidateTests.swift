import Foundation
import Testing

/// One broken scenario: the edit that breaks it and what its single error line must contain.
struct BrokenScenario: Sendable, CustomTestStringConvertible {
    let label: String
    let old: String
    let new: String
    /// The JSON path the line must name, after `FILE: `.
    let path: String
    /// Fragments the message must contain.
    let fragments: [String]

    var testDescription: String { label }

    static let all: [BrokenScenario] = [
        BrokenScenario(
            label: "wrong type", old: #""runs": 5,"#, new: #""runs": "five","#,
            path: "runs", fragments: ["string", "integer"]),
        BrokenScenario(
            label: "unknown key", old: #""podHourlyCost": 0.1"#, new: #""podHourlyCots": 0.1"#,
            path: "cluster.podHourlyCots", fragments: ["unknown key", #"did you mean "podHourlyCost"?"#]),
        BrokenScenario(
            label: "setWeight out of range", old: #"[{"setWeight": 5}, "#, new: #"[{"setWeight": 140}, "#,
            path: "strategies[0].steps[0].setWeight", fragments: ["140", "0...100"]),
        BrokenScenario(
            label: "maxSurge and maxUnavailable 0", old: #""maxSurge": 1, "maxUnavailable": 0"#,
            new: #""maxSurge": 0, "maxUnavailable": 0"#,
            path: "strategies[1]", fragments: ["maxSurge", "maxUnavailable", "0"]),
        BrokenScenario(
            label: "setReplicas in a service-split", old: #"[{"setWeight": 5}, "#, new: #"[{"setReplicas": 1}, "#,
            path: "strategies[0].steps[0].setReplicas", fragments: ["deployment-split"]),
        BrokenScenario(
            label: "pause without duration", old: #"[{"setWeight": 25}, {"pause": "3m"}]"#,
            new: #"[{"setWeight": 25}, {"pause": {}}]"#,
            path: "strategies[1].steps[1].pause", fragments: ["duration"]),
        BrokenScenario(
            label: "duplicate strategy names", old: #""name": "rolling""#, new: #""name": "blue-green""#,
            path: "strategies[3].name", fragments: ["blue-green", "strategies[2]", "unique"]),
        BrokenScenario(
            label: "non-increasing profile", old: #""rps": 20,"#,
            new: #""profile": [{"at": "0s", "rps": 10}, {"at": "10m", "rps": 20}, {"at": "5m", "rps": 30}],"#,
            path: "traffic.profile[2].at", fragments: ["10m", "increasing"]),
    ]
}

@Suite("validate")
struct ValidateTests {
    @Test("every example scenario validates; the schema is skipped")
    func examplesValidate() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLIRun.scenariosDirectory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.contains("scenario.schema.json"))
        #expect(names.count >= 8)
        let result = try CLIRun.run(["validate"] + names, in: CLIRun.scenariosDirectory)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines.count == names.count, "\(result)")
        for name in names {
            let line = result.stdoutLines.first { $0.hasPrefix(name + ": ") }
            if name == "scenario.schema.json" {
                #expect(line?.hasPrefix("scenario.schema.json: skipped") == true, "\(result)")
            } else {
                let pattern = try Regex(#"^\S+\.json: ok \([1-9][0-9]* strateg(y|ies)\)$"#)
                #expect(line.map { $0.wholeMatch(of: pattern) != nil } == true, "\(name): \(result)")
            }
        }
    }

    @Test("validating the scenarios directory gives the same verdicts")
    func directoryValidates() throws {
        let result = try CLIRun.run(["validate", "scenarios/"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLIRun.scenariosDirectory.path)
            .filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }
        #expect(examples.count >= 8)
        #expect(result.stdoutLines.count == examples.count, "\(result)")
        #expect(result.stdoutLines.allSatisfy { $0.hasPrefix("scenarios/") && $0.contains(": ok (") }, "\(result)")
    }

    @Test("a broken scenario gives exit 65 and one FILE: path: message line", arguments: BrokenScenario.all)
    func brokenScenario(_ broken: BrokenScenario) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("broken.json", try Fixtures.short(replacing: broken.old, with: broken.new))
        let result = try CLIRun.run(["validate", file])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        let lines = result.problemLines
        #expect(lines.count == 1, "\(result)")
        let prefix = "\(file): \(broken.path): "
        let line = try #require(lines.first)
        #expect(line.hasPrefix(prefix), "expected the prefix \"\(prefix)\": \(result)")
        #expect(line.count > prefix.count + 5, "\(result)")
        for fragment in broken.fragments {
            #expect(line.contains(fragment), "expected \"\(fragment)\" in: \(line)")
        }
    }

    @Test("an empty strategy list is invalid")
    func emptyStrategies() throws {
        let directory = try TemporaryDirectory()
        let text = try Fixtures.replace(
            in: Fixtures.short,
            String(Fixtures.short[Fixtures.short.range(of: #""strategies": ["#)!.lowerBound...]),
            with: "\"strategies\": []\n}\n")
        let file = try directory.write("empty.json", text)
        let result = try CLIRun.run(["validate", file])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.problemLines.count == 1, "\(result)")
        #expect(result.problemLines.first?.hasPrefix("\(file): strategies: ") == true, "\(result)")
    }

    @Test("malformed JSON is reported with its line and column")
    func malformedJSON() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("malformed.json", "{\n  \"name\": \"x\",\n  \"runs\": 3,,\n}\n")
        let result = try CLIRun.run(["validate", file])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.problemLines.count == 1, "\(result)")
        #expect(result.problemLines.first?.hasPrefix("\(file):3:13: malformed JSON: ") == true, "\(result)")
    }

    @Test("three problems give three lines; a valid file beside them still prints ok on stdout")
    func threeProblems() throws {
        let directory = try TemporaryDirectory()
        var text = try Fixtures.short(replacing: #""runs": 5,"#, with: #""runs": -1,"#)
        text = try Fixtures.replace(in: text, #""replicas": 4,"#, with: #""replicas": 4, "replicaz": 3,"#)
        text = try Fixtures.replace(in: text, #"[{"setWeight": 5}, "#, with: #"[{"setWeight": 101}, "#)
        let bad = try directory.write("three.json", text)
        let good = try directory.write("good.json", Fixtures.short)
        let result = try CLIRun.run(["validate", good, bad])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdoutLines == ["\(good): ok (4 strategies)"], "\(result)")
        let lines = result.problemLines
        #expect(lines.count == 3, "\(result)")
        #expect(lines.allSatisfy { $0.hasPrefix(bad + ": ") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("\(bad): runs: ") }, "\(result)")
        #expect(
            lines.contains { $0.hasPrefix("\(bad): cluster.replicaz: ") && $0.contains(#"did you mean "replicas"?"#) },
            "\(result)")
        #expect(lines.contains { $0.hasPrefix("\(bad): strategies[0].steps[0].setWeight: ") }, "\(result)")
    }

    @Test("stderr holds only problem lines, no blank line")
    func noBlankLine() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bad.json", try Fixtures.short(replacing: #""runs": 5,"#, with: #""runs": 0,"#))
        let result = try CLIRun.run(["validate", file])
        #expect(result.status == 65)
        #expect(!result.stderrLines.contains(""), "\(result)")
    }

    @Test("a missing file exits 66")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let result = try CLIRun.run(["validate", directory.path("nothere.json")])
        #expect(result.status == 66, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.problemLines.first?.contains(directory.path("nothere.json")) == true, "\(result)")
    }

    @Test("missing and invalid files together: 66 wins and the invalid file is still reported")
    func missingBesideInvalid() throws {
        let directory = try TemporaryDirectory()
        let bad = try directory.write("bad.json", try Fixtures.short(replacing: #""runs": 5,"#, with: #""runs": 0,"#))
        let result = try CLIRun.run(["validate", bad, directory.path("nothere.json")])
        #expect(result.status == 66, "\(result)")
        #expect(result.problemLines.contains { $0.hasPrefix("\(bad): runs: ") }, "\(result)")
    }

    @Test("validate with no file is a usage error")
    func noFile() throws {
        let result = try CLIRun.run(["validate"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.problemLines.count == 1, "\(result)")
    }
}
