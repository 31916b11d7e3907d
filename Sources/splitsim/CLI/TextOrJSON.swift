/// The `--format` of the commands that print either text for people or JSON for programs.
enum TextOrJSON: String, CaseIterable {
    /// Lines to read.
    case text
    /// One JSON value to parse.
    case json
}
