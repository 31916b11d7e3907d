/// One `--vary PATH=V1,V2,...`: a scenario path and the values a sweep gives it.
public struct SweepAxis: Sendable, Equatable {
    /// The path as written, e.g. `strategies[1].steps[0].setWeight`.
    public var path: String
    /// The values as written; each is JSON if it parses as JSON (`0.05`, `true`, `"5"`),
    /// else a string (`1m`, `ingress-nginx`).
    public var values: [String]
    /// The parsed path.
    public var components: JSONPath

    /// Parses `PATH=V1,V2,...`.
    ///
    /// - Throws: ``SweepError/badVary(_:)`` naming what is wrong and what is expected.
    public init(parsing text: String) throws(SweepError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw .badVary("--vary \(text): expected PATH=V1,V2,... such as analysis.interval=30s,1m")
        }
        let path = String(text[..<equals])
        guard let components = JSONPath(parsing: path) else {
            throw .badVary(
                "--vary \(text): \(path.isEmpty ? "the path is empty" : "\(path) is not a scenario path"); expected keys and [index] such as strategies[1].steps[0].setWeight"
            )
        }
        let values = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
        if let empty = values.firstIndex(where: \.isEmpty) {
            throw .badVary("--vary \(text): value \(empty + 1) is empty; expected values separated by commas")
        }
        for (index, value) in values.enumerated() where values[..<index].contains(value) {
            throw .badVary("--vary \(text): \(value) is given twice; expected distinct values")
        }
        self.path = path
        self.values = values
        self.components = components
    }

    /// The JSON value `text` stands for at this path.
    public static func node(for text: String) -> JSONNode {
        (try? JSONNode(parsing: text)) ?? JSONNode(.string(text), at: SourcePosition(line: 1, column: 1))
    }
}
