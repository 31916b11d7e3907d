import Foundation
import Testing

@Suite("trace")
struct TraceTests {
    static func trace(_ options: [String], fixture: String = Fixtures.short) throws -> CLIResult {
        let directory = try TemporaryDirectory()
        try directory.write("s.json", fixture)
        return try CLIRun.run(["trace", "s.json"] + options, in: directory.url)
    }

    @Test("text lines start with hh:mm:ss and two spaces, in time order")
    func textLines() throws {
        let result = try Self.trace(["--strategy", "basic canary"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdoutLines
        #expect(lines.count >= 5, "\(result)")
        let pattern = try Regex(#"^(\d\d):(\d\d):(\d\d)(\.\d{3})?  \S.*$"#)
        var previous = -1
        for line in lines {
            guard let match = line.wholeMatch(of: pattern) else {
                Issue.record("not a trace line: \"\(line)\"")
                continue
            }
            let fields = (1...3).map { Int(match.output[$0].substring ?? "") ?? -1 }
            let seconds = fields[0] * 3600 + fields[1] * 60 + fields[2]
            #expect(seconds >= previous, "events out of order at \"\(line)\"")
            previous = seconds
        }
        #expect(lines.first?.hasPrefix("00:00:00  ") == true)
        #expect(lines.contains { $0.contains("setWeight 25") }, "the first step is traced")
    }

    @Test("json parses and each event has time, kind, detail and replicaSets")
    func json() throws {
        let result = try Self.trace(["--strategy", "basic canary", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let root = try CLIRun.jsonObject(result.stdout)
        #expect(root["strategy"] as? String == "basic canary")
        #expect((root["run"] as? NSNumber)?.intValue == 1)
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count >= 5)
        var previous = -1.0
        for (index, event) in events.enumerated() {
            let time = try #require((event["time"] as? NSNumber)?.doubleValue, "events[\(index)].time")
            #expect(time >= previous, "events[\(index)] out of order")
            previous = time
            #expect((event["kind"] as? String).map { !$0.isEmpty } == true, "events[\(index)].kind")
            #expect((event["detail"] as? String).map { !$0.isEmpty } == true, "events[\(index)].detail")
            let sets = try #require(event["replicaSets"] as? [[String: Any]], "events[\(index)].replicaSets")
            for set in sets {
                #expect(set["name"] is String)
                #expect(set["spec"] is NSNumber)
                #expect(set["ready"] is NSNumber)
            }
        }
        #expect(events.first?["kind"] as? String == "start")
        #expect(events.contains { $0["kind"] as? String == "step" })

        // The text trace is the same events: one line per event, same details.
        let text = try Self.trace(["--strategy", "basic canary"])
        #expect(text.stdoutLines.count == events.count)
        #expect(
            zip(text.stdoutLines, events).allSatisfy { line, event in
                line.hasSuffix("  " + (event["detail"] as? String ?? "\u{0}"))
            })
    }

    @Test("the same seed gives the same trace; --run and --seed change it")
    func deterministic() throws {
        let first = try Self.trace(["--strategy", "ingress 5/50", "--format", "json"])
        let second = try Self.trace(["--strategy", "ingress 5/50", "--format", "json"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == second.stdout)
        let runOne = try Self.trace(["--strategy", "ingress 5/50", "--format", "json", "--run", "1"])
        #expect(runOne.stdout == first.stdout, "run 1 is the default")
        let otherRun = try Self.trace(["--strategy", "ingress 5/50", "--format", "json", "--run", "2"])
        #expect(otherRun.status == 0)
        #expect(otherRun.stdout != first.stdout)
        let otherSeed = try Self.trace(["--strategy", "ingress 5/50", "--format", "json", "--seed", "99"])
        #expect(otherSeed.status == 0)
        #expect(otherSeed.stdout != first.stdout)
    }

    @Test("an unknown strategy exits 64 with a did-you-mean")
    func unknownStrategy() throws {
        let result = try Self.trace(["--strategy", "basic canar"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(#"did you mean "basic canary"?"#), "\(result)")
    }

    @Test("trace of a missing file exits 66, of an invalid one 65")
    func missingAndInvalid() throws {
        let missing = try CLIRun.run(["trace", "no-such-file.json", "--strategy", "x"])
        #expect(missing.status == 66, "\(missing)")
        let broken = try Fixtures.short(replacing: #""runs": 5,"#, with: #""runs": 0,"#)
        let invalid = try Self.trace(["--strategy", "rolling"], fixture: broken)
        #expect(invalid.status == 65, "\(invalid)")
        #expect(invalid.stdout.isEmpty)
    }

    @Test("trace names a missing file, a directory and a file that is not UTF-8, one line each")
    func unreadableInputs() throws {
        let directory = try TemporaryDirectory()
        try Data([0x7B, 0x0A, 0x20, 0xFF, 0x7D]).write(to: directory.url.appendingPathComponent("binary.json"))
        let missing = try CLIRun.run(["trace", "nothere.json", "--strategy", "x"], in: directory.url)
        #expect(missing.status == 66, "\(missing)")
        #expect(missing.stderr == "nothere.json: no such file\n", "\(missing)")
        let folder = try CLIRun.run(["trace", ".", "--strategy", "x"], in: directory.url)
        #expect(folder.status == 66, "\(folder)")
        #expect(folder.stderr == ".: cannot read: is a directory\n", "\(folder)")
        let binary = try CLIRun.run(["trace", "binary.json", "--strategy", "x"], in: directory.url)
        #expect(binary.status == 65, "\(binary)")
        #expect(
            binary.stderr == "binary.json:2:2: malformed JSON: invalid UTF-8; expected a UTF-8 text file\n", "\(binary)"
        )
    }

    /// Seconds from the step event whose detail contains `fragment` to the next step or the end of steps.
    static func stepLength(_ events: [[String: Any]], _ fragment: String) throws -> Double {
        let index = try #require(
            events.firstIndex { $0["kind"] as? String == "step" && ($0["detail"] as? String ?? "").contains(fragment) })
        let start = try #require((events[index]["time"] as? NSNumber)?.doubleValue)
        let next = try #require(
            events[(index + 1)...].first {
                ["step", "done", "full-traffic", "promote"].contains($0["kind"] as? String ?? "")
            }, "no event after \(fragment)")
        return try #require((next["time"] as? NSNumber)?.doubleValue) - start
    }

    @Test("a pause 3m lasts 3 minutes even while pods start and stop", arguments: ["routed", "basic canary"])
    func pauseLasts(_ strategy: String) throws {
        let result = try Self.trace(["--strategy", strategy, "--format", "json"], fixture: Fixtures.healthyPauses)
        #expect(result.status == 0, "\(result)")
        let events = try #require(try CLIRun.jsonObject(result.stdout)["events"] as? [[String: Any]])
        #expect(try Self.stepLength(events, "step 2: pause 3m") >= 180)
        #expect(try Self.stepLength(events, "step 4: pause 3m") >= 180)
    }
}
