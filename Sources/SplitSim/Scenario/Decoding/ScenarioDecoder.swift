/// Turns a parsed scenario document into a ``Scenario``, collecting every problem instead of
/// stopping at the first, so one run of `splitsim validate` shows everything to fix.
///
/// Readers return nil when a value is absent or wrong (after reporting why); callers fall back
/// to a default and carry on. The decoded model is only handed out when no problem was found.
struct ScenarioDecoder {
    /// A key's value (if present) in an object, with everything needed to report about it.
    struct Field {
        /// The value, or nil when the key is absent.
        var node: JSONNode?
        /// The path of the key.
        var path: JSONPath
        /// Where the enclosing object starts, to point at when the key is missing.
        var parentPosition: SourcePosition
    }

    /// An object whose keys have been checked, giving access to its members by key.
    struct Fields {
        /// The object's path.
        var path: JSONPath
        /// Where the object starts.
        var position: SourcePosition
        /// The members in file order.
        var members: [JSONMember]

        /// The field for `key`, present or not.
        subscript(key: String) -> Field {
            Field(node: members.first { $0.key == key }?.value, path: path.key(key), parentPosition: position)
        }
    }

    /// The largest pod count accepted anywhere; larger values are typos or beyond what a
    /// simulation of one service should model.
    static let maximumReplicas = 10_000
    /// The largest request rate accepted, in requests per second.
    static let maximumRps = 1_000_000.0
    /// The smallest non-zero request rate accepted: one request in about 11.6 days. Below it
    /// the time between requests leaves the range of ``SimDuration``.
    static let minimumRps = 1e-6
    /// The longest duration accepted, in seconds (about 31 years): sums of a few durations,
    /// a start-up times its jitter, stay exact in ``SimDuration``'s nanoseconds.
    static let maximumSeconds = 1e9
    /// The shortest interval between analysis measurements or metric scrapes: Prometheus
    /// scrapes seconds apart, and shorter ones would only multiply the events of a run.
    static let minimumInterval = SimDuration.seconds(1)

    /// Every problem found so far, in the order found.
    private(set) var problems: [ScenarioProblem] = []

    /// Records a problem.
    mutating func report(_ message: String, at path: JSONPath, _ position: SourcePosition?) {
        problems.append(ScenarioProblem(path: path, message: message, position: position))
    }

    /// The problems in file order (problems at the same place keep the order they were found in).
    var problemsInFileOrder: [ScenarioProblem] {
        problems.enumerated().sorted { lhs, rhs in
            let left = lhs.element.position ?? SourcePosition(line: 0, column: 0)
            let right = rhs.element.position ?? SourcePosition(line: 0, column: 0)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    // MARK: Objects and keys

    /// Checks that `node` is an object accepting only `object`'s keys and reports each unknown
    /// key; `explanations` replaces the generic message for keys that are wrong for a reason.
    mutating func fields(
        of node: JSONNode, at path: JSONPath, as object: ScenarioObject, explanations: [String: String] = [:]
    ) -> Fields? {
        fields(of: node, at: path, accepting: object.keys, explanations: explanations)
    }

    /// Like ``fields(of:at:as:explanations:)`` with an explicit key list.
    mutating func fields(
        of node: JSONNode, at path: JSONPath, accepting keys: [String], explanations: [String: String] = [:]
    ) -> Fields? {
        guard let members = node.members else {
            reportType(expected: "an object", found: node, at: path)
            return nil
        }
        for member in members where !keys.contains(member.key) {
            let message = explanations[member.key] ?? Self.unknownKeyMessage(member.key, accepted: keys, noun: "key")
            report(message, at: path.key(member.key), member.keyPosition)
        }
        return Fields(path: path, position: node.position, members: members)
    }

    /// `unknown key; did you mean "replicas"?`, or the accepted list when nothing is close.
    static func unknownKeyMessage(_ key: String, accepted: [String], noun: String) -> String {
        if let suggestion = EditDistance.suggestion(for: key, among: accepted) {
            return "unknown \(noun); did you mean \(JSONPath.quoted(suggestion))?"
        }
        return "unknown \(noun); expected one of \(accepted.joined(separator: ", "))"
    }

    /// The field's value, or nil after reporting a missing key when `required`.
    private mutating func present(_ field: Field, required: Bool, expecting expectation: @autoclosure () -> String)
        -> JSONNode?
    {
        if let node = field.node { return node }
        if required { report("missing required key; expected \(expectation())", at: field.path, field.parentPosition) }
        return nil
    }

    /// Reports `expected X, found Y`.
    mutating func reportType(expected: String, found node: JSONNode, at path: JSONPath) {
        report("expected \(expected), found \(node.value.kindDescription)", at: path, node.position)
    }

    // MARK: Scalars

    /// A whole number within `range`.
    mutating func integer(_ field: Field, in range: ClosedRange<Int>, required: Bool = false, note: String = "") -> Int?
    {
        let expectation = "an integer \(Self.describe(range))\(note)"
        guard let node = present(field, required: required, expecting: expectation) else { return nil }
        guard case .number(let number) = node.value else {
            reportType(expected: expectation, found: node, at: field.path)
            return nil
        }
        guard number.isWhole else {
            report("\(number) is not a whole number; expected \(expectation)", at: field.path, node.position)
            return nil
        }
        guard let value = number.integerValue, range.contains(value) else {
            report("\(number) is out of range; expected \(Self.describe(range))\(note)", at: field.path, node.position)
            return nil
        }
        return value
    }

    /// A whole number in 0...2⁶⁴−1, for the random seed.
    mutating func unsignedInteger(_ field: Field) -> UInt64? {
        let range = "0...\(UInt64.max)"
        guard let node = field.node else { return nil }
        guard case .number(let number) = node.value else {
            reportType(expected: "an integer \(range)", found: node, at: field.path)
            return nil
        }
        guard number.isWhole else {
            report("\(number) is not a whole number; expected an integer \(range)", at: field.path, node.position)
            return nil
        }
        guard let value = number.unsignedValue else {
            report("\(number) is out of range; expected \(range)", at: field.path, node.position)
            return nil
        }
        return value
    }

    /// A number at least `minimum` (or above it when `exclusive`) and at most `maximum`.
    mutating func number(
        _ field: Field, atLeast minimum: Double, exclusive: Bool = false, atMost maximum: Double, required: Bool = false
    ) -> Double? {
        let bounds: String
        if exclusive {
            bounds = "greater than \(Self.format(minimum)) and at most \(Self.format(maximum))"
        } else {
            bounds = "\(Self.format(minimum))...\(Self.format(maximum))"
        }
        guard let node = present(field, required: required, expecting: "a number \(bounds)") else { return nil }
        guard case .number(let number) = node.value else {
            reportType(expected: "a number", found: node, at: field.path)
            return nil
        }
        let value = number.value
        guard exclusive ? value > minimum : value >= minimum, value <= maximum else {
            report("\(number) is out of range; expected \(bounds)", at: field.path, node.position)
            return nil
        }
        return value
    }

    /// A fraction (a probability or a share) in [0, 1].
    mutating func fraction(_ field: Field, required: Bool = false) -> Double? {
        guard let node = present(field, required: required, expecting: "a fraction 0...1") else { return nil }
        guard case .number(let number) = node.value else {
            reportType(expected: "a fraction 0...1", found: node, at: field.path)
            return nil
        }
        guard (0...1).contains(number.value) else {
            report("\(number) is out of range; expected a fraction 0...1", at: field.path, node.position)
            return nil
        }
        return number.value
    }

    /// A string; empty strings are rejected unless `allowEmpty`.
    mutating func string(_ field: Field, required: Bool = false, allowEmpty: Bool = false) -> String? {
        guard let node = present(field, required: required, expecting: "a string") else { return nil }
        guard case .string(let text) = node.value else {
            reportType(expected: "a string", found: node, at: field.path)
            return nil
        }
        if text.isEmpty && !allowEmpty {
            report("empty string; expected a non-empty string", at: field.path, node.position)
            return nil
        }
        return text
    }

    /// One of a fixed set of names, e.g. a router or a strategy kind.
    mutating func choice<Choice: CaseIterable & RawRepresentable<String>>(
        _ field: Field, as _: Choice.Type, noun: String, required: Bool = false
    ) -> Choice? {
        let names = Choice.allCases.map { JSONPath.quoted($0.rawValue) }.joined(separator: ", ")
        guard let node = present(field, required: required, expecting: "one of \(names)") else { return nil }
        guard case .string(let text) = node.value else {
            reportType(expected: "one of \(names)", found: node, at: field.path)
            return nil
        }
        if let choice = Choice(rawValue: text) { return choice }
        let quoted = JSONPath.quoted(text)
        if let suggestion = EditDistance.suggestion(for: text, among: Choice.allCases.map(\.rawValue)) {
            report(
                "\(quoted) is not a known \(noun); did you mean \(JSONPath.quoted(suggestion))?", at: field.path,
                node.position)
        } else {
            report("\(quoted) is not a known \(noun); expected one of \(names)", at: field.path, node.position)
        }
        return nil
    }

    /// A duration: a string such as `"90s"` or a number of seconds, at most
    /// ``maximumSeconds``; zero is refused when `positive`, anything shorter than `minimum`
    /// when one is given.
    mutating func duration(
        _ field: Field, positive: Bool = false, atLeast minimum: SimDuration? = nil, required: Bool = false
    ) -> SimDuration? {
        let expectation = "a duration such as \"90s\", \"5m\", \"1h30m\", \"250ms\" or a number of seconds"
        guard let node = present(field, required: required, expecting: expectation) else { return nil }
        let value: SimDuration
        let shown: String
        switch node.value {
        case .string(let text):
            shown = JSONPath.quoted(text)
            guard let parsed = SimDuration(parsing: text) else {
                if text.hasPrefix("-"), SimDuration(parsing: String(text.dropFirst())) != nil {
                    report("\(shown) is negative; expected a duration of at least 0s", at: field.path, node.position)
                } else {
                    report("\(shown) is not a duration; expected \(expectation)", at: field.path, node.position)
                }
                return nil
            }
            value = parsed
        case .number(let number):
            shown = number.literal
            guard number.value >= 0 else {
                report("\(shown) is negative; expected a duration of at least 0s", at: field.path, node.position)
                return nil
            }
            value = .seconds(number.value)
        default:
            reportType(expected: expectation, found: node, at: field.path)
            return nil
        }
        guard value.seconds <= Self.maximumSeconds else {
            report(
                "\(shown) is too long; expected at most \(Self.format(Self.maximumSeconds)) seconds (about 31 years)",
                at: field.path, node.position)
            return nil
        }
        if positive && value == .zero {
            report("\(shown) is zero; expected a duration greater than 0s", at: field.path, node.position)
            return nil
        }
        if let minimum, value < minimum {
            report("\(shown) is shorter than \(minimum); expected at least \(minimum)", at: field.path, node.position)
            return nil
        }
        return value
    }

    /// A request rate: 0 when `allowsZero`, else from ``minimumRps`` up to ``maximumRps``.
    mutating func rate(_ field: Field, allowsZero: Bool = false, required: Bool = false) -> Double? {
        let bounds =
            (allowsZero ? "0 or " : "") + "\(Self.format(Self.minimumRps))...\(Self.format(Self.maximumRps))"
        guard let node = present(field, required: required, expecting: "a rate \(bounds) requests/s") else {
            return nil
        }
        guard case .number(let number) = node.value else {
            reportType(expected: "a number", found: node, at: field.path)
            return nil
        }
        let value = number.value
        guard (allowsZero && value == 0) || (Self.minimumRps...Self.maximumRps).contains(value) else {
            report("\(number) is out of range; expected \(bounds) requests/s", at: field.path, node.position)
            return nil
        }
        return value
    }

    /// An integer pod count or a percentage string such as `"25%"`; percentages above
    /// `maximumPercent` are refused.
    mutating func intOrPercent(_ field: Field, maximumPercent: Int) -> IntOrPercent? {
        let counts = 0...Self.maximumReplicas
        let expectation = "an integer \(Self.describe(counts)) or a percentage \"0%\"...\"\(maximumPercent)%\""
        guard let node = field.node else { return nil }
        switch node.value {
        case .number:
            return integer(field, in: counts, note: " or a percentage such as \"25%\"").map(IntOrPercent.count)
        case .string(let text):
            let shown = JSONPath.quoted(text)
            guard text.hasSuffix("%") else {
                let hint =
                    Int(text).map { "an integer (\($0)) or a string with a percent sign (\"\($0)%\")" } ?? expectation
                report("\(shown) is not a percentage; expected \(hint)", at: field.path, node.position)
                return nil
            }
            guard case .percent(let percent)? = IntOrPercent(parsing: text), percent <= maximumPercent else {
                let number = Double(text.dropLast())
                let problem =
                    number.map { $0 < 0 || $0 > Double(maximumPercent) } == true
                    ? "is out of range" : "is not a whole percentage"
                report("\(shown) \(problem); expected \"0%\"...\"\(maximumPercent)%\"", at: field.path, node.position)
                return nil
            }
            return .percent(percent)
        default:
            reportType(expected: expectation, found: node, at: field.path)
            return nil
        }
    }

    /// An array's elements.
    mutating func array(_ field: Field, required: Bool = false, expecting expectation: String) -> [JSONNode]? {
        guard let node = present(field, required: required, expecting: expectation) else { return nil }
        guard let elements = node.elements else {
            reportType(expected: expectation, found: node, at: field.path)
            return nil
        }
        return elements
    }

    /// The fields of an object value; reports a missing key when `required`.
    mutating func object(_ field: Field, as object: ScenarioObject, required: Bool = false) -> Fields? {
        guard let node = present(field, required: required, expecting: "an object") else { return nil }
        return fields(of: node, at: field.path, as: object)
    }

    // MARK: Formatting

    /// `1...10000`, or `at least 1` for an open range.
    static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound)...\(range.upperBound)"
    }

    /// A bound without a needless `.0`.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, value.magnitude < 1e15 { return String(Int64(value)) }
        // Sums of decimal fractions pick up binary noise (0.1 + 0.2 + 1.0 = 1.2999999999999998);
        // nine decimals show what the user wrote.
        return String((value * 1e9).rounded() / 1e9)
    }
}
