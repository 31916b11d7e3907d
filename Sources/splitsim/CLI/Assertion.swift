import Foundation
import SplitReport

/// One `compare --assert 'STRATEGY: PATH OP NUMBER'`: a bound on a figure of the JSON report.
///
/// `STRATEGY` is a strategy name or `*` (every strategy compared); `PATH` a dotted path in that
/// strategy's object of `compare --format json` (a segment may be an array index); `OP` one of
/// `< <= > >= ==`.
struct Assertion: Equatable {
    /// The comparison of a figure with the bound.
    enum Operator: String, CaseIterable {
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case equal = "=="

        /// Whether `value OP bound` holds.
        func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .less: value < bound
            case .lessOrEqual: value <= bound
            case .greater: value > bound
            case .greaterOrEqual: value >= bound
            case .equal: value == bound
            }
        }

        /// The operator that holds when this one does not, as a failure prints it.
        var negation: String {
            switch self {
            case .less: ">="
            case .lessOrEqual: ">"
            case .greater: "<="
            case .greaterOrEqual: "<"
            case .equal: "!="
            }
        }
    }

    /// The assertion as given, for messages.
    var text: String
    /// The strategy's name, or nil for `*`.
    var strategy: String?
    /// The path's segments, at least one, none empty.
    var path: [String]
    var comparison: Operator
    var bound: Double
    /// The bound as written, for messages.
    var boundText: String

    /// The path as written: segments joined by dots.
    var pathText: String { path.joined(separator: ".") }

    /// Parses `STRATEGY: PATH OP NUMBER`; whitespace around each part is optional.
    init(parsing text: String) throws(AssertionParseError) {
        self.text = text
        guard let colon = text.lastIndex(of: ":") else { throw .noColon }
        var name = text[..<colon].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        guard !name.isEmpty else { throw .noStrategy }
        strategy = name == "*" ? nil : name

        let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let operatorCharacters: Set<Character> = ["<", ">", "=", "!"]
        let pathEnd = rest.firstIndex { $0.isWhitespace || operatorCharacters.contains($0) } ?? rest.endIndex
        let pathText = String(rest[..<pathEnd])
        guard !pathText.isEmpty else { throw .noPath }
        path = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else { throw .emptySegment(pathText) }

        let afterPath = rest[pathEnd...].drop { $0.isWhitespace }
        let operatorText = String(afterPath.prefix { operatorCharacters.contains($0) })
        guard !operatorText.isEmpty else {
            throw afterPath.isEmpty ? .noOperator : .unknownOperator(String(afterPath.prefix { !$0.isWhitespace }))
        }
        guard let comparison = Operator(rawValue: operatorText) else { throw .unknownOperator(operatorText) }
        self.comparison = comparison

        boundText = afterPath.dropFirst(operatorText.count).trimmingCharacters(in: .whitespaces)
        guard !boundText.isEmpty else { throw .noNumber }
        guard let bound = Double(boundText), bound.isFinite else { throw .notANumber(boundText) }
        self.bound = bound
    }

    /// Whether the assertion is about the strategy named `name`.
    func applies(to name: String) -> Bool {
        strategy.map { $0 == name } ?? true
    }

    /// The line that reports the assertion failing for `strategy`, which resolved to `value`;
    /// `scenario` is the scenario's file when the report holds more than one.
    func failure(strategy: String, scenario: String?, value: Double?) -> String {
        let prefix = "assertion failed: " + (scenario.map { "\($0): " } ?? "") + "\"\(strategy)\": \(pathText)"
        guard let value else {
            return prefix + " is null (no run produced it); expected \(comparison.rawValue) \(boundText)"
        }
        return prefix + " = \(JSONWriter.format(value)) \(comparison.negation) \(boundText)"
    }
}

/// Why an `--assert` value is not `STRATEGY: PATH OP NUMBER`.
enum AssertionParseError: Error, Equatable, CustomStringConvertible {
    case noColon
    case noStrategy
    case noPath
    case emptySegment(String)
    case noOperator
    case unknownOperator(String)
    case noNumber
    case notANumber(String)

    static let operators = Assertion.Operator.allCases.map(\.rawValue).joined(separator: " ")

    var description: String {
        switch self {
        case .noColon: "no colon; expected 'STRATEGY: PATH OP NUMBER', e.g. '*: exposure.usersFailed.p95 <= 50'"
        case .noStrategy: "no strategy before the colon; expected a strategy name or *"
        case .noPath: "no path after the colon; expected a dotted path such as exposure.usersFailed.p95"
        case .emptySegment(let path): "path \"\(path)\" has an empty segment; expected names joined by single dots"
        case .noOperator: "no operator after the path; expected one of \(Self.operators)"
        case .unknownOperator(let text): "unknown operator \"\(text)\"; expected one of \(Self.operators)"
        case .noNumber: "no number after the operator"
        case .notANumber(let text): "\"\(text)\" is not a number"
        }
    }
}

/// What a path names in a JSON value parsed by `JSONSerialization`.
enum PathResolution {
    /// A number.
    case number(Double)
    /// `null` at the path or above it: a figure no run produced.
    case null
    /// Segment `index` names nothing; `reason` says what was there instead.
    case nothing(index: Int, reason: String)
    /// The path ends at something other than a number; `what` describes it.
    case notANumber(what: String)

    /// Follows `path` from `root`; with `emptyListsAccept`, an empty list answers `.null` for
    /// whatever follows it (a template cannot say what its items hold).
    static func resolve(_ path: [String], in root: Any, emptyListsAccept: Bool = false) -> PathResolution {
        var value = root
        for (index, segment) in path.enumerated() {
            let above = index == 0 ? "the strategy" : path[..<index].joined(separator: ".")
            if value is NSNull { return .null }
            if let object = value as? [String: Any] {
                guard let member = object[segment] else {
                    var reason = "no \"\(segment)\" in \(above); expected one of \(keys(object))"
                    if let near = ArgumentList.nearest(to: segment, among: Array(object.keys)) {
                        reason += " (did you mean \"\(near)\"?)"
                    }
                    return .nothing(index: index, reason: reason)
                }
                value = member
            } else if let array = value as? [Any] {
                if array.isEmpty && emptyListsAccept { return .null }
                guard let position = Int(segment), array.indices.contains(position) else {
                    let range = array.isEmpty ? "it is empty" : "expected an index in 0...\(array.count - 1)"
                    return .nothing(index: index, reason: "\(above) is a list; \(range)")
                }
                value = array[position]
            } else {
                return .nothing(index: index, reason: "\(above) is \(describe(value)), which has no \"\(segment)\"")
            }
        }
        if value is NSNull { return .null }
        if let number = value as? NSNumber, !(value is String) { return .number(number.doubleValue) }
        return .notANumber(what: describe(value))
    }

    /// The keys of an object, in a stable order.
    private static func keys(_ object: [String: Any]) -> String {
        object.keys.sorted().joined(separator: ", ")
    }

    private static func describe(_ value: Any) -> String {
        if let object = value as? [String: Any] { return "an object (\(keys(object)))" }
        if value is [Any] { return "a list" }
        if value is String { return "a string" }
        return "a number"
    }
}
