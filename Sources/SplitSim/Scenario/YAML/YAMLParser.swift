/// A single-pass YAML parser for the subset Kubernetes manifests use, building ``JSONNode`` trees.
///
/// Block structure is read from indentation with the cursor as the only state: every block
/// node leaves the cursor on the first character of the next content line, so an enclosing
/// collection decides by that line's indentation alone whether the line is its own.
/// Features outside the subset are errors at their first character, never read some other way.
/// - Complexity: O(n) time in the length of the text; O(d) stack for nesting depth d, which is
///   limited to ``JSONParser/maximumDepth`` like JSON's.
struct YAMLParser {
    /// A document's root node and where the document starts (its `---`, or its first character).
    typealias Document = (node: JSONNode, start: SourcePosition)

    /// A mapping key as written, with where it starts.
    private struct Key {
        var text: String
        /// `<<` is a merge key only when plain; quoted it is an ordinary key.
        var isPlain: Bool
        var position: SourcePosition
    }

    /// What may start where a block node starts.
    private enum Context {
        /// At the first non-space character of a line: anything.
        case lineStart
        /// After `- ` on an entry's line: anything, as a compact mapping or sequence takes the
        /// column where it starts as its indentation.
        case afterDash
        /// After `key: ` on the key's line: no block mapping or sequence, which YAML forbids there.
        case afterKey
    }

    /// Why a plain scalar's scan of one line stopped.
    private enum PlainStop {
        /// At a line break or the end of the text, trailing white space skipped.
        case lineEnd
        /// On a `:` that ends a key.
        case colon
        /// On the `#` of a comment.
        case comment
        /// On a `,`, `[`, `]`, `{` or `}` inside a flow collection.
        case flowIndicator
    }

    /// How a block scalar treats its final line break and trailing empty lines.
    private enum Chomping {
        case strip, clip, keep
    }

    /// One line of a block scalar's body; `content` is nil for an empty line.
    private struct BlockLine {
        var content: Range<Int>?
        var hasBreak: Bool
    }

    /// The text as Unicode scalars, line breaks normalized to `\n`, so columns are indices.
    private let text: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    /// The index of the current line's first scalar.
    private var lineStart = 0
    /// Where the parser is inside the document, so a duplicate key can be named by its path.
    private var path: [JSONPath.Component] = []

    /// Reads every non-empty document of `source` and the position of the text's end.
    static func documents(in source: String) throws(YAMLParseError) -> (documents: [Document], end: SourcePosition) {
        var parser = try YAMLParser(source)
        let documents = try parser.parseStream()
        return (documents, parser.position)
    }

    /// Prepares `source`: CRLF and lone CR become `\n`, a leading byte-order mark is dropped
    /// (editors show it in no column) and characters YAML does not allow are rejected.
    private init(_ source: String) throws(YAMLParseError) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        var line = 1
        var column = 1
        var afterCarriageReturn = false
        let view = source.unicodeScalars
        for scalar in view.first == "\u{FEFF}" ? view.dropFirst() : view[...] {
            if scalar == "\n" && afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                scalars.append("\n")
                line += 1
                column = 1
                continue
            }
            guard Self.isPrintable(scalar) else {
                throw YAMLParseError(
                    "control character U+\(Self.hex(scalar.value, digits: 4)) is not allowed in YAML;"
                        + " write it as an escape in a double-quoted string",
                    at: SourcePosition(line: line, column: column))
            }
            scalars.append(scalar)
            column += 1
        }
        text = scalars
    }

    /// YAML's `c-printable`, less the line breaks handled by the caller.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    // MARK: Documents

    private mutating func parseStream() throws(YAMLParseError) -> [Document] {
        var documents: [Document] = []
        while true {
            try skipToContent()
            guard current != nil else { return documents }
            let start = position
            if current == "%" && index == lineStart {
                throw failure("directives (%YAML, %TAG) are not supported")
            }
            if isDocumentMarker("-") {
                index += 3
                try endLine(after: "'---'", expecting: "the end of the line (start the document on the next line)")
                try skipToContent()
            }
            if isDocumentMarker(".") {
                // An empty document, or the end marker of one already read.
                index += 3
                try endLine(after: "'...'")
                continue
            }
            guard current != nil, !isDocumentMarker("-") else { continue }
            let rootIndex = index
            let node = try parseBlockNode(parentIndent: -1, context: .lineStart, depth: 0)
            if current != nil && !isDocumentMarker("-") && !isDocumentMarker(".") {
                throw leftoverFailure(after: node, startingWith: text[rootIndex])
            }
            documents.append((node, start))
        }
    }

    /// The error for a content line that no node of the document claims.
    private func leftoverFailure(after root: JSONNode, startingWith first: Unicode.Scalar) -> YAMLParseError {
        let rootIndent = root.position.column - 1
        switch root.value {
        case .object where first != "{" && indent < rootIndent:
            return failure("bad indentation; expected column \(rootIndent + 1), where the keys of this mapping start")
        case .array where first == "-" && indent < rootIndent:
            return failure(
                "bad indentation; expected column \(rootIndent + 1), where the entries of this sequence start")
        case .array where first == "-":
            return failure("expected a sequence entry '- ' at this indentation, found \(describeCurrent())")
        default:
            return failure(
                "unexpected \(describeCurrent()) after the document's root value; expected the end of the document")
        }
    }

    // MARK: Block nodes

    /// Parses the node starting at the cursor, whose continuation lines must be indented more
    /// than `parentIndent` (the enclosing collection's indentation, -1 at the root).
    private mutating func parseBlockNode(
        parentIndent: Int, context: Context, depth: Int
    ) throws(YAMLParseError) -> JSONNode {
        let start = position
        let column = indent
        guard let first = current else { return JSONNode(.null, at: start) }
        switch first {
        case "-" where Self.isBlankOrEnd(peek(1)):
            guard context != .afterKey else {
                throw failure("a block sequence cannot start on the same line as its key; put '- ' on the next line")
            }
            return try parseBlockSequence(indent: column, depth: depth + 1)
        case "|", ">":
            return try parseBlockScalar(parentIndent: parentIndent)
        case "[", "{":
            let node = try parseFlowCollection(parentIndent: parentIndent, depth: depth + 1)
            skipWhite()
            if current == ":" && Self.isBlankOrEnd(peek(1)) {
                throw YAMLParseError(
                    "a flow collection cannot be a mapping key (complex keys are not supported)", at: start)
            }
            try endLine(after: first == "[" ? "the flow sequence" : "the flow mapping")
            try skipToContent()
            return node
        case "\"", "'":
            let value = try scanQuoted(parentIndent: parentIndent)
            let lastLine = line
            skipWhite()
            if current == ":" && Self.isBlankOrEnd(peek(1)) {
                guard lastLine == start.line else {
                    throw YAMLParseError("a mapping key must end on the line where it starts", at: start)
                }
                let key = Key(text: value, isPlain: false, position: start)
                return try parseBlockMapping(indent: column, firstKey: key, context: context, depth: depth + 1)
            }
            try endLine(after: first == "\"" ? "the double-quoted scalar" : "the single-quoted scalar")
            try skipToContent()
            return JSONNode(.string(value), at: start)
        default:
            try rejectPlainStart(inFlow: false)
            var scalars = String.UnicodeScalarView()
            let stop = scanPlainLine(into: &scalars, inFlow: false)
            if stop == .colon {
                let key = Key(text: String(scalars), isPlain: true, position: start)
                return try parseBlockMapping(indent: column, firstKey: key, context: context, depth: depth + 1)
            }
            if stop == .lineEnd {
                try scanPlainContinuation(into: &scalars, parentIndent: parentIndent, inFlow: false, from: start)
            }
            try endLine(after: "the plain scalar")
            try skipToContent()
            return JSONNode(try YAMLScalar.resolve(plain: String(scalars), at: start), at: start)
        }
    }

    /// Parses a block mapping whose first key is already read; the cursor is on its `:`.
    private mutating func parseBlockMapping(
        indent mappingIndent: Int, firstKey: Key, context: Context, depth: Int
    ) throws(YAMLParseError) -> JSONNode {
        guard context != .afterKey else {
            throw YAMLParseError(
                "a nested mapping cannot start on the same line as its key; move it to the next line and indent it",
                at: firstKey.position)
        }
        try checkDepth(depth, at: firstKey.position)
        var members: [JSONMember] = []
        var seen: [String: SourcePosition] = [:]
        var key = firstKey
        while true {
            index += 1
            if key.isPlain && key.text == "<<" {
                throw YAMLParseError("merge keys (<<) are not supported; write the merged keys out", at: key.position)
            }
            if let first = seen[key.text] {
                let name = JSONPath(path + [.key(key.text)])
                throw YAMLParseError(
                    "duplicate key \(name); first defined at line \(first.line), column \(first.column)",
                    at: key.position)
            }
            seen[key.text] = key.position
            path.append(.key(key.text))
            let value = try parseMappingValue(mappingIndent: mappingIndent, depth: depth)
            path.removeLast()
            members.append(JSONMember(key: key.text, keyPosition: key.position, value: value))
            guard current != nil, !isDocumentMarker("-"), !isDocumentMarker("."), indent >= mappingIndent else {
                break
            }
            guard indent == mappingIndent else {
                throw failure(
                    "bad indentation; expected column \(mappingIndent + 1), where the keys of this mapping start")
            }
            key = try parseKey(mappingIndent: mappingIndent)
        }
        return JSONNode(.object(members), at: firstKey.position)
    }

    /// Parses what follows a key's `:`: a value on the same line, a more indented node on the
    /// next lines, a sequence at the key's own indentation (as kubectl writes), or nothing.
    private mutating func parseMappingValue(mappingIndent: Int, depth: Int) throws(YAMLParseError) -> JSONNode {
        let afterColon = position
        skipWhite()
        guard current == nil || current == "\n" || current == "#" else {
            return try parseBlockNode(parentIndent: mappingIndent, context: .afterKey, depth: depth)
        }
        try skipToContent()
        guard current != nil, !isDocumentMarker("-"), !isDocumentMarker(".") else {
            return JSONNode(.null, at: afterColon)
        }
        if indent > mappingIndent {
            return try parseBlockNode(parentIndent: mappingIndent, context: .lineStart, depth: depth)
        }
        if indent == mappingIndent && isSequenceEntry {
            return try parseBlockSequence(indent: mappingIndent, depth: depth + 1)
        }
        return JSONNode(.null, at: afterColon)
    }

    /// Reads a key at the start of a line of a block mapping, leaving the cursor on its `:`.
    private mutating func parseKey(mappingIndent: Int) throws(YAMLParseError) -> Key {
        let start = position
        guard let first = current else { throw failure("expected a mapping key, found the end of the file") }
        if isSequenceEntry {
            throw failure("expected a mapping key at this indentation, found a sequence entry '- '")
        }
        switch first {
        case "\"", "'":
            let keyText = try scanQuoted(parentIndent: mappingIndent)
            guard line == start.line else {
                throw YAMLParseError("a mapping key must end on the line where it starts", at: start)
            }
            skipWhite()
            guard current == ":" && Self.isBlankOrEnd(peek(1)) else {
                throw failure(
                    "expected ': ' after the mapping key \(JSONPath.quoted(keyText)), found \(describeCurrent())")
            }
            return Key(text: keyText, isPlain: false, position: start)
        case "[", "{", "|", ">":
            throw failure("expected a mapping key at this indentation, found '\(first)'")
        default:
            try rejectPlainStart(inFlow: false)
            var scalars = String.UnicodeScalarView()
            let stop = scanPlainLine(into: &scalars, inFlow: false)
            let keyText = String(scalars)
            guard stop == .colon else {
                throw failure(
                    "expected ': ' after the mapping key \(JSONPath.quoted(keyText)), found \(describeCurrent())")
            }
            return Key(text: keyText, isPlain: true, position: start)
        }
    }

    /// Parses a block sequence whose first entry's `-` is under the cursor.
    private mutating func parseBlockSequence(indent sequenceIndent: Int, depth: Int) throws(YAMLParseError) -> JSONNode
    {
        let start = position
        try checkDepth(depth, at: start)
        var elements: [JSONNode] = []
        while true {
            index += 1
            let afterDash = position
            var tab: SourcePosition?
            while let c = current, Self.isWhite(c) {
                if c == "\t" && tab == nil { tab = position }
                index += 1
            }
            path.append(.index(elements.count))
            let element: JSONNode
            if current == nil || current == "\n" || current == "#" {
                try skipToContent()
                if current != nil && !isDocumentMarker("-") && !isDocumentMarker(".") && indent > sequenceIndent {
                    element = try parseBlockNode(parentIndent: sequenceIndent, context: .lineStart, depth: depth)
                } else {
                    element = JSONNode(.null, at: afterDash)
                }
            } else {
                // A tab here would set the column of a compact mapping, which YAML measures in spaces.
                if let tab { throw YAMLParseError("tabs cannot be used for indentation; indent with spaces", at: tab) }
                element = try parseBlockNode(parentIndent: sequenceIndent, context: .afterDash, depth: depth)
            }
            path.removeLast()
            elements.append(element)
            guard current != nil, !isDocumentMarker("-"), !isDocumentMarker("."), indent >= sequenceIndent else {
                break
            }
            guard indent == sequenceIndent else {
                throw failure(
                    "bad indentation; expected column \(sequenceIndent + 1), where the entries of this sequence start")
            }
            // Another line at this indentation is the next key of a mapping the sequence is a value of.
            guard isSequenceEntry else { break }
        }
        return JSONNode(.array(elements), at: start)
    }

    // MARK: Block scalars

    /// Parses a `|` or `>` block scalar, header under the cursor, body on the following lines.
    private mutating func parseBlockScalar(parentIndent: Int) throws(YAMLParseError) -> JSONNode {
        let start = position
        let isLiteral = current == "|"
        index += 1
        var chomping = Chomping.clip
        var sawChomping = false
        var explicitIndent: Int?
        for _ in 0..<2 {
            guard let c = current else { break }
            if (c == "-" || c == "+") && !sawChomping {
                chomping = c == "-" ? .strip : .keep
                sawChomping = true
            } else if c == "0" && explicitIndent == nil {
                throw failure("block scalar indentation indicator 0 is invalid; expected 1 to 9")
            } else if ("1"..."9").contains(c) && explicitIndent == nil {
                explicitIndent = Int(c.value) - 48
            } else {
                break
            }
            index += 1
        }
        try endLine(after: "the block scalar header")
        let contentIndent: Int
        if let explicitIndent {
            contentIndent = max(parentIndent, 0) + explicitIndent
        } else {
            contentIndent = try detectBlockIndent(parentIndent: parentIndent)
        }
        var lines: [BlockLine] = []
        if current == "\n" {
            newLine()
            while let blockLine = scanBlockLine(contentIndent: contentIndent) { lines.append(blockLine) }
        }
        var scalars = String.UnicodeScalarView()
        if let last = lines.lastIndex(where: { $0.content != nil }) {
            if isLiteral {
                for number in 0...last {
                    if let content = lines[number].content { scalars.append(contentsOf: text[content]) }
                    if number < last { scalars.append("\n") }
                }
            } else {
                fold(lines[0...last], into: &scalars)
            }
            if chomping != .strip && lines[last].hasBreak { scalars.append("\n") }
            if chomping == .keep {
                for trailing in lines[(last + 1)...] where trailing.hasBreak { scalars.append("\n") }
            }
        } else if chomping == .keep {
            for empty in lines where empty.hasBreak { scalars.append("\n") }
        }
        try skipToContent()
        return JSONNode(.string(String(scalars)), at: start)
    }

    /// The indentation of the first non-empty line after the header, or a value no line
    /// reaches when that line is not indented more than the parent (then the scalar is empty).
    /// The cursor stays at the end of the header line.
    private func detectBlockIndent(parentIndent: Int) throws(YAMLParseError) -> Int {
        var probe = index
        var probeLine = line
        var widestEmpty: (spaces: Int, line: Int)?
        while probe < text.count && text[probe] == "\n" {
            probe += 1
            probeLine += 1
            let lineBegin = probe
            while probe < text.count && text[probe] == " " { probe += 1 }
            let spaces = probe - lineBegin
            while probe < text.count && Self.isWhite(text[probe]) { probe += 1 }
            if probe < text.count && text[probe] != "\n" {
                if spaces == 0 && isDocumentMarker(at: lineBegin) { break }
                guard spaces > parentIndent else { break }
                if let widestEmpty, widestEmpty.spaces > spaces {
                    throw YAMLParseError(
                        "a leading empty line of the block scalar has \(widestEmpty.spaces) spaces, more than"
                            + " its first content line (\(spaces)); remove the extra spaces",
                        at: SourcePosition(line: widestEmpty.line, column: 1))
                }
                return spaces
            }
            if spaces > (widestEmpty?.spaces ?? 0) { widestEmpty = (spaces, probeLine) }
        }
        return text.count + 1
    }

    /// Reads one line of a block scalar's body, cursor at the line's start, or returns nil
    /// (cursor unmoved) at the end of the text or at a line that ends the scalar.
    private mutating func scanBlockLine(contentIndent: Int) -> BlockLine? {
        guard index < text.count, !isDocumentMarker("-"), !isDocumentMarker(".") else { return nil }
        var probe = index
        while probe < text.count && text[probe] == " " && probe - index < contentIndent { probe += 1 }
        var content: Range<Int>?
        var end = probe
        if probe - index == contentIndent {
            while end < text.count && text[end] != "\n" { end += 1 }
            if end > probe { content = probe..<end }
        } else {
            // Fewer spaces than the content: an empty line if nothing else is on it (tabs are
            // accepted as white space here), else the first line after the scalar.
            while end < text.count && Self.isWhite(text[end]) { end += 1 }
            if end < text.count && text[end] != "\n" { return nil }
        }
        index = end
        let hasBreak = index < text.count
        if hasBreak { newLine() }
        return BlockLine(content: content, hasBreak: hasBreak)
    }

    /// Joins a folded scalar's lines: a single break between two lines of text becomes a space,
    /// a run of k empty lines k breaks; lines starting with white space keep their breaks.
    private func fold(_ lines: ArraySlice<BlockLine>, into scalars: inout String.UnicodeScalarView) {
        var emptyLines = 0
        var previousWasIndented: Bool?
        for blockLine in lines {
            guard let content = blockLine.content else {
                emptyLines += 1
                continue
            }
            let isIndented = Self.isWhite(text[content.lowerBound])
            switch previousWasIndented {
            case .none:
                scalars.append(contentsOf: repeatElement("\n", count: emptyLines))
            case .some(false) where !isIndented && emptyLines == 0:
                scalars.append(" ")
            case .some(false) where !isIndented:
                scalars.append(contentsOf: repeatElement("\n", count: emptyLines))
            case .some:
                scalars.append(contentsOf: repeatElement("\n", count: emptyLines + 1))
            }
            scalars.append(contentsOf: text[content])
            previousWasIndented = isIndented
            emptyLines = 0
        }
    }

    // MARK: Flow collections

    /// Parses a single-level `[...]` or `{...}` of scalars, which may span lines indented more
    /// than `parentIndent`.
    private mutating func parseFlowCollection(parentIndent: Int, depth: Int) throws(YAMLParseError) -> JSONNode {
        let start = position
        try checkDepth(depth, at: start)
        let isSequence = current == "["
        let kind = isSequence ? "flow sequence" : "flow mapping"
        let closing: Unicode.Scalar = isSequence ? "]" : "}"
        index += 1
        var elements: [JSONNode] = []
        var members: [JSONMember] = []
        var seen: [String: SourcePosition] = [:]
        try skipFlowSpace(parentIndent: parentIndent, openedAt: start, kind: kind, closing: closing)
        while current != closing {
            if isSequence {
                let element = try parseFlowScalar(parentIndent: parentIndent)
                try skipFlowSpace(parentIndent: parentIndent, openedAt: start, kind: kind, closing: closing)
                if current == ":" {
                    throw failure("key: value pairs inside a flow sequence are not supported; use a flow mapping")
                }
                elements.append(element)
            } else {
                let (key, plain, keyPosition) = try scanFlowScalar(parentIndent: parentIndent)
                try skipFlowSpace(parentIndent: parentIndent, openedAt: start, kind: kind, closing: closing)
                guard current == ":" else {
                    throw failure(
                        "expected ':' after the flow mapping key \(JSONPath.quoted(key)), found \(describeCurrent())")
                }
                index += 1
                let afterColon = position
                if plain && key == "<<" {
                    throw YAMLParseError(
                        "merge keys (<<) are not supported; write the merged keys out", at: keyPosition)
                }
                if let first = seen[key] {
                    let name = JSONPath(path + [.key(key)])
                    throw YAMLParseError(
                        "duplicate key \(name); first defined at line \(first.line), column \(first.column)",
                        at: keyPosition)
                }
                seen[key] = keyPosition
                try skipFlowSpace(parentIndent: parentIndent, openedAt: start, kind: kind, closing: closing)
                var value = JSONNode(.null, at: afterColon)
                if current != "," && current != closing {
                    value = try parseFlowScalar(parentIndent: parentIndent)
                    try skipFlowSpace(parentIndent: parentIndent, openedAt: start, kind: kind, closing: closing)
                }
                members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            }
            if current == "," {
                index += 1
                try skipFlowSpace(parentIndent: parentIndent, openedAt: start, kind: kind, closing: closing)
            } else if current != closing {
                throw failure("expected ',' or '\(closing)' after a \(kind) entry, found \(describeCurrent())")
            }
        }
        index += 1
        return JSONNode(isSequence ? .array(elements) : .object(members), at: start)
    }

    /// Parses one scalar value inside a flow collection.
    private mutating func parseFlowScalar(parentIndent: Int) throws(YAMLParseError) -> JSONNode {
        let (text, isPlain, start) = try scanFlowScalar(parentIndent: parentIndent)
        guard isPlain else { return JSONNode(.string(text), at: start) }
        return JSONNode(try YAMLScalar.resolve(plain: text, at: start), at: start)
    }

    /// Reads one scalar inside a flow collection: its text, whether it is plain, and its position.
    private mutating func scanFlowScalar(
        parentIndent: Int
    ) throws(YAMLParseError) -> (text: String, isPlain: Bool, position: SourcePosition) {
        let start = position
        switch current {
        case "\"", "'":
            return (try scanQuoted(parentIndent: parentIndent), false, start)
        case "[", "{":
            throw failure("nested flow collections are not supported; write the outer collection in block style")
        case "|", ">":
            throw failure("block scalars ('|', '>') are not allowed inside a flow collection")
        case ",", "]", "}":
            throw failure("expected a scalar, found \(describeCurrent())")
        default:
            try rejectPlainStart(inFlow: true)
            var scalars = String.UnicodeScalarView()
            if scanPlainLine(into: &scalars, inFlow: true) == .lineEnd {
                try scanPlainContinuation(into: &scalars, parentIndent: parentIndent, inFlow: true, from: start)
            }
            return (String(scalars), true, start)
        }
    }

    /// Skips white space, line breaks and comments inside a flow collection, checking that
    /// continued lines are indented more than the collection's parent. The closing bracket
    /// may sit at any indentation, as in JSON-style files; brackets, not indentation, end it.
    private mutating func skipFlowSpace(
        parentIndent: Int, openedAt start: SourcePosition, kind: String, closing: Unicode.Scalar
    ) throws(YAMLParseError) {
        while true {
            guard let c = current, !isDocumentMarker("-"), !isDocumentMarker(".") else {
                throw YAMLParseError("unterminated \(kind); expected '\(closing)'", at: start)
            }
            switch c {
            case " ", "\t":
                index += 1
            case "#" where index == lineStart || Self.isWhite(text[index - 1]):
                while let d = current, d != "\n" { index += 1 }
            case "\n":
                newLine()
                while current == " " { index += 1 }
                let spaces = index - lineStart
                while let d = current, Self.isWhite(d) { index += 1 }
                if let d = current, d != "\n", d != "#", d != closing, spaces <= parentIndent {
                    throw failure(
                        "continuation line of the \(kind) from line \(start.line) must be indented by at least "
                            + Self.spaces(parentIndent + 1))
                }
            default:
                return
            }
        }
    }

    // MARK: Scalars

    /// Throws for a character that cannot start a plain scalar here, naming the feature it
    /// introduces in full YAML.
    private func rejectPlainStart(inFlow: Bool) throws(YAMLParseError) {
        guard let c = current else { return }
        let next = peek(1)
        let nextEndsIndicator = Self.isBlankOrEnd(next) || (inFlow && next.map(Self.isFlowIndicator) == true)
        switch c {
        case "&": throw failure("anchors (&name) are not supported; repeat the value instead")
        case "*": throw failure("aliases (*name) are not supported; repeat the value instead")
        case "!": throw failure("tags (!tag, !!type) are not supported; remove the tag")
        case "?" where nextEndsIndicator: throw failure("complex keys ('? ') are not supported; write 'key: value'")
        case ":" where nextEndsIndicator: throw failure("expected a mapping key before ':'")
        case "-" where Self.isBlankOrEnd(next):
            // Only reached in a flow collection: in block context a sequence entry is taken first.
            throw failure("block sequence entries ('- ') are not allowed inside a flow collection")
        case "-" where nextEndsIndicator: throw failure("'-' cannot start a plain scalar; quote the value")
        case "%", "@", "`", ",", "[", "]", "{", "}", "#", "|", ">", "'", "\"":
            throw failure("'\(c)' cannot start a plain scalar; quote the value")
        default: return
        }
    }

    /// Appends a plain scalar's characters up to the end of the line or a terminator, and
    /// leaves the cursor on the terminator (or the line break).
    private mutating func scanPlainLine(into scalars: inout String.UnicodeScalarView, inFlow: Bool) -> PlainStop {
        while let c = current {
            switch c {
            case "\n":
                return .lineEnd
            case " ", "\t":
                var next = index
                while next < text.count && Self.isWhite(text[next]) { next += 1 }
                guard next < text.count, text[next] != "\n" else {
                    index = next
                    return .lineEnd
                }
                let following = text[next]
                if following == "#" || (following == ":" && colonEndsPlain(at: next, inFlow: inFlow))
                    || (inFlow && Self.isFlowIndicator(following))
                {
                    index = next
                    return following == "#" ? .comment : following == ":" ? .colon : .flowIndicator
                }
                scalars.append(contentsOf: text[index..<next])
                index = next
            case ":" where colonEndsPlain(at: index, inFlow: inFlow):
                return .colon
            case _ where inFlow && Self.isFlowIndicator(c):
                return .flowIndicator
            default:
                scalars.append(c)
                index += 1
            }
        }
        return .lineEnd
    }

    /// Folds the lines that continue a plain scalar: those indented more than `parentIndent`
    /// that are not comments. One line break becomes a space, k empty lines k breaks.
    private mutating func scanPlainContinuation(
        into scalars: inout String.UnicodeScalarView, parentIndent: Int, inFlow: Bool, from start: SourcePosition
    ) throws(YAMLParseError) {
        while current == "\n" {
            var probe = index
            var breaks = 0
            var probeLineStart = probe
            var spaces = 0
            repeat {
                probe += 1
                breaks += 1
                probeLineStart = probe
                while probe < text.count && text[probe] == " " { probe += 1 }
                spaces = probe - probeLineStart
                while probe < text.count && Self.isWhite(text[probe]) { probe += 1 }
            } while probe < text.count && text[probe] == "\n"
            guard probe < text.count, spaces > parentIndent, !isDocumentMarker(at: probeLineStart) else { return }
            let first = text[probe]
            if first == "#" || (first == ":" && colonEndsPlain(at: probe, inFlow: inFlow))
                || (inFlow && Self.isFlowIndicator(first))
            {
                return
            }
            line += breaks
            lineStart = probeLineStart
            index = probe
            if breaks == 1 {
                scalars.append(" ")
            } else {
                scalars.append(contentsOf: repeatElement("\n", count: breaks - 1))
            }
            let lineBegin = position
            let stop = scanPlainLine(into: &scalars, inFlow: inFlow)
            if stop == .colon && !inFlow {
                throw YAMLParseError(
                    "bad indentation: a key cannot continue the plain scalar from line \(start.line)", at: lineBegin)
            }
            guard stop == .lineEnd else { return }
        }
    }

    private func colonEndsPlain(at position: Int, inFlow: Bool) -> Bool {
        let next = position + 1 < text.count ? text[position + 1] : nil
        return Self.isBlankOrEnd(next) || (inFlow && next.map(Self.isFlowIndicator) == true)
    }

    /// Reads a single- or double-quoted scalar, the cursor on its opening quote, folding line
    /// breaks as YAML does: one break becomes a space, k empty lines k breaks, and white space
    /// around breaks goes.
    private mutating func scanQuoted(parentIndent: Int) throws(YAMLParseError) -> String {
        let start = position
        let isDouble = current == "\""
        let quote: Unicode.Scalar = isDouble ? "\"" : "'"
        let kind = isDouble ? "double-quoted" : "single-quoted"
        let unterminated = YAMLParseError(
            "unterminated \(kind) scalar; expected a closing \(isDouble ? "'\"'" : "\"'\"")", at: start)
        index += 1
        var scalars = String.UnicodeScalarView()
        // Raw spaces and tabs at the end of `scalars`, dropped if a line break follows them;
        // escaped ones are content and reset the count.
        var trailingWhite = 0
        while true {
            guard let c = current else { throw unterminated }
            switch c {
            case quote where !isDouble && peek(1) == "'":
                scalars.append("'")
                trailingWhite = 0
                index += 2
            case quote:
                index += 1
                return String(scalars)
            case "\n":
                scalars.removeLast(trailingWhite)
                trailingWhite = 0
                let emptyLines = try skipQuotedBreak(parentIndent: parentIndent, start: start, kind: kind, unterminated)
                if emptyLines == 0 {
                    scalars.append(" ")
                } else {
                    scalars.append(contentsOf: repeatElement("\n", count: emptyLines))
                }
            case "\\" where isDouble:
                let escapeStart = position
                index += 1
                trailingWhite = 0
                if current == "\n" {
                    // An escaped line break joins the lines without a space.
                    let emptyLines = try skipQuotedBreak(
                        parentIndent: parentIndent, start: start, kind: kind, unterminated)
                    scalars.append(contentsOf: repeatElement("\n", count: emptyLines))
                } else {
                    scalars.append(try parseEscape(at: escapeStart, unterminated))
                }
            case " ", "\t":
                scalars.append(c)
                trailingWhite += 1
                index += 1
            default:
                scalars.append(c)
                trailingWhite = 0
                index += 1
            }
        }
    }

    /// Moves past a line break inside a quoted scalar and any empty lines after it, to the first
    /// character of the next line with content; returns the number of empty lines.
    private mutating func skipQuotedBreak(
        parentIndent: Int, start: SourcePosition, kind: String, _ unterminated: YAMLParseError
    ) throws(YAMLParseError) -> Int {
        var emptyLines = 0
        while true {
            newLine()
            if isDocumentMarker("-") || isDocumentMarker(".") { throw unterminated }
            while current == " " { index += 1 }
            let spaces = index - lineStart
            while let c = current, Self.isWhite(c) { index += 1 }
            guard let c = current else { throw unterminated }
            if c == "\n" {
                emptyLines += 1
                continue
            }
            guard spaces > parentIndent else {
                throw failure(
                    "continuation line of the \(kind) scalar from line \(start.line) must be indented by at least "
                        + Self.spaces(parentIndent + 1))
            }
            return emptyLines
        }
    }

    /// Reads the escape after a backslash; `\uD83D\uDE00` pairs become one scalar, as in JSON.
    private mutating func parseEscape(
        at escapeStart: SourcePosition, _ unterminated: YAMLParseError
    ) throws(YAMLParseError) -> Unicode.Scalar {
        guard let c = current else { throw unterminated }
        index += 1
        switch c {
        case "0": return "\u{0}"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "t", "\t": return "\t"
        case "n": return "\n"
        case "v": return "\u{0B}"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case " ", "\"", "/", "\\": return c
        case "N": return "\u{85}"
        case "_": return "\u{A0}"
        case "L": return "\u{2028}"
        case "P": return "\u{2029}"
        case "x":
            // Two hex digits are at most 0xFF, which is always a scalar.
            let value = try parseHex(digits: 2, after: "x")
            return Unicode.Scalar(UInt8(truncatingIfNeeded: value))
        case "U":
            let value = try parseHex(digits: 8, after: "U")
            guard let scalar = Unicode.Scalar(value) else {
                throw YAMLParseError(
                    "\\U\(Self.hex(value, digits: 8)) is not a Unicode scalar;"
                        + " expected at most 0010FFFF and no surrogate D800...DFFF",
                    at: escapeStart)
            }
            return scalar
        case "u":
            let unit = try parseHex(digits: 4, after: "u")
            switch unit {
            case 0xD800...0xDBFF:
                let lowMessage =
                    "unpaired surrogate \\u\(Self.hex(unit, digits: 4));"
                    + " expected a low surrogate \\uDC00...\\uDFFF after it"
                guard current == "\\", peek(1) == "u" else { throw YAMLParseError(lowMessage, at: escapeStart) }
                index += 2
                let low = try parseHex(digits: 4, after: "u")
                guard (0xDC00...0xDFFF).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { throw YAMLParseError(lowMessage, at: escapeStart) }
                return scalar
            case 0xDC00...0xDFFF:
                throw YAMLParseError(
                    "unpaired surrogate \\u\(Self.hex(unit, digits: 4));"
                        + " expected a high surrogate \\uD800...\\uDBFF before it",
                    at: escapeStart)
            default:
                // Every value outside the surrogate range is a valid scalar.
                return Unicode.Scalar(unit) ?? "\u{FFFD}"
            }
        default:
            throw YAMLParseError(
                "invalid escape '\\\(c)'; expected one of \\0 \\a \\b \\t \\n \\v \\f \\r \\e \\\" \\/ \\\\"
                    + " \\N \\_ \\L \\P \\xHH \\uHHHH \\UHHHHHHHH or '\\' and a space",
                at: escapeStart)
        }
    }

    private mutating func parseHex(digits: Int, after letter: Unicode.Scalar) throws(YAMLParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let c = current, let digit = Self.hexValue(c) else {
                throw failure("expected \(digits) hex digits after \\\(letter), found \(describeCurrent())")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }

    // MARK: Scanning

    private var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < text.count ? text[index + offset] : nil
    }

    private var position: SourcePosition { SourcePosition(line: line, column: index - lineStart + 1) }

    /// The cursor's column less one: a line's indentation when the cursor is on its first content.
    private var indent: Int { index - lineStart }

    private var isSequenceEntry: Bool { current == "-" && Self.isBlankOrEnd(peek(1)) }

    /// Moves past the `\n` under the cursor.
    private mutating func newLine() {
        index += 1
        line += 1
        lineStart = index
    }

    private mutating func skipWhite() {
        while let c = current, Self.isWhite(c) { index += 1 }
    }

    /// Whether the cursor is on a `---` (with `marker` "-") or `...` line marker.
    private func isDocumentMarker(_ marker: Unicode.Scalar) -> Bool {
        index == lineStart && peek(0) == marker && isDocumentMarker(at: index)
    }

    /// Whether a `---` or `...` marker starts at `lineBegin`, the first index of a line.
    private func isDocumentMarker(at lineBegin: Int) -> Bool {
        guard lineBegin + 2 < text.count else { return false }
        let marker = text[lineBegin]
        guard marker == "-" || marker == "." else { return false }
        guard text[lineBegin + 1] == marker, text[lineBegin + 2] == marker else { return false }
        return Self.isBlankOrEnd(lineBegin + 3 < text.count ? text[lineBegin + 3] : nil)
    }

    /// Checks that only white space or a comment is left on the line, and stops at its end.
    private mutating func endLine(after what: String, expecting: String = "the end of the line") throws(YAMLParseError)
    {
        skipWhite()
        switch current {
        case nil, "\n":
            return
        case "#" where index > lineStart && Self.isWhite(text[index - 1]):
            while let c = current, c != "\n" { index += 1 }
        case "#":
            throw failure("unexpected '#' after \(what); a comment needs white space before '#'")
        default:
            throw failure("unexpected \(describeCurrent()) after \(what); expected \(expecting)")
        }
    }

    /// Moves to the first character of the next line with content, past white space, empty
    /// lines and comments; the cursor must be at a line's start, its first content, or where
    /// only white space or a comment is left on the line.
    private mutating func skipToContent() throws(YAMLParseError) {
        while let c = current {
            switch c {
            case " ", "\t":
                index += 1
            case "\n":
                newLine()
            case "#" where index == lineStart || Self.isWhite(text[index - 1]):
                while let d = current, d != "\n" { index += 1 }
            default:
                if let tab = text[lineStart..<index].firstIndex(of: "\t") {
                    throw YAMLParseError(
                        "tabs cannot be used for indentation; indent with spaces",
                        at: SourcePosition(line: line, column: tab - lineStart + 1))
                }
                return
            }
        }
    }

    private func checkDepth(_ depth: Int, at start: SourcePosition) throws(YAMLParseError) {
        if depth > JSONParser.maximumDepth {
            throw YAMLParseError(
                "nesting deeper than \(JSONParser.maximumDepth) levels; expected a shallower document", at: start)
        }
    }

    private func failure(_ message: String) -> YAMLParseError {
        YAMLParseError(message, at: position)
    }

    /// Names the character under the cursor for a message: `'x'`, a tab, or the end of the line or file.
    private func describeCurrent() -> String {
        switch current {
        case nil: return "the end of the file"
        case "\n": return "the end of the line"
        case "\t": return "a tab"
        case .some(let c): return "'\(c)'"
        }
    }

    private static func isWhite(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    private static func isBlankOrEnd(_ c: Unicode.Scalar?) -> Bool {
        c == nil || c == " " || c == "\t" || c == "\n"
    }

    private static func isFlowIndicator(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }

    /// `count` followed by "space" or "spaces".
    private static func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }

    /// `value` in uppercase hex, zero-padded to `digits`.
    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
