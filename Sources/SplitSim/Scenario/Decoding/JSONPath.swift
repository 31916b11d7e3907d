/// The location of a value inside a JSON document, written the way users read it:
/// `strategies[2].steps[0].setWeight`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step from a container to one of its values.
    public enum Component: Hashable, Sendable {
        /// An object member.
        case key(String)
        /// An array element (0-based).
        case index(Int)
    }

    /// The steps from the document root, outermost first.
    public var components: [Component]

    /// Creates a path from its components.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document itself.
    public static let root = JSONPath()

    /// The path of the member `key` of the object at this path.
    public func key(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// The path of element `index` of the array at this path.
    public func index(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// The path as text; the root is `$`, keys that are not plain identifiers are quoted
    /// (`headers["x-canary"]`) so every rendered path is unambiguous.
    public var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isIdentifier(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\(Self.quoted(key))]"
            }
        }
        return text
    }

    /// Whether `key` can be written after a dot: `$`, `_`, ASCII letters, then also digits.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        let isStart: (Unicode.Scalar) -> Bool = {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == "$"
        }
        return isStart(first) && key.unicodeScalars.allSatisfy { isStart($0) || ("0"..."9").contains($0) }
    }

    /// `text` as a JSON string literal with the escapes RFC 8259 requires: for messages that
    /// quote user-written text, and for every JSON the tool writes.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
