/// A small well-formedness check for the markup the HTML report emits: every element closed
/// in order, attribute quotes paired, no stray `<` or `>` in text.
enum MarkupChecker {
    /// HTML elements that never have a closing tag.
    private static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link"]

    /// The first problem found, or nil when the markup is balanced.
    static func problem(in markup: String) -> String? {
        var open: [String] = []
        var rest = Substring(markup)
        while let start = rest.firstIndex(where: { $0 == "<" || $0 == ">" }) {
            if rest[start] == ">" { return "stray > in text near \(rest[start...].prefix(40))" }
            guard let end = rest[start...].firstIndex(of: ">") else { return "unterminated tag" }
            let tag = rest[rest.index(after: start)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!") { continue }
            if tag.contains("<") { return "< inside tag \(tag.prefix(40))" }
            if tag.filter({ $0 == "\"" }).count % 2 != 0 { return "unpaired quote in <\(tag.prefix(60))>" }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard open.popLast() == name else {
                    return "</\(name)> closes \(open.last.map { "<\($0)>" } ?? "nothing")"
                }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            if name.isEmpty { return "empty tag" }
            if tag.hasSuffix("/") || void.contains(name) { continue }
            open.append(name)
        }
        return open.isEmpty ? nil : "unclosed \(open)"
    }
}
