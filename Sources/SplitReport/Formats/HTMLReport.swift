import SplitSim

/// `compare --format html`: a self-contained page (no external assets).
public enum HTMLReport {
    /// Renders the comparisons as one HTML document.
    public static func render(_ scenarios: [ScenarioComparison], version: String) -> String {
        var body = ""
        for scenario in scenarios {
            body += "<section><h2>\(escape(scenario.name))</h2>\n"
            if let description = scenario.description { body += "<p>\(escape(description))</p>\n" }
            body += "<pre>\(escape(TableReport.scenario(scenario)))</pre></section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>splitsim report</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:90rem}pre{font-size:12px;overflow-x:auto;background:#f6f8fa;padding:1rem}</style>
            </head><body><h1>splitsim \(escape(version)) comparison</h1>
            \(body)</body></html>

            """
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}
