extension JSONPath {
    /// Parses a dotted scenario path as users write it: `analysis.interval`,
    /// `strategies[1].steps[0].setWeight`, `traffic.headers["x-canary"]`; nil when malformed.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public init?(parsing text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        var expectKey = true
        while !rest.isEmpty {
            if rest.first == "[" {
                rest.removeFirst()
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[..<close]
                if inside.first == "\"", inside.count >= 2, inside.last == "\"" {
                    components.append(.key(String(inside.dropFirst().dropLast())))
                } else if let index = Int(inside), index >= 0 {
                    components.append(.index(index))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
                expectKey = false
            } else if rest.first == "." {
                guard !components.isEmpty, !expectKey else { return nil }
                rest.removeFirst()
                expectKey = true
            } else {
                guard expectKey else { return nil }
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                let key = rest[..<end]
                guard !key.isEmpty, !key.contains("]") else { return nil }
                components.append(.key(String(key)))
                rest = rest[end...]
                expectKey = false
            }
        }
        guard !components.isEmpty, !expectKey else { return nil }
        self.init(components)
    }
}
