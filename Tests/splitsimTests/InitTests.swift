import Foundation
import Testing

@Suite("init")
struct InitTests {
    @Test("init FILE writes a scenario that validates")
    func initThenValidate() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("s.json")
        let written = try CLIRun.run(["init", file])
        #expect(written.status == 0, "\(written)")
        #expect(written.stdout.isEmpty, "\(written)")
        #expect(directory.exists("s.json"))
        let validated = try CLIRun.run(["validate", file])
        #expect(validated.status == 0, "\(validated)")
        #expect(validated.stderr.isEmpty, "\(validated)")
        #expect(validated.stdoutLines.count == 1)
        #expect(validated.stdout.hasPrefix("\(file): ok ("), "\(validated)")
    }

    @Test("init without FILE prints a scenario that validates, the same text init FILE writes")
    func initToStdout() throws {
        let printed = try CLIRun.run(["init"])
        #expect(printed.status == 0, "\(printed)")
        #expect(printed.stderr.isEmpty)
        _ = try CLIRun.jsonObject(printed.stdout)
        let directory = try TemporaryDirectory()
        let file = try directory.write("printed.json", printed.stdout)
        let validated = try CLIRun.run(["validate", file])
        #expect(validated.status == 0, "\(validated)")
        #expect(validated.stderr.isEmpty, "\(validated)")

        _ = try CLIRun.run(["init", directory.path("written.json")])
        #expect(directory.contents("written.json") == printed.stdout)
    }

    @Test("the starter scenario runs with compare")
    func starterCompares() throws {
        let directory = try TemporaryDirectory()
        _ = try CLIRun.run(["init", directory.path("s.json")])
        let result = try CLIRun.run(["compare", directory.path("s.json"), "--runs", "1", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count >= 2, "\(result)")
    }

    @Test("init onto an existing file exits 73 and leaves it unchanged; --force overwrites it")
    func existingFile() throws {
        let directory = try TemporaryDirectory()
        let original = "keep me\n"
        let file = try directory.write("existing.json", original)
        let refused = try CLIRun.run(["init", file])
        #expect(refused.status == 73, "\(refused)")
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderrLines.count == 1, "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused)")
        #expect(directory.contents("existing.json") == original)

        let forced = try CLIRun.run(["init", file, "--force"])
        #expect(forced.status == 0, "\(forced)")
        let printed = try CLIRun.run(["init"])
        #expect(directory.contents("existing.json") == printed.stdout)
    }

    @Test("init into a directory that does not exist exits 73 and creates nothing")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let result = try CLIRun.run(["init", directory.path("nodir/s.json")])
        #expect(result.status == 73, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(!directory.exists("nodir"))
    }

    @Test("init with two files is a usage error")
    func twoFiles() throws {
        let directory = try TemporaryDirectory()
        let result = try CLIRun.run(["init", directory.path("a.json"), directory.path("b.json")])
        #expect(result.status == 64, "\(result)")
        #expect(!directory.exists("a.json"))
        #expect(!directory.exists("b.json"))
    }
}
