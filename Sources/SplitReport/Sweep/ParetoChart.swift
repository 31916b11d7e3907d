/// Every point and strategy of a sweep on two axes, for the trade-off of a whole study at a
/// glance: users failed against extra pod-hours.
///
/// Points on the Pareto front are filled and the rest hollow; each strategy has its own
/// marker shape, so the chart reads in grey print. A sweep repeats figures often (a strategy
/// that costs the same at every point), so a point that would hide an earlier one is set
/// beside it, inside the plot, and every point names itself in a tooltip.
struct ParetoChart: Sendable {
    /// One strategy at one point.
    struct Point: Sendable {
        let x: Double
        let y: Double
        /// The index of its strategy in `strategies`.
        let strategy: Int
        let onFront: Bool
        /// What the point is and its figures, read out and shown on hover.
        let tooltip: String
    }

    /// Read out by screen readers.
    let title: String
    let x: ScatterChart.Axis
    let y: ScatterChart.Axis
    /// Where the better points lie, e.g. "better: down and to the left".
    let better: String
    /// The legend's names, one marker shape each.
    let strategies: [String]
    let points: [Point]

    private static let width = 440.0
    private static let left = 56.0
    private static let right = 16.0
    private static let top = 40.0
    private static let plotHeight = 200.0
    /// Below the plot: tick labels and the axis title.
    private static let axisBand = 48.0
    private static let legendRow = 18.0
    private static let size = 5.0
    /// The front's edge, darker than `ScatterChart.front` as in `ScatterChart`.
    private static let frontEdge = "#0f5323"

    /// The chart as an `<svg>` element.
    ///
    /// - Complexity: O(*n*²) for *n* points, to set overlapping points side by side.
    func svg() -> String {
        let plotBottom = Self.top + Self.plotHeight
        let legendTop = plotBottom + Self.axisBand + 8
        var chart = SVGChart(
            width: Self.width, height: legendTop + Double(strategies.count + 1) * Self.legendRow + 4, title: title)
        let xScale = LinearScale(
            fitting: points.map(\.x).max() ?? 0, unit: x.unit, start: Self.left,
            length: Self.width - Self.left - Self.right)
        let yScale = LinearScale(fitting: points.map(\.y).max() ?? 0, unit: y.unit, start: 0, length: Self.plotHeight)

        chart.valueAxis(
            yScale, title: y.title, better: better, bottom: plotBottom, left: Self.left, right: Self.width - Self.right)
        chart.axis(xScale, from: Self.top, to: plotBottom, title: x.title)

        var placed: [(x: Double, y: Double)] = []
        // Right first, then left, so that a point at the plot's edge still finds room.
        let gap = 2 * Self.size + 1
        var shifts = [0.0]
        for count in 1...8 { shifts += [Double(count) * gap, -Double(count) * gap] }
        for point in points {
            let y = plotBottom - yScale.position(point.y)
            let wanted = xScale.position(point.x)
            let free = { (x: Double) -> Bool in
                x >= Self.left && x <= Self.width - Self.right
                    && !placed.contains { abs($0.x - x) < 2 * Self.size && abs($0.y - y) < 2 * Self.size }
            }
            let x = shifts.lazy.map { wanted + $0 }.first(where: free) ?? wanted
            placed.append((x, y))
            chart.draw(
                Self.marker(point.strategy).svg(
                    x: x, y: y, size: Self.size, fill: point.onFront ? ScatterChart.front : "#ffffff",
                    stroke: point.onFront ? Self.frontEdge : SVGChart.ink, strokeWidth: 1.5,
                    className: point.onFront ? "point front" : "point", tooltip: point.tooltip))
        }

        for (index, name) in strategies.enumerated() {
            let y = legendTop + (Double(index) + 0.5) * Self.legendRow
            chart.draw(
                Self.marker(index).svg(
                    x: Self.size + 1, y: y, size: Self.size, fill: "#ffffff", stroke: SVGChart.ink, strokeWidth: 1.5,
                    className: nil, tooltip: nil))
            chart.text(SVGChart.fitted(name, width: Self.width - 20), x: 20, y: y + 4, tooltip: name)
        }
        let key = legendTop + (Double(strategies.count) + 0.5) * Self.legendRow
        chart.draw(
            LineChart.Marker.circle.svg(
                x: Self.size + 1, y: key, size: Self.size, fill: ScatterChart.front, stroke: Self.frontEdge,
                strokeWidth: 1.5, className: nil, tooltip: nil))
        let onFront = "on the Pareto front"
        chart.text(onFront, x: 20, y: key + 4, colour: SVGChart.muted)
        let beaten = 20 + SVGChart.estimatedWidth(of: onFront) + 18
        chart.draw(
            LineChart.Marker.circle.svg(
                x: beaten + Self.size + 1, y: key, size: Self.size, fill: "#ffffff", stroke: SVGChart.ink,
                strokeWidth: 1.5, className: nil, tooltip: nil))
        chart.text("beaten by another", x: beaten + 20, y: key + 4, colour: SVGChart.muted)
        return chart.render()
    }

    /// The shape of the strategy at `index`; shapes repeat after six strategies.
    private static func marker(_ index: Int) -> LineChart.Marker {
        LineChart.Marker.allCases[index % LineChart.Marker.allCases.count]
    }
}
