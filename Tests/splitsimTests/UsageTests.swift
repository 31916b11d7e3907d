import Foundation
import Testing

@Suite("usage, help and version")
struct UsageTests {
    static let commands = [
        "compare", "validate", "trace", "route", "replicas", "explain", "init", "import", "sweep", "help",
    ]

    @Test("--version prints splitsim 0.1.0")
    func version() throws {
        let result = try CLIRun.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "splitsim 0.1.0\n", "\(result)")
        #expect(result.stderr.isEmpty)
    }

    @Test(
        "--help and no arguments list every command with the exit statuses",
        arguments: [["--help"], ["-h"], ["help"], []])
    func overview(_ arguments: [String]) throws {
        let result = try CLIRun.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("splitsim 0.1.0"), "\(result)")
        for command in Self.commands {
            #expect(result.stdoutLines.contains { $0.hasPrefix("  \(command) ") }, "\(command) missing: \(result)")
        }
        for status in ["64", "65", "66", "73"] {
            #expect(result.stdout.contains(status), "\(result)")
        }
    }

    @Test("help COMMAND and COMMAND --help print the same usage", arguments: commands)
    func commandHelp(_ command: String) throws {
        let viaHelp = try CLIRun.run(["help", command])
        #expect(viaHelp.status == 0, "\(viaHelp)")
        #expect(viaHelp.stderr.isEmpty)
        #expect(viaHelp.stdout.hasPrefix("Usage: splitsim \(command)"), "\(viaHelp)")
        let viaFlag = try CLIRun.run([command, "--help"])
        #expect(viaFlag.status == 0, "\(viaFlag)")
        #expect(viaFlag.stdout == viaHelp.stdout)
    }

    @Test("compare's help names every option of the contract")
    func compareHelpOptions() throws {
        let result = try CLIRun.run(["help", "compare"])
        for option in [
            "--runs", "--seed", "--strategy", "--format", "--output", "--jobs",
            "table", "markdown", "json", "csv", "html",
        ] {
            #expect(result.stdout.contains(option), "\(option) missing")
        }
    }

    @Test("an unknown command exits 64 with a did-you-mean")
    func unknownCommand() throws {
        let result = try CLIRun.run(["comprae", "x.json"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("comprae"))
        #expect(result.stderr.contains(#"did you mean "compare"?"#), "\(result)")
    }

    @Test("help for an unknown command exits 64 with a did-you-mean")
    func helpUnknownCommand() throws {
        let result = try CLIRun.run(["help", "tracee"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains(#"did you mean "trace"?"#), "\(result)")
    }

    struct BadFlag: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let flag: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badFlags: [BadFlag] = [
        BadFlag(arguments: ["compare", "--runz", "3"], flag: "--runz"),
        BadFlag(arguments: ["compare", "scenarios/single-replica.json", "--runs", "0"], flag: "--runs"),
        BadFlag(arguments: ["compare", "scenarios/single-replica.json", "--format", "yaml"], flag: "--format"),
        BadFlag(arguments: ["compare", "scenarios/single-replica.json", "--jobs", "zero"], flag: "--jobs"),
        BadFlag(arguments: ["compare", "scenarios/single-replica.json", "--seed", "-1"], flag: "--seed"),
        BadFlag(arguments: ["route", "--policy", "nope", "--backends", "a=1"], flag: "--policy"),
        BadFlag(arguments: ["route", "--policy", "random", "--backends", "a=x"], flag: "--backends"),
        BadFlag(arguments: ["route", "--policy", "random"], flag: "--backends"),
        BadFlag(arguments: ["replicas", "--weight", "140", "--replicas", "4"], flag: "--weight"),
        BadFlag(arguments: ["replicas", "--weight", "5"], flag: "--replicas"),
        BadFlag(
            arguments: ["replicas", "--replicas", "4", "--weight", "5", "--max-surge", "0", "--max-unavailable", "0"],
            flag: "--max-surge"),
        BadFlag(arguments: ["trace", "scenarios/single-replica.json"], flag: "--strategy"),
        BadFlag(
            arguments: [
                "trace", "scenarios/single-replica.json", "--strategy", "second Deployment", "--format", "xml",
            ],
            flag: "--format"),
        BadFlag(arguments: ["init", "--forse"], flag: "--forse"),
    ]

    @Test("a bad flag exits 64 with one stderr line naming it", arguments: badFlags)
    func badFlag(_ bad: BadFlag) throws {
        let result = try CLIRun.run(bad.arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(bad.flag), "\(result)")
        #expect(result.stderr.hasPrefix("splitsim "), "\(result)")
    }

    @Test("a misspelt option suggests the right one")
    func misspeltOption() throws {
        let result = try CLIRun.run(["compare", "--runz", "3"])
        #expect(result.stderr.contains("did you mean --runs?"), "\(result)")
        let route = try CLIRun.run(["route", "--policy", "smooth-wr", "--backends", "a=1"])
        #expect(route.status == 64)
        #expect(route.stderr.contains(#"did you mean "smooth-wrr"?"#), "\(route)")
    }
}
