/// An Argo `successCondition` or `failureCondition` of the one shape whose threshold a
/// scenario can hold: the metric compared with a number, `result[0] >= 0.99`, optionally
/// guarded against an empty result, `len(result) == 0 || result[0] >= 0.99`.
///
/// The metric counts as a success rate when the condition wants it high and as an error rate
/// when it wants it low; either way ``errorRate`` is the error rate at the threshold.
struct ThresholdCondition: Hashable {
    /// Whether the condition holds for a metric above the number (`>=`, `>`) or below it.
    var holdsAbove: Bool
    /// The number compared with.
    var value: DecimalFraction
    /// Whether the condition is true on an empty result (`len(result) == 0 || …`, or
    /// `isNaN(result[0]) || …` for a ratio of two empty rates).
    var guardsNoData: Bool

    /// The operands that name the measured value.
    private static let operands: Set<Substring> = ["result[0]", "result", "asFloat(result[0])", "asFloat(result)"]
    /// The guards that make an empty or undefined result pass.
    private static let guards: [String] = [
        "len(result)==0||", "len(result)<1||", "isNaN(result[0])||", "isNaN(result)||",
    ]

    /// Reads `text`; nil for any other shape, or a number outside [0, 1].
    /// - Complexity: O(n) in the length of `text`.
    init?(parsing text: String) {
        var compact = Substring(text.filter { !$0.isWhitespace })
        guardsNoData = false
        for prefix in Self.guards where compact.hasPrefix(prefix) {
            guardsNoData = true
            compact = compact.dropFirst(prefix.count)
            break
        }
        guard let (left, symbol, right) = Self.comparison(in: compact) else { return nil }
        let above = symbol.hasPrefix(">")
        if Self.operands.contains(left), let number = DecimalFraction(literal: String(right)) {
            holdsAbove = above
            value = number
        } else if Self.operands.contains(right), let number = DecimalFraction(literal: String(left)) {
            holdsAbove = !above
            value = number
        } else {
            return nil
        }
        guard value.isFraction else { return nil }
    }

    /// The largest error rate at which a success condition still holds: 1 − x for a success
    /// rate that must stay at or above x, x for an error rate that must stay at or below it.
    var errorRateAllowed: DecimalFraction {
        holdsAbove ? value.complement : value
    }

    /// The error rate above which a failure condition holds: 1 − x for a success rate that
    /// fails below x, x for an error rate that fails above it.
    var errorRateFailing: DecimalFraction {
        holdsAbove ? value : value.complement
    }

    /// Splits `a OP b` at its one comparison operator.
    private static func comparison(in text: Substring) -> (Substring, Substring, Substring)? {
        for symbol in [">=", "<=", ">", "<"] {
            guard let range = text.firstRange(of: symbol) else { continue }
            let left = text[..<range.lowerBound]
            let right = text[range.upperBound...]
            guard !left.isEmpty, !right.isEmpty, !right.contains(where: { "<>=|&!".contains($0) }) else { return nil }
            return (left, text[range], right)
        }
        return nil
    }
}
