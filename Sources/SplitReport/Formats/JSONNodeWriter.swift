import SplitSim

/// Renders a ``JSONNode`` tree as pretty JSON text: two-space indentation, members in tree
/// order, numbers as their literals (so `0.01` stays `0.01` and `10` never becomes `10.0`),
/// strings escaped as RFC 8259 requires. The same tree always renders to the same bytes.
///
/// A container stays on one line when that line fits in ``lineLimit`` columns, so that steps
/// read as `{"setWeight": 10}` and `{"setCanaryScale": {"replicas": 2}}`.
public enum JSONNodeWriter {
    /// The widest line a one-line container may make, indentation included.
    public static let lineLimit = 100

    /// The text of `node`, without a final newline.
    /// - Complexity: O(n) in the size of the text: a container's one-line attempt stops once
    ///   it passes ``lineLimit`` columns.
    public static func render(_ node: JSONNode) -> String {
        var output = ""
        write(node, into: &output, indent: 0, prefixWidth: 0)
        return output
    }

    /// Writes `node` at `indent` levels; `prefixWidth` is what its line already holds
    /// (indentation and key), for the one-line check.
    private static func write(_ node: JSONNode, into output: inout String, indent: Int, prefixWidth: Int) {
        switch node.value {
        case .null, .bool, .number, .string:
            output += scalar(node.value)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            if let line = oneLine(node), prefixWidth + line.count <= lineLimit {
                output += line
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                output += index == 0 ? "\n" : ",\n"
                output += padding(indent + 1)
                write(element, into: &output, indent: indent + 1, prefixWidth: 2 * (indent + 1))
            }
            output += "\n" + padding(indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            if let line = oneLine(node), prefixWidth + line.count <= lineLimit {
                output += line
                return
            }
            output += "{"
            for (index, member) in members.enumerated() {
                output += index == 0 ? "\n" : ",\n"
                let key = padding(indent + 1) + JSONPath.quoted(member.key) + ": "
                output += key
                write(member.value, into: &output, indent: indent + 1, prefixWidth: key.count)
            }
            output += "\n" + padding(indent) + "}"
        }
    }

    /// The one-line form of `node`, or nil once it grows past ``lineLimit`` columns (longer
    /// lines are never used, so there is no point in finishing them).
    private static func oneLine(_ node: JSONNode) -> String? {
        var line = ""
        return append(node, to: &line) ? line : nil
    }

    /// Appends `node`'s one-line form to `line`; false when the line grows too long.
    private static func append(_ node: JSONNode, to line: inout String) -> Bool {
        switch node.value {
        case .null, .bool, .number, .string:
            line += scalar(node.value)
        case .array(let elements):
            line += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { line += ", " }
                guard append(element, to: &line) else { return false }
            }
            line += "]"
        case .object(let members):
            line += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { line += ", " }
                line += JSONPath.quoted(member.key) + ": "
                guard append(member.value, to: &line) else { return false }
            }
            line += "}"
        }
        return line.count <= lineLimit
    }

    /// A scalar's text; containers are written by their callers.
    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .string(let text): JSONPath.quoted(text)
        case .array, .object: ""
        }
    }

    private static func padding(_ indent: Int) -> String {
        String(repeating: "  ", count: indent)
    }
}
