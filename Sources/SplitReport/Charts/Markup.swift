/// Escaping for text placed in HTML and SVG, shared by the HTML report and its charts.
enum Markup {
    /// `text` with the characters that could end an element or an attribute value replaced by
    /// entities, so that names from scenario files can never inject markup.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
