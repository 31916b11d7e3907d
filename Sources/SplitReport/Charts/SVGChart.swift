/// An inline SVG drawing under construction: a fixed-size canvas with an accessible title,
/// to which charts add shapes and text. Coordinates are formatted with two decimals at most
/// and every text is escaped, so charts cannot produce broken or nondeterministic markup.
struct SVGChart: Sendable {
    /// Horizontal anchoring of a text.
    enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// The text colour of labels and values: dark enough for 4.5:1 contrast on white and on
    /// the pale row bands.
    static let ink = "#1f2328"
    /// The colour of secondary text such as ticks and notes.
    static let muted = "#57606a"
    /// A label font size, in pixels.
    static let fontSize = 12.0

    let width: Double
    var height: Double
    /// Read out by screen readers and shown as a tooltip.
    let title: String
    private var content = ""

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A rough width of `text` in the report's sans-serif font, for laying out columns
    /// without a text-measuring engine. Errs wide (digits of DejaVu Sans, the widest common
    /// fallback, take 0.64 em), so that columns do not overlap.
    static func estimatedWidth(of text: String, size: Double = fontSize) -> Double {
        Double(text.count) * size * characterWidth
    }

    private static let characterWidth = 0.64

    /// `text` cut to fit `width` with an ellipsis; unchanged when it already fits.
    static func fitted(_ text: String, width: Double, size: Double = fontSize) -> String {
        let capacity = Int(width / (size * characterWidth))
        guard text.count > capacity, capacity > 1 else { return text }
        return String(text.prefix(capacity - 1)) + "…"
    }

    /// A rectangle; `className` marks data bars so that tests and style sheets can find them.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        stroke: String? = nil, className: String? = nil
    ) {
        content += "<rect"
        if let className { content += " class=\"\(className)\"" }
        content +=
            " x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\" width=\"\(Format.coordinate(max(width, 0)))\" height=\"\(Format.coordinate(height))\" fill=\"\(fill)\""
        if let stroke { content += " stroke=\"\(stroke)\"" }
        content += "/>"
    }

    /// A straight line.
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
        width: Double = 1, className: String? = nil
    ) {
        content += "<line"
        if let className { content += " class=\"\(className)\"" }
        content +=
            " x1=\"\(Format.coordinate(x1))\" y1=\"\(Format.coordinate(y1))\" x2=\"\(Format.coordinate(x2))\" y2=\"\(Format.coordinate(y2))\" stroke=\"\(stroke)\""
        if width != 1 { content += " stroke-width=\"\(Format.coordinate(width))\"" }
        content += "/>"
    }

    /// A circle; `className` marks data points so that tests and style sheets can find them.
    mutating func circle(
        x: Double, y: Double, radius: Double, fill: String, stroke: String, width: Double = 1,
        className: String? = nil
    ) {
        content += "<circle"
        if let className { content += " class=\"\(className)\"" }
        content +=
            " cx=\"\(Format.coordinate(x))\" cy=\"\(Format.coordinate(y))\" r=\"\(Format.coordinate(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\""
        if width != 1 { content += " stroke-width=\"\(Format.coordinate(width))\"" }
        content += "/>"
    }

    /// A polyline through `points`; `dash` is an SVG dash array such as `7 4`.
    mutating func polyline(
        _ points: [(x: Double, y: Double)], stroke: String, width: Double = 1, dash: String? = nil,
        className: String? = nil
    ) {
        content += "<polyline"
        if let className { content += " class=\"\(className)\"" }
        content +=
            " points=\"" + points.map { Format.coordinate($0.x) + "," + Format.coordinate($0.y) }.joined(separator: " ")
            + "\" fill=\"none\" stroke=\"\(stroke)\""
        if width != 1 { content += " stroke-width=\"\(Format.coordinate(width))\"" }
        if let dash { content += " stroke-dasharray=\"\(dash)\"" }
        content += "/>"
    }

    /// A shape a chart of this module built itself (a marker), drawn over what is there.
    mutating func draw(_ markup: String) {
        content += markup
    }

    /// A p5–p95 whisker: a horizontal line with short end caps, centred on `y`.
    mutating func whisker(from low: Double, to high: Double, y: Double, cap: Double = 4) {
        line(x1: low, y1: y, x2: high, y2: y, stroke: Self.ink, width: 1.5, className: "whisker")
        line(x1: low, y1: y - cap, x2: low, y2: y + cap, stroke: Self.ink, width: 1.5)
        line(x1: high, y1: y - cap, x2: high, y2: y + cap, stroke: Self.ink, width: 1.5)
    }

    /// A text whose baseline sits at `y`; `tooltip` adds a full version of a shortened text.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start,
        size: Double = fontSize, bold: Bool = false, colour: String = ink,
        tooltip: String? = nil
    ) {
        content += "<text x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\""
        if anchor != .start { content += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != Self.fontSize { content += " font-size=\"\(Format.coordinate(size))\"" }
        if bold { content += " font-weight=\"600\"" }
        if colour != Self.ink { content += " fill=\"\(colour)\"" }
        content += ">"
        if let tooltip, tooltip != text { content += "<title>\(Markup.escape(tooltip))</title>" }
        content += Markup.escape(text) + "</text>"
    }

    /// Vertical grid lines at the ticks of `scale` from `top` to `bottom`, the tick labels
    /// under them, and the axis `title` under the labels.
    mutating func axis(_ scale: LinearScale, from top: Double, to bottom: Double, title: String) {
        for tick in scale.ticks {
            let x = scale.position(tick.value)
            line(x1: x, y1: top, x2: x, y2: bottom, stroke: tick.value == 0 ? "#6e7781" : "#d0d7de")
            text(tick.label, x: x, y: bottom + 14, anchor: .middle, size: LinearScale.tickSize, colour: Self.muted)
        }
        text(
            title, x: scale.start + scale.length / 2, y: bottom + 32, anchor: .middle, size: LinearScale.tickSize,
            colour: Self.muted)
    }

    /// The frame of a plot with a vertical value axis: `title` over the axis and `better` at
    /// the right of the same line, then horizontal grid lines at the ticks of `scale` (whose 0
    /// sits at `bottom`) from `left` to `right`, with their labels left of `left`.
    mutating func valueAxis(
        _ scale: LinearScale, title: String, better: String, bottom: Double, left: Double, right: Double
    ) {
        text(title, x: 0, y: 14, bold: true)
        text(better, x: width, y: 14, anchor: .end, size: 11, colour: Self.muted)
        for tick in scale.ticks {
            let position = bottom - scale.position(tick.value)
            line(x1: left, y1: position, x2: right, y2: position, stroke: tick.value == 0 ? "#6e7781" : "#d0d7de")
            text(
                tick.label, x: left - 6, y: position + 4, anchor: .end, size: LinearScale.tickSize, colour: Self.muted)
        }
    }

    /// A bold heading followed by a quieter note on the same line. One `<text>` with two
    /// runs, so the browser places the note after the heading however wide its font is.
    mutating func heading(_ heading: String, note: String, x: Double, y: Double, tooltip: String) {
        content += "<text x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\">"
        if tooltip != heading { content += "<title>\(Markup.escape(tooltip))</title>" }
        content += "<tspan font-weight=\"600\">\(Markup.escape(heading))</tspan>"
        content += "<tspan dx=\"10\" font-size=\"11\" fill=\"\(Self.muted)\">\(Markup.escape(note))</tspan></text>"
    }

    /// A legend along one line from (`x`, `y`): a swatch per series, then the whisker's meaning.
    mutating func legend(_ items: [(style: SeriesStyle, label: String)], x: Double, y: Double, whisker: String?) {
        var cursor = x
        for item in items {
            rect(x: cursor, y: y - 10, width: 18, height: 12, fill: item.style.paint, stroke: item.style.stroke)
            text(item.label, x: cursor + 24, y: y)
            cursor += 24 + Self.estimatedWidth(of: item.label) + 18
        }
        if let whisker {
            self.whisker(from: cursor, to: cursor + 22, y: y - 4)
            text(whisker, x: cursor + 30, y: y, colour: Self.muted)
        }
    }

    /// The finished `<svg>` element. It scales down with the page (viewBox) but never up, so
    /// that its text stays at the size it was laid out for.
    func render() -> String {
        let w = Format.coordinate(width)
        let h = Format.coordinate(height)
        return
            "<svg class=\"chart\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"\(Format.coordinate(Self.fontSize))\" fill=\"\(Self.ink)\">"
            + "<title>\(Markup.escape(title))</title>" + content + "</svg>"
    }
}
