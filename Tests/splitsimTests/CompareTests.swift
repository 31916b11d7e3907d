import Foundation
import SplitSim
import Testing

@Suite("compare")
struct CompareTests {
    /// Runs compare on the short fixture in a fresh temporary directory.
    static func compareShort(_ options: [String], fixture: String = Fixtures.short) throws -> (
        CLIResult, TemporaryDirectory
    ) {
        let directory = try TemporaryDirectory()
        try directory.write("short.json", fixture)
        return (try CLIRun.run(["compare", "short.json"] + options, in: directory.url), directory)
    }

    @Test(
        "the same command twice gives byte-identical output, in every format",
        arguments: ["table", "json", "csv"])
    func deterministic(_ format: String) throws {
        let (first, _) = try Self.compareShort(["--runs", "2", "--format", format])
        let (second, _) = try Self.compareShort(["--runs", "2", "--format", format])
        #expect(first.status == 0, "\(first)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test("--jobs 1 and --jobs 2 give byte-identical JSON; another seed changes it")
    func jobsAndSeed() throws {
        let (one, _) = try Self.compareShort(["--runs", "3", "--format", "json", "--jobs", "1"])
        let (two, _) = try Self.compareShort(["--runs", "3", "--format", "json", "--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one)\n\(two)")
        #expect(one.stdout == two.stdout)
        let (reseeded, _) = try Self.compareShort(["--runs", "3", "--format", "json", "--jobs", "2", "--seed", "4"])
        #expect(reseeded.status == 0)
        #expect(reseeded.stdout != one.stdout)
        let scenario = try #require((try CLIRun.jsonObject(reseeded.stdout)["scenarios"] as? [[String: Any]])?.first)
        #expect("\(scenario["seed"] ?? "")" == "4", "the report names the seed it used")
        // The scenario's own seed is 3: passing it explicitly changes nothing.
        let (explicit, _) = try Self.compareShort(["--runs", "3", "--format", "json", "--seed", "3"])
        #expect(explicit.stdout == one.stdout)
    }

    @Test("--runs overrides the scenario's runs")
    func runsOverride() throws {
        let (result, _) = try Self.compareShort(["--runs", "2", "--format", "json", "--strategy", "rolling"])
        let scenario = try #require((try CLIRun.jsonObject(result.stdout)["scenarios"] as? [[String: Any]])?.first)
        #expect((scenario["runs"] as? NSNumber)?.intValue == 2)
        let (table, _) = try Self.compareShort(["--runs", "2", "--strategy", "rolling"])
        #expect(table.stdout.contains("2 runs"), "\(table)")
    }

    @Test("--output writes the report to the file and nothing to stdout")
    func outputFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("short.json", Fixtures.short)
        let toFile = try CLIRun.run(
            ["compare", "short.json", "--runs", "2", "--format", "json", "--output", "report.json"],
            in: directory.url)
        #expect(toFile.status == 0, "\(toFile)")
        #expect(toFile.stdout.isEmpty, "\(toFile)")
        let toStdout = try CLIRun.run(["compare", "short.json", "--runs", "2", "--format", "json"], in: directory.url)
        #expect(directory.contents("report.json") == toStdout.stdout)

        // An existing report is replaced whole.
        try directory.write("old.txt", String(repeating: "old report\n", count: 10_000))
        let replaced = try CLIRun.run(
            ["compare", "short.json", "--runs", "2", "--format", "csv", "--output=old.txt"],
            in: directory.url)
        #expect(replaced.status == 0, "\(replaced)")
        #expect(directory.contents("old.txt")?.hasPrefix("scenario,") == true)
        #expect(directory.contents("old.txt")?.contains("old report") == false)
    }

    @Test("--output into a missing directory exits 73 and creates nothing")
    func outputMissingDirectory() throws {
        let (result, directory) = try Self.compareShort([
            "--runs", "1", "--strategy", "rolling", "--output", "nodir/out.txt",
        ])
        #expect(result.status == 73, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("nodir/out.txt"), "\(result)")
        #expect(!directory.exists("nodir"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["short.json"])
    }

    @Test("every format exits 0 and names every strategy", arguments: ["table", "markdown", "csv", "html", "json"])
    func formats(_ format: String) throws {
        let (result, _) = try Self.compareShort(["--runs", "2", "--format", format])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        for name in Fixtures.strategyNames {
            #expect(result.stdout.contains(name), "\(name) missing from \(format)")
        }
        switch format {
        case "html":
            #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
            #expect(result.stdout.contains("</html>"))
        case "markdown":
            #expect(result.stdout.contains("| strategy |"))
            #expect(result.stdoutLines.contains { $0.hasPrefix("|---") })
        case "table":
            #expect(result.stdoutLines.first == "e2e short")
        default:
            break
        }
    }

    @Test("the table is the default format")
    func defaultFormat() throws {
        let (implicit, _) = try Self.compareShort(["--runs", "2"])
        let (explicit, _) = try Self.compareShort(["--runs", "2", "--format", "table"])
        #expect(implicit.status == 0, "\(implicit)")
        #expect(implicit.stdout.contains("strategy") && implicit.stdout.contains("ingress 5/50"))
        #expect(implicit.stdout == explicit.stdout)
    }

    @Test("csv has a header row and one row per strategy, fields quoted where needed")
    func csvRows() throws {
        let odd = try Fixtures.short(replacing: #""name": "rolling""#, with: #""name": "roll, \"ing\"""#)
        let (result, _) = try Self.compareShort(["--runs", "2", "--format", "csv"], fixture: odd)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines
        #expect(lines.count == 5, "\(result)")
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        for column in [
            "scenario", "file", "runs", "seed", "strategy", "kind", "promoted", "aborted", "incomplete", "escaped",
        ] {
            #expect(header.contains(column), "\(column) missing from the header")
        }
        let strategyColumn = try #require(header.firstIndex(of: "strategy"))
        let names = lines.dropFirst().map { Self.csvFields($0) }.map {
            $0.count > strategyColumn ? $0[strategyColumn] : ""
        }
        #expect(names == ["ingress 5/50", "basic canary", "blue-green", #"roll, "ing""#])
        for line in lines.dropFirst() {
            #expect(Self.csvFields(line).count == header.count, "row width: \(line)")
        }
    }

    /// Splits one RFC 4180 line.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    @Test("html escapes names")
    func htmlEscapes() throws {
        let odd = try Fixtures.short(replacing: #""name": "rolling""#, with: #""name": "a <b> & c""#)
        let (result, _) = try Self.compareShort(
            ["--runs", "1", "--format", "html", "--strategy", "a <b> & c"], fixture: odd)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("a &lt;b&gt; &amp; c"))
        #expect(!result.stdout.contains("a <b> & c"))
    }

    @Test("--strategy keeps only the named strategies")
    func strategyFilter() throws {
        let (result, _) = try Self.compareShort([
            "--runs", "2", "--format", "json",
            "--strategy", "rolling", "--strategy", "basic canary",
        ])
        #expect(result.status == 0, "\(result)")
        let scenario = try #require((try CLIRun.jsonObject(result.stdout)["scenarios"] as? [[String: Any]])?.first)
        let names = try #require(scenario["strategies"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["rolling", "basic canary"])
        #expect(names.count == 2)

        // A filtered strategy's figures do not depend on which others run beside it.
        let (alone, _) = try Self.compareShort(["--runs", "2", "--format", "json", "--strategy", "rolling"])
        let aloneStrategy = try #require(
            ((try CLIRun.jsonObject(alone.stdout)["scenarios"] as? [[String: Any]])?.first?["strategies"]
                as? [[String: Any]])?.first)
        let pairStrategy = try #require(
            (scenario["strategies"] as? [[String: Any]])?.first { $0["name"] as? String == "rolling" })
        #expect(NSDictionary(dictionary: aloneStrategy).isEqual(to: pairStrategy))
    }

    @Test("an unknown strategy name exits 64 with a did-you-mean")
    func unknownStrategy() throws {
        let (result, _) = try Self.compareShort(["--runs", "1", "--strategy", "rollin"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("--strategy"))
        #expect(result.stderr.contains(#"did you mean "rolling"?"#), "\(result)")
    }

    @Test("an invalid scenario exits 65 without output; a missing one 66")
    func invalidAndMissing() throws {
        let broken = try Fixtures.short(replacing: #""runs": 5,"#, with: #""runs": 0,"#)
        let (invalid, _) = try Self.compareShort(["--runs", "1"], fixture: broken)
        #expect(invalid.status == 65, "\(invalid)")
        #expect(invalid.stdout.isEmpty)
        #expect(invalid.stderrLines.first?.hasPrefix("short.json: runs: ") == true, "\(invalid)")
        let missing = try CLIRun.run(["compare", "no-such-file.json"])
        #expect(missing.status == 66, "\(missing)")
        #expect(missing.stdout.isEmpty)
    }

    @Test("compare on the schema file alone is not a silent success")
    func schemaAlone() throws {
        let result = try CLIRun.run(["compare", "scenarios/scenario.schema.json", "--runs", "1"])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("JSON Schema"))
    }

    @Test("the built-in scenario text equals the example file it names")
    func builtInTextMatchesFile() throws {
        let file = try String(
            contentsOf: CLIRun.packageRoot.appendingPathComponent(BuiltInScenario.file), encoding: .utf8)
        #expect(BuiltInScenario.text + "\n" == file)
    }

    @Test("compare --estimate times one run per strategy and prints the estimate instead of the report")
    func estimate() throws {
        let result = try CLIRun.run(["compare", "--estimate", "--strategy", "second Deployment", "--runs", "3"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("scenarios/gateway-smoke-test.json: 3 runs, healthy twins included: about "))
        #expect(result.stdout.contains("total: about "))
        #expect(!result.stdout.contains("Exposure to the candidate"))
    }

    @Test("compare with no file runs the built-in scenario, the same as the gateway example file")
    func builtInRuns() throws {
        let options = ["--runs", "1", "--strategy", "gateway + smoke test", "--format", "json"]
        let builtIn = try CLIRun.run(["compare"] + options)
        #expect(builtIn.status == 0, "\(builtIn)")
        let scenario = try #require((try CLIRun.jsonObject(builtIn.stdout)["scenarios"] as? [[String: Any]])?.first)
        #expect(scenario["file"] as? String == "scenarios/gateway-smoke-test.json")
        #expect(scenario["name"] as? String == "checkout: gateway smoke test vs weighted canaries")
        let fromFile = try CLIRun.run(["compare", "scenarios/gateway-smoke-test.json"] + options)
        #expect(fromFile.status == 0, "\(fromFile)")
        #expect(fromFile.stdout == builtIn.stdout)
    }

    @Test("compare with no file names the gateway example in its table")
    func builtInTable() throws {
        let result = try CLIRun.run(
            ["compare", "--runs", "1", "--strategy", "second Deployment"],
            in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("scenarios/gateway-smoke-test.json"), "\(result)")
        #expect(result.stdout.contains("second Deployment"))
    }

    @Test("compare scenarios/ runs every example scenario")
    func exampleDirectory() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLIRun.scenariosDirectory.path)
            .filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }.sorted()
        // The cheapest strategy of each example, so that the whole directory runs in seconds.
        let cheap = [
            "basic canary 20/70", "routed canary 10/25/50", "second Deployment", "1 % first (default total)",
            "Argo basic canary setWeight 5", "second Deployment 1 of 10", "basic canary, no surge",
            "Argo 10..50, 1m steps", "routed canary 10/50", "unguarded query", "Argo canary 10/25/50",
        ]
        let options = cheap.flatMap { ["--strategy", $0] }
        let result = try CLIRun.run(
            ["compare", "scenarios/", "--runs", "1", "--jobs", "2", "--format", "json"] + options,
            timeout: 120)
        #expect(result.status == 0, "\(result)")
        let scenarios = try #require(try CLIRun.jsonObject(result.stdout)["scenarios"] as? [[String: Any]])
        #expect(scenarios.compactMap { $0["file"] as? String } == names.map { "scenarios/" + $0 })
        for scenario in scenarios {
            let strategies = try #require(scenario["strategies"] as? [[String: Any]])
            #expect(strategies.count >= 1, "\(scenario["file"] ?? "")")
            #expect(strategies.allSatisfy { cheap.contains($0["name"] as? String ?? "") })
        }
    }
}
