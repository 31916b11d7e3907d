import Testing

@testable import SplitSim

@Suite("YAML reader mutations")
struct YAMLFuzzTests {
    /// The characters that steer YAML's structure, most likely to reach unusual paths.
    private static let indicators = Array(":-#'\"|>[]{}&*!\t\n ".unicodeScalars)
    /// Further characters with a meaning somewhere in the reader, and some without any.
    private static let others: [Unicode.Scalar] = [
        "a", "0", "9", ".", ",", "\\", "%", "?", "~", "+", "e", "x", "o", "\r", "é", "\u{FEFF}", "\u{7}",
    ]

    private static let seeds =
        YAMLSamples.all + [
            "- setWeight: 20\n- pause: {duration: 10m}\n- pause: {}\n",
            "s: \"a\\tb \\u00e9 \\x41\"\nt: 'it''s'\nu: >-\n  folded\n  text\n\n  more\n",
            "a: 1\n---\nb: [0x1F, 0o17, 1., .5, -2e3, +7, 99999999999999999999]\n...\n",
            "key:\n- a\n- b: c\n  d: |2+\n     x\n\n  e: ~\n",
            "args: [\n  \"--x\",\n  y  # c\n]\nm: {a: 1, 'b': \"2\"}\n",
        ]

    /// Mutated texts per seed; with ten seeds the test reads a few thousand inputs.
    private static let mutationsPerSeed = 400

    @Test func seedsAreValid() throws {
        #expect(Self.seeds.count == 10)
        for seed in Self.seeds { #expect(!(try YAMLReader.documents(parsing: seed)).isEmpty) }
    }

    @Test(.timeLimit(.minutes(1)))
    func mutatedTextsParseOrFailWithAPositionedError() throws {
        var random = MutationRandom(state: 0x5EED_CAFE_F00D)
        var parsed = 0
        var rejected = 0
        var messages = Set<String>()
        let clock = ContinuousClock()
        let start = clock.now
        for seed in Self.seeds {
            for _ in 0..<Self.mutationsPerSeed {
                var scalars = Array(seed.unicodeScalars)
                for _ in 0...random.below(3) { mutate(&scalars, &random) }
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                let lengths = lineLengths(of: scalars)
                let documents: [JSONNode]
                do {
                    documents = try YAMLReader.documents(parsing: text)
                } catch {
                    rejected += 1
                    messages.insert(error.message)
                    #expect(isInside(error.position, lengths), "error \(error) outside \(String(reflecting: text))")
                    continue
                }
                parsed += 1
                for document in documents { try check(document, lineLengths: lengths, in: text) }
            }
        }
        let elapsed = clock.now - start
        #expect(parsed + rejected == Self.seeds.count * Self.mutationsPerSeed)
        // Both outcomes must be common, or the mutations are too weak (or too strong) to test anything.
        #expect(parsed > 300)
        #expect(rejected > 300)
        #expect(messages.count > 25)
        #expect(elapsed < .seconds(20), "mutation run took \(elapsed)")
    }

    /// Applies one random edit: delete, insert, duplicate, overwrite or re-indent.
    private func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout MutationRandom) {
        let alphabet = random.below(4) == 0 ? Self.others : Self.indicators
        let at = random.below(scalars.count + 1)
        switch random.below(5) {
        case 0:
            let end = min(scalars.count, at + 1 + random.below(8))
            scalars.removeSubrange(at..<end)
        case 1:
            let inserted = (0...random.below(4)).map { _ in random.pick(alphabet) }
            scalars.insert(contentsOf: inserted, at: at)
        case 2:
            let end = min(scalars.count, at + 1 + random.below(40))
            let copy = Array(scalars[at..<end])
            scalars.insert(contentsOf: copy, at: random.below(scalars.count + 1))
        case 3:
            if at < scalars.count { scalars[at] = random.pick(alphabet) }
        default:
            // Re-indent the line holding `at` by up to four spaces either way.
            var lineBegin = min(at, scalars.count)
            while lineBegin > 0 && scalars[lineBegin - 1] != "\n" { lineBegin -= 1 }
            let shift = random.below(9) - 4
            if shift > 0 {
                scalars.insert(contentsOf: repeatElement(" ", count: shift), at: lineBegin)
            } else {
                var removed = 0
                while removed < -shift && lineBegin < scalars.count && scalars[lineBegin] == " " {
                    scalars.remove(at: lineBegin)
                    removed += 1
                }
            }
        }
    }

    /// The length in scalars of each line, split the way the reader counts lines (LF, CRLF, CR).
    private func lineLengths(of scalars: [Unicode.Scalar]) -> [Int] {
        var lengths = [0]
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\r":
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                lengths.append(0)
            case "\n":
                lengths.append(0)
            default:
                lengths[lengths.count - 1] += 1
            }
            index += 1
        }
        return lengths
    }

    private func isInside(_ position: SourcePosition, _ lineLengths: [Int]) -> Bool {
        position.line >= 1 && position.line <= lineLengths.count && position.column >= 1
            && position.column <= lineLengths[position.line - 1] + 1
    }

    /// Every node lies inside the text, and every number's literal reads back as that number in JSON.
    private func check(_ node: JSONNode, lineLengths: [Int], in text: String) throws {
        #expect(isInside(node.position, lineLengths), "node at \(node.position) outside \(String(reflecting: text))")
        switch node.value {
        case .number(let number):
            let reread = try JSONNode(parsing: number.literal)
            #expect(reread.value == .number(number), "literal \(number.literal) from \(String(reflecting: text))")
        case .array(let elements):
            for element in elements { try check(element, lineLengths: lineLengths, in: text) }
        case .object(let members):
            for member in members {
                #expect(isInside(member.keyPosition, lineLengths))
                try check(member.value, lineLengths: lineLengths, in: text)
            }
        case .null, .bool, .string:
            break
        }
    }
}
