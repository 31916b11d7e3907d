/// Strategies as numbered points on two axes, for a trade-off a table cannot show at a
/// glance: users failed against extra cost, or detection power against false aborts.
///
/// Points on the Pareto front are filled and the recommended one is ringed. The numbers match
/// the list the report prints under the chart, so points that fall on one another stay
/// readable: a point that would hide an earlier one is set beside it.
struct ScatterChart: Sendable {
    /// One axis: what it measures and how its ticks read.
    struct Axis: Sendable {
        let title: String
        let unit: AxisUnit
    }

    /// One strategy's point.
    struct Point: Sendable {
        let x: Double
        let y: Double
        let onFront: Bool
        let recommended: Bool
    }

    /// Read out by screen readers.
    let title: String
    let x: Axis
    let y: Axis
    /// Where the better strategies lie, e.g. "better: down and to the left".
    let better: String
    /// In the order of the numbered list, from 1.
    let points: [Point]

    private static let width = 440.0
    private static let height = 300.0
    private static let left = 64.0
    private static let right = 20.0
    private static let top = 40.0
    private static let bottom = 48.0
    private static let radius = 10.0

    /// The chart as an `<svg>` element.
    ///
    /// - Complexity: O(*n*²) for *n* points, to set overlapping points side by side.
    func svg() -> String {
        var chart = SVGChart(width: Self.width, height: Self.height, title: title)
        let plotBottom = Self.height - Self.bottom
        let plotHeight = plotBottom - Self.top
        let xScale = LinearScale(
            fitting: points.map(\.x).max() ?? 0, unit: x.unit, start: Self.left,
            length: Self.width - Self.left - Self.right)
        let yScale = LinearScale(fitting: points.map(\.y).max() ?? 0, unit: y.unit, start: 0, length: plotHeight)

        chart.valueAxis(
            yScale, title: y.title, better: better, bottom: plotBottom, left: Self.left, right: Self.width - Self.right)
        chart.axis(xScale, from: Self.top, to: plotBottom, title: x.title)

        var placed: [(x: Double, y: Double)] = []
        for (index, point) in points.enumerated() {
            var centre = (x: xScale.position(point.x), y: plotBottom - yScale.position(point.y))
            while placed.contains(where: {
                abs($0.x - centre.x) < 2 * Self.radius && abs($0.y - centre.y) < 2 * Self.radius
            }) {
                centre.x += 2 * Self.radius + 2
            }
            placed.append(centre)
            if point.recommended {
                chart.circle(
                    x: centre.x, y: centre.y, radius: Self.radius + 4, fill: "none", stroke: Self.front, width: 2,
                    className: "recommended")
            }
            chart.circle(
                x: centre.x, y: centre.y, radius: Self.radius, fill: point.onFront ? Self.front : "#ffffff",
                stroke: point.onFront ? Self.frontEdge : SVGChart.muted, width: 1.5,
                className: point.onFront ? "point front" : "point")
            chart.text(
                "\(index + 1)", x: centre.x, y: centre.y + 4, anchor: .middle, size: 11, bold: true,
                colour: point.onFront ? "#ffffff" : SVGChart.ink)
        }
        return chart.render()
    }

    /// The fill of points on the Pareto front: white numbers on it keep a 4.5:1 contrast.
    static let front = "#1a7f37"
    private static let frontEdge = "#0f5323"
}
