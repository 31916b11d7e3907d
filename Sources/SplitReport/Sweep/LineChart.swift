/// Lines over a categorical x axis, one per series, for curves such as an operating
/// characteristic: detection power or false aborts against the varied fault rate.
///
/// The categories are equally spaced and labelled as written, since a sweep's values need not
/// be numbers (`30s`, `1m`). Every series has its own Okabe–Ito colour, dash pattern and
/// marker shape, so that lines stay apart for colour-blind readers and in grey print. A
/// missing value leaves its category out of the line rather than drawing it at 0.
struct LineChart: Sendable {
    /// One line: its legend label and a value per category, nil where it has none.
    struct Series: Sendable {
        let label: String
        /// What tells apart lines of one label, e.g. `analysis.interval=30s`. A legend too narrow
        /// for both cuts the label, never the detail.
        let detail: String?
        let values: [Double?]

        /// The label and detail as one text.
        var name: String { detail.map { label + " · " + $0 } ?? label }
    }

    /// The shape drawn at each value of a series, and at each point of a `ParetoChart`.
    enum Marker: Sendable, CaseIterable {
        case circle, square, triangle, diamond, triangleDown, hexagon

        /// The marker centred on (`x`, `y`), about `size` × 2 pixels across; with a `tooltip`,
        /// it is a data point that names its value.
        func svg(
            x: Double, y: Double, size: Double, fill: String, stroke: String, strokeWidth: Double = 1,
            className: String?, tooltip: String?
        ) -> String {
            let element: String
            let geometry: String
            switch self {
            case .circle:
                element = "circle"
                geometry =
                    "cx=\"\(Format.coordinate(x))\" cy=\"\(Format.coordinate(y))\" r=\"\(Format.coordinate(size))\""
            case .square:
                element = "rect"
                geometry =
                    "x=\"\(Format.coordinate(x - size * 0.9))\" y=\"\(Format.coordinate(y - size * 0.9))\" "
                    + "width=\"\(Format.coordinate(size * 1.8))\" height=\"\(Format.coordinate(size * 1.8))\""
            case .triangle:
                element = "path"
                geometry = Self.outline([(0, -1.2), (1.1, 0.8), (-1.1, 0.8)], x: x, y: y, size: size)
            case .diamond:
                element = "path"
                geometry = Self.outline([(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)], x: x, y: y, size: size)
            case .triangleDown:
                element = "path"
                geometry = Self.outline([(0, 1.2), (-1.1, -0.8), (1.1, -0.8)], x: x, y: y, size: size)
            case .hexagon:
                element = "path"
                geometry = Self.outline(
                    [(0, -1.1), (0.95, -0.55), (0.95, 0.55), (0, 1.1), (-0.95, 0.55), (-0.95, -0.55)], x: x, y: y,
                    size: size)
            }
            let start = "<\(element)" + (className.map { " class=\"\($0)\"" } ?? "")
            var paint = " fill=\"\(fill)\" stroke=\"\(stroke)\""
            if strokeWidth != 1 { paint += " stroke-width=\"\(Format.coordinate(strokeWidth))\"" }
            guard let tooltip else { return start + " " + geometry + paint + "/>" }
            return start + " " + geometry + paint + "><title>\(Markup.escape(tooltip))</title></\(element)>"
        }

        /// A closed path through `corners`, given in units of `size` from (`x`, `y`).
        private static func outline(_ corners: [(x: Double, y: Double)], x: Double, y: Double, size: Double) -> String {
            let points = corners.map { Format.coordinate(x + $0.x * size) + " " + Format.coordinate(y + $0.y * size) }
            return "d=\"M" + points.joined(separator: " L") + " Z\""
        }
    }

    /// How one series is drawn.
    struct Style: Sendable, Equatable {
        let colour: String
        /// The marker outline, darker than the colour so that pale markers keep an edge against white.
        let edge: String
        /// A `stroke-dasharray`; nil for a solid line.
        let dash: String?
        let marker: Marker
    }

    /// Read out by screen readers.
    let title: String
    /// The x values as written, left to right.
    let categories: [String]
    let xTitle: String
    let yTitle: String
    let unit: AxisUnit
    /// The top of the y axis; nil fits the largest value.
    let maximum: Double?
    /// Where the better values lie, e.g. "better: up".
    let better: String
    let series: [Series]

    private static let width = 440.0
    private static let left = 52.0
    private static let right = 16.0
    private static let top = 40.0
    private static let plotHeight = 180.0
    /// Below the plot: tick labels and the axis title.
    private static let axisBand = 48.0
    private static let legendRow = 18.0
    private static let legendSample = 30.0
    private static let markerSize = 4.5

    /// The Okabe–Ito colours without yellow, which vanishes on white, with the darker edges
    /// `SeriesStyle` uses for the same hues.
    private static let palette: [(colour: String, edge: String)] = [
        ("#0072B2", "#003f63"), ("#D55E00", "#8a3d00"), ("#009E73", "#005c43"), ("#CC79A7", "#7d3a60"),
        ("#E69F00", "#8a5f00"), ("#56B4E9", "#0a5a8a"), ("#000000", "#000000"),
    ]
    private static let dashes: [String?] = [nil, "7 4", "2 3", "10 3 2 3", "14 5"]

    /// The style of the series at `index`. Colours, dashes and markers repeat at coprime
    /// periods (7, 5 and 6), so no two of the first 30 series share a dash and a marker, and
    /// no two of the first 210 share all three.
    static func style(at index: Int) -> Style {
        let colour = palette[index % palette.count]
        return Style(
            colour: colour.colour, edge: colour.edge, dash: dashes[index % dashes.count],
            marker: Marker.allCases[index % Marker.allCases.count])
    }

    /// The chart as an `<svg>` element.
    ///
    /// - Complexity: O(*s* · *c*) for *s* series and *c* categories.
    func svg() -> String {
        let plotBottom = Self.top + Self.plotHeight
        let legendTop = plotBottom + Self.axisBand + 8
        var chart = SVGChart(
            width: Self.width, height: legendTop + Double(series.count) * Self.legendRow + 4, title: title)
        let plotWidth = Self.width - Self.left - Self.right
        let band = plotWidth / Double(max(categories.count, 1))
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let yScale = LinearScale(fitting: maximum ?? largest, unit: unit, start: 0, length: Self.plotHeight)

        chart.valueAxis(
            yScale, title: yTitle, better: better, bottom: plotBottom, left: Self.left, right: Self.width - Self.right)
        for (index, category) in categories.enumerated() {
            let x = Self.left + (Double(index) + 0.5) * band
            chart.line(x1: x, y1: Self.top, x2: x, y2: plotBottom, stroke: "#d0d7de")
            chart.text(
                SVGChart.fitted(category, width: band - 4, size: LinearScale.tickSize), x: x, y: plotBottom + 14,
                anchor: .middle, size: LinearScale.tickSize, colour: SVGChart.muted, tooltip: category)
        }
        chart.text(
            SVGChart.fitted(xTitle, width: plotWidth, size: LinearScale.tickSize), x: Self.left + plotWidth / 2,
            y: plotBottom + 32, anchor: .middle, size: LinearScale.tickSize, colour: SVGChart.muted, tooltip: xTitle)

        // Series that coincide, often all at 0 % false aborts, would hide one another; set a
        // few pixels apart, every line and marker stays visible.
        let spacing = series.count > 1 ? min(3, band * 0.4 / Double(series.count - 1)) : 0
        for (index, line) in series.enumerated() {
            let style = Self.style(at: index)
            let offset = (Double(index) - Double(series.count - 1) / 2) * spacing
            var vertices: [(x: Double, y: Double, category: String, value: Double)] = []
            for (position, value) in line.values.enumerated() where position < categories.count {
                guard let value else { continue }
                let x = Self.left + (Double(position) + 0.5) * band + offset
                vertices.append((x, plotBottom - yScale.position(value), categories[position], value))
            }
            if vertices.count > 1 {
                chart.polyline(
                    vertices.map { ($0.x, $0.y) }, stroke: style.colour, width: 2, dash: style.dash, className: "series"
                )
            }
            for vertex in vertices {
                // Two more digits than the ticks: the tooltip is where a reader looks up the value.
                let value = unit.label(vertex.value, step: yScale.step / 100)
                chart.draw(
                    style.marker.svg(
                        x: vertex.x, y: vertex.y, size: Self.markerSize, fill: style.colour, stroke: style.edge,
                        className: "marker", tooltip: "\(line.name): \(xTitle) \(vertex.category), \(value)"))
            }

            let y = legendTop + (Double(index) + 0.5) * Self.legendRow
            chart.polyline([(0, y), (Self.legendSample, y)], stroke: style.colour, width: 2, dash: style.dash)
            chart.draw(
                style.marker.svg(
                    x: Self.legendSample / 2, y: y, size: Self.markerSize, fill: style.colour, stroke: style.edge,
                    className: nil, tooltip: nil))
            chart.text(Self.legendText(line), x: Self.legendSample + 8, y: y + 4, tooltip: line.name)
        }
        return chart.render()
    }

    private static func legendText(_ series: Series) -> String {
        let width = Self.width - Self.legendSample - 8
        guard let detail = series.detail else { return SVGChart.fitted(series.label, width: width) }
        let room = width - SVGChart.estimatedWidth(of: " · " + detail)
        // Fewer than six characters of a label name nothing; then the whole text is cut instead.
        guard room >= SVGChart.estimatedWidth(of: "labels") else { return SVGChart.fitted(series.name, width: width) }
        return SVGChart.fitted(series.label, width: room) + " · " + detail
    }
}
