/// Builds the JSON trees of an imported scenario. Every node sits at line 1, column 1: it
/// comes from no file of its own, and problems found in it are traced back to their manifest
/// by the strategy they belong to.
enum ImportTree {
    /// The position every built node has.
    static let origin = SourcePosition(line: 1, column: 1)

    /// An object with `members` in the order given.
    static func object(_ members: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(members.map { JSONMember(key: $0.0, keyPosition: origin, value: $0.1) }), at: origin)
    }

    /// An array of `elements`.
    static func array(_ elements: [JSONNode]) -> JSONNode {
        JSONNode(.array(elements), at: origin)
    }

    /// A string.
    static func string(_ text: String) -> JSONNode {
        JSONNode(.string(text), at: origin)
    }

    /// An integer.
    static func integer(_ value: Int) -> JSONNode {
        JSONNode(.number(JSONNumber(value)), at: origin)
    }

    /// A decimal number, written as its shortest literal.
    static func decimal(_ value: DecimalFraction) -> JSONNode {
        JSONNode(.number(JSONNumber(literal: value.description, value: value.doubleValue)), at: origin)
    }

    /// `true` or `false`.
    static func boolean(_ value: Bool) -> JSONNode {
        JSONNode(.bool(value), at: origin)
    }

    /// A pod count or a percentage of the replicas, as a scenario writes it: `1` or `"25%"`.
    static func podCount(_ value: IntOrPercent) -> JSONNode {
        switch value {
        case .count(let count): integer(count)
        case .percent: string(value.description)
        }
    }

    /// A header rule's pattern for values starting with `prefix`: `^` and the prefix with
    /// every regular-expression metacharacter escaped.
    static func prefixPattern(_ prefix: String) -> String {
        var pattern = "^"
        for character in prefix {
            if "\\^$.|?*+()[]{}".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }

    /// `null`.
    static let null = JSONNode(.null, at: origin)

    /// A one-member object, the shape of every step: `{"setWeight": 10}`.
    static func step(_ key: String, _ value: JSONNode) -> JSONNode {
        object([(key, value)])
    }
}
