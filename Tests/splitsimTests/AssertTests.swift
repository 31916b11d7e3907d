import Foundation
import Testing

/// `compare --assert`, `-` for standard input and the format an `--output` name implies, run end
/// to end on the short fixture with one run.
@Suite("compare --assert, stdin and --output formats")
struct AssertTests {
    /// Runs `compare short.json --runs 1` with `options` in a fresh temporary directory.
    static func compare(_ options: [String], fixture: String = Fixtures.short) throws -> (
        CLIResult, TemporaryDirectory
    ) {
        let directory = try TemporaryDirectory()
        try directory.write("short.json", fixture)
        return (try CLIRun.run(["compare", "short.json", "--runs", "1"] + options, in: directory.url), directory)
    }

    /// Runs `splitsim` with `input` on standard input (CLIRun gives it /dev/null).
    static func run(_ arguments: [String], input: String, in directory: TemporaryDirectory) throws -> CLIResult {
        let executable = try #require(CLIRun.executable, "the splitsim executable was not found")
        let inputPath = try directory.write("stdin.txt", input)
        let outPath = directory.path("stdout.txt")
        let errPath = directory.path("stderr.txt")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        let handles = (
            input: try #require(FileHandle(forReadingAtPath: inputPath)),
            output: try #require(FileHandle(forWritingAtPath: outPath)),
            error: try #require(FileHandle(forWritingAtPath: errPath))
        )
        process.standardInput = handles.input
        process.standardOutput = handles.output
        process.standardError = handles.error
        try process.run()
        process.waitUntilExit()
        try handles.input.close()
        try handles.output.close()
        try handles.error.close()
        return CLIResult(
            arguments: arguments, status: process.terminationStatus,
            stdout: directory.contents("stdout.txt") ?? "", stderr: directory.contents("stderr.txt") ?? "",
            timedOut: false)
    }

    // MARK: --assert

    @Test("assertions that hold exit 0 and the report is printed as usual")
    func passing() throws {
        let (plain, _) = try Self.compare(["--strategy", "rolling"])
        let (result, _) = try Self.compare([
            "--strategy", "rolling",
            "--assert", "rolling: granularity.minCandidateShare == 0.25",
            "--assert=rolling: granularity.minCandidateShare>=0.2",
            "--assert", "*: outcome.aborted <= 1",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == plain.stdout)
    }

    @Test("a failed assertion exits 1 with one exact line; the report is still written")
    func failing() throws {
        let (result, directory) = try Self.compare([
            "--strategy", "rolling", "--format", "json", "--output", "report.json",
            "--assert", "rolling: granularity.minCandidateShare < 0.2",
            "--assert", "rolling: granularity.minCandidateShare <= 0.25",
        ])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == [#"assertion failed: "rolling": granularity.minCandidateShare = 0.25 >= 0.2"#])
        let report = try #require(directory.contents("report.json"))
        #expect(try CLIRun.jsonObject(report)["tool"] as? String == "splitsim")
    }

    @Test(
        "every operator prints its negation when it fails",
        arguments: [
            ("< 0.25", ">= 0.25"), ("<= 0.2", "> 0.2"), ("> 0.25", "<= 0.25"), (">= 0.3", "< 0.3"), ("== 1", "!= 1"),
        ])
    func operators(_ bound: String, _ failure: String) throws {
        let (result, _) = try Self.compare([
            "--strategy", "rolling", "--assert", "rolling: granularity.minCandidateShare \(bound)",
        ])
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [#"assertion failed: "rolling": granularity.minCandidateShare = 0.25 "# + failure])
    }

    @Test("* checks every strategy compared, in report order")
    func everyStrategy() throws {
        // Smallest candidate shares: ingress-nginx 1/100, basic canary 1/5 pods, blue-green 1, rolling 1/4.
        let (result, _) = try Self.compare(["--assert", "*: granularity.minCandidateShare >= 0.25"])
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"assertion failed: "ingress 5/50": granularity.minCandidateShare = 0.01 < 0.25"#,
                #"assertion failed: "basic canary": granularity.minCandidateShare = 0.2 < 0.25"#,
            ])
        let (filtered, _) = try Self.compare([
            "--strategy", "rolling", "--strategy", "blue-green",
            "--assert", "*: granularity.minCandidateShare >= 0.25",
        ])
        #expect(filtered.status == 0, "\(filtered)")
        #expect(filtered.stderr.isEmpty)
    }

    @Test("with several scenarios a failure names the scenario's file")
    func namesFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.json", Fixtures.short)
        try directory.write("b.json", Fixtures.short)
        let result = try CLIRun.run(
            [
                "compare", "a.json", "b.json", "--runs", "1", "--strategy", "rolling",
                "--assert", "rolling: granularity.minCandidateShare > 0.5",
            ], in: directory.url)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"assertion failed: a.json: "rolling": granularity.minCandidateShare = 0.25 <= 0.5"#,
                #"assertion failed: b.json: "rolling": granularity.minCandidateShare = 0.25 <= 0.5"#,
            ])
    }

    @Test("a figure no run produced is null and fails the assertion")
    func nullFails() throws {
        // A rolling update runs no analysis, so nothing is ever detected.
        let (result, _) = try Self.compare([
            "--strategy", "rolling", "--assert", "rolling: exposure.detectionSeconds.p95 <= 600",
        ])
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"assertion failed: "rolling": exposure.detectionSeconds.p95 is null (no run produced it); expected <= 600"#
            ])
        #expect(!result.stdout.isEmpty, "the report is printed anyway")
    }

    @Test(
        "a malformed assertion is a usage error before anything runs",
        arguments: [
            ("rolling exposure.usersFailed.p95 < 3", "no colon"),
            (": exposure.usersFailed.p95 < 3", "no strategy"),
            ("rolling: < 3", "no path"),
            ("rolling: exposure..p95 < 3", "empty segment"),
            ("rolling: exposure.usersFailed.p95", "no operator"),
            ("rolling: exposure.usersFailed.p95 != 3", #"unknown operator "!=""#),
            ("rolling: exposure.usersFailed.p95 => 3", #"unknown operator "=>""#),
            ("rolling: exposure.usersFailed.p95 <= many", #""many" is not a number"#),
            ("rolling: exposure.usersFailed.p95 <= nan", #""nan" is not a number"#),
            ("rolling: exposure.usersFailed.p95 <=", "no number"),
        ])
    func malformed(_ assertion: String, _ reason: String) throws {
        let (result, _) = try Self.compare(["--assert", assertion])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.hasPrefix("splitsim compare: --assert '\(assertion)': "), "\(result)")
        #expect(result.stderr.contains(reason), "\(result)")
    }

    @Test("an unknown strategy is a usage error with a did-you-mean")
    func unknownStrategy() throws {
        let (result, _) = try Self.compare(["--assert", "rollin: outcome.aborted < 1"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(#"no strategy named "rollin""#), "\(result)")
        #expect(result.stderr.contains(#"(did you mean "rolling"?)"#), "\(result)")

        // One that --strategy leaves out would never be checked: also a usage error.
        let (excluded, _) = try Self.compare(["--strategy", "rolling", "--assert", "blue-green: outcome.aborted < 1"])
        #expect(excluded.status == 64, "\(excluded)")
        #expect(excluded.stdout.isEmpty)
        #expect(excluded.stderr.contains(#"strategy "blue-green" is not compared"#), "\(excluded)")
    }

    @Test("a path that names nothing is a usage error naming the segment")
    func unknownPath() throws {
        let (result, _) = try Self.compare(["--assert", "*: exposure.usersFaild.p95 < 3"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(#"exposure.usersFaild: no "usersFaild" in exposure"#), "\(result)")
        #expect(result.stderr.contains(#"(did you mean "usersFailed"?)"#), "\(result)")

        let (top, _) = try Self.compare(["--assert", "*: exposur.usersFailed.p95 < 3"])
        #expect(top.status == 64, "\(top)")
        #expect(top.stderr.contains(#"exposur: no "exposur" in the strategy"#), "\(top)")

        let (statistic, _) = try Self.compare(["--assert", "*: exposure.usersFailed.p96 < 3"])
        #expect(statistic.status == 64, "\(statistic)")
        #expect(statistic.stderr.contains(#"no "p96" in exposure.usersFailed"#), "\(statistic)")

        let (object, _) = try Self.compare(["--assert", "*: exposure.usersFailed < 3"])
        #expect(object.status == 64, "\(object)")
        #expect(object.stderr.contains("exposure.usersFailed is an object"), "\(object)")
        #expect(object.stderr.contains("not a number"), "\(object)")
    }

    // MARK: standard input

    @Test("- reads the scenario from standard input, named stdin")
    func standardInput() throws {
        let directory = try TemporaryDirectory()
        let result = try Self.run(
            ["compare", "-", "--runs", "1", "--strategy", "rolling", "--format", "json"], input: Fixtures.short,
            in: directory)
        #expect(result.status == 0, "\(result)")
        let scenario = try #require((try CLIRun.jsonObject(result.stdout)["scenarios"] as? [[String: Any]])?.first)
        #expect(scenario["file"] as? String == "stdin")
        #expect(scenario["name"] as? String == "e2e short")

        let failing = try Self.run(
            [
                "compare", "-", "--runs", "1", "--strategy", "rolling",
                "--assert", "rolling: granularity.minCandidateShare < 0.2",
            ], input: Fixtures.short, in: directory)
        #expect(failing.status == 1, "\(failing)")
    }

    @Test("errors in a scenario on standard input name stdin")
    func standardInputErrors() throws {
        let directory = try TemporaryDirectory()
        let broken = try Fixtures.short(replacing: #""runs": 5,"#, with: #""runs": 0,"#)
        let invalid = try Self.run(["compare", "-", "--runs", "1"], input: broken, in: directory)
        #expect(invalid.status == 65, "\(invalid)")
        #expect(invalid.stdout.isEmpty)
        #expect(invalid.stderrLines.first?.hasPrefix("stdin: runs: ") == true, "\(invalid)")

        let malformed = try Self.run(["compare", "-"], input: "{", in: directory)
        #expect(malformed.status == 65, "\(malformed)")
        #expect(malformed.stderr.hasPrefix("stdin:"), "\(malformed)")

        let twice = try Self.run(["compare", "-", "-"], input: Fixtures.short, in: directory)
        #expect(twice.status == 64, "\(twice)")
        #expect(twice.stdout.isEmpty)
    }

    // MARK: --output formats

    @Test("--output without --format takes the format from the extension")
    func formatFromExtension() throws {
        let (markdown, directory) = try Self.compare(["--strategy", "rolling", "--output", "x.md"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.isEmpty)
        let (explicitMarkdown, _) = try Self.compare(["--strategy", "rolling", "--format", "markdown"])
        #expect(directory.contents("x.md") == explicitMarkdown.stdout)
        #expect(directory.contents("x.md")?.contains("| strategy |") == true)

        let (json, jsonDirectory) = try Self.compare(["--strategy", "rolling", "--output", "x.json"])
        #expect(json.status == 0, "\(json)")
        let text = try #require(jsonDirectory.contents("x.json"))
        #expect(try CLIRun.jsonObject(text)["tool"] as? String == "splitsim")

        let (csv, csvDirectory) = try Self.compare(["--strategy", "rolling", "--output", "x.csv"])
        #expect(csv.status == 0, "\(csv)")
        #expect(csvDirectory.contents("x.csv")?.hasPrefix("scenario,") == true)

        let (html, htmlDirectory) = try Self.compare(["--strategy", "rolling", "--output", "x.html"])
        #expect(html.status == 0, "\(html)")
        #expect(htmlDirectory.contents("x.html")?.hasPrefix("<!DOCTYPE html>") == true)

        let (table, tableDirectory) = try Self.compare(["--strategy", "rolling", "--output", "x.txt"])
        let (plain, _) = try Self.compare(["--strategy", "rolling"])
        #expect(table.status == 0, "\(table)")
        #expect(tableDirectory.contents("x.txt") == plain.stdout)
    }

    @Test("an explicit --format wins over the extension")
    func explicitFormatWins() throws {
        let (result, directory) = try Self.compare(["--strategy", "rolling", "--format", "csv", "--output", "x.json"])
        #expect(result.status == 0, "\(result)")
        #expect(directory.contents("x.json")?.hasPrefix("scenario,") == true)
        let (unknown, unknownDirectory) = try Self.compare([
            "--strategy", "rolling", "--format", "json", "--output", "x.foo",
        ])
        #expect(unknown.status == 0, "\(unknown)")
        #expect(unknownDirectory.exists("x.foo"))
    }

    @Test("an unknown extension without --format is a usage error naming the extensions")
    func unknownExtension() throws {
        for name in ["x.foo", "report"] {
            let (result, directory) = try Self.compare(["--strategy", "rolling", "--output", name])
            #expect(result.status == 64, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderrLines.count == 1, "\(result)")
            #expect(result.stderr.contains(".json, .md, .csv, .html or .txt"), "\(result)")
            #expect(result.stderr.contains("--format"), "\(result)")
            #expect(!directory.exists(name))
        }
    }

    @Test("--quiet is accepted and leaves stderr empty on success")
    func quiet() throws {
        let (result, _) = try Self.compare(["--strategy", "rolling", "--quiet"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let (failing, _) = try Self.compare([
            "--strategy", "rolling", "--quiet", "--assert", "rolling: granularity.minCandidateShare < 0.2",
        ])
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.stderrLines.count == 1, "failed assertions print despite --quiet: \(failing)")
    }
}
