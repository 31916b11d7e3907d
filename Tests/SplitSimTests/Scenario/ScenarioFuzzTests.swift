import Foundation
import SplitRouter
import Testing

@testable import SplitSim

/// Hostile scenario files (issue 16): the example scenarios with their numbers replaced by
/// extremes and their bytes mutated must each end in a scenario or a ``ScenarioError`` whose
/// every line names the file — never a trap, a hang or a silently accepted absurdity.
/// `Tests/Fuzz/run.sh` runs the same check under libFuzzer for as long as it is given.
@Suite struct ScenarioFuzzTests {
    private static let scenarios: [(name: String, text: String)] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }.sorted().compactMap { name in
            (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }()

    /// Values at and past every bound the decoder states, and the ones issue 16 found.
    private static let extremes = [
        "0", "-1", "1e-12", "1e-300", "1e-6", "1e300", "-0", "9000000000", "1000000000", "1000000000.5",
        "9223372036854775807", "18446744073709551616", "1e-9", "0.5", "2", "100000001", "\"1e-9s\"",
        "\"300000h\"", "\"0s\"", "\"2562047h\"", "true", "null", "[]", "{}", "\"\"",
    ]

    /// The spans of the number literals in `text`, in order.
    private static func numbers(in text: String) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var index = text.startIndex
        var inString = false
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" && (index == text.startIndex || text[text.index(before: index)] != "\\") {
                inString.toggle()
            } else if !inString, character.isNumber || character == "-" {
                let end = text[index...].firstIndex { !($0.isNumber || "+-.eE".contains($0)) } ?? text.endIndex
                spans.append(index..<end)
                index = end
                continue
            }
            index = text.index(after: index)
        }
        return spans
    }

    /// Decodes `text`; a scenario must also yield its work estimate (it multiplies numbers).
    private static func check(_ text: String, file: String) -> Bool {
        do {
            let scenario = try Scenario(decoding: text, file: file)
            let work = scenario.requestsToSimulate(strategies: scenario.strategies.count)
            #expect(work.isFinite && work >= 0, "\(file): work \(work)")
            return true
        } catch {
            #expect(!error.lines.isEmpty && error.lines.allSatisfy { $0.hasPrefix(file) }, "\(error.lines)")
            return false
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func everyNumberAtEveryExtremeDecodesOrFailsCleanly() throws {
        #expect(Self.scenarios.count >= 10)
        var accepted = 0
        var rejected = 0
        for (name, text) in Self.scenarios {
            for (slot, span) in Self.numbers(in: text).enumerated() {
                // Every extreme at every fourth number keeps the test under a few seconds.
                for extreme in Self.extremes where (slot + extreme.count) % 4 == 0 {
                    var mutated = text
                    mutated.replaceSubrange(span, with: extreme)
                    if Self.check(mutated, file: name) { accepted += 1 } else { rejected += 1 }
                }
            }
        }
        #expect(accepted > 100 && rejected > 1_000, "accepted \(accepted), rejected \(rejected)")
    }

    @Test(.timeLimit(.minutes(1)))
    func mutatedBytesDecodeOrFailCleanly() {
        var generator = Xoshiro256StarStar(seed: 16, stream: 0)
        let alphabet = Array("{}[]\":,0123456789.-e \n\\tuns".utf8)
        var outcomes = (accepted: 0, rejected: 0)
        for (name, text) in Self.scenarios {
            for _ in 0..<150 {
                var bytes = Array(text.utf8)
                for _ in 0...generator.uniform(below: 3) where !bytes.isEmpty {
                    let at = generator.uniform(below: bytes.count)
                    switch generator.uniform(below: 3) {
                    case 0: bytes[at] = alphabet[generator.uniform(below: alphabet.count)]
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 8)], at: at)
                    }
                }
                do {
                    _ = try Scenario(decoding: bytes, file: name)
                    outcomes.accepted += 1
                } catch {
                    #expect(error.lines.allSatisfy { $0.hasPrefix(name) })
                    outcomes.rejected += 1
                }
            }
        }
        #expect(outcomes.rejected > 500, "\(outcomes)")
    }
}
