/// Horizontal bar charts side by side, one row per strategy: each panel shows one figure
/// with its own axis, so figures of different units or sizes (users exposed and users failed,
/// pod-hours and pods) can be compared across strategies without one dwarfing the other.
struct BarChart: Sendable {
    /// Read out by screen readers.
    let title: String
    /// The row labels (strategy names), top to bottom.
    let rows: [String]
    let panels: [BarPanel]

    private static let width = 1060.0
    private static let rowHeight = 28.0
    private static let barHeight = 14.0
    private static let panelGap = 28.0
    private static let rightMargin = 12.0
    /// Above the first row: the legend line and the panel headings.
    private static let top = 58.0
    /// Below the last row: tick labels and axis titles.
    private static let bottom = 44.0

    /// The chart as an `<svg>` element.
    func svg() -> String {
        let height = Self.top + Double(rows.count) * Self.rowHeight + Self.bottom
        var chart = SVGChart(width: Self.width, height: height, title: title)
        let labelWidth = min(max(rows.map { SVGChart.estimatedWidth(of: $0) }.max() ?? 0, 90) + 12, 270)
        // The right margin leaves room for a value text that runs a little past its estimate.
        let panelWidth =
            (Self.width - Self.rightMargin - labelWidth - Self.panelGap * Double(panels.count - 1))
            / Double(max(panels.count, 1))
        let plotBottom = Self.top + Double(rows.count) * Self.rowHeight

        chart.legend(panels.map { ($0.style, $0.title) }, x: 0, y: 16, whisker: "mean, whisker p5–p95 over runs")
        for (index, label) in rows.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            // Pale bands on every other row let the eye follow a strategy across the panels.
            if index % 2 == 1 {
                chart.rect(x: 0, y: y, width: Self.width, height: Self.rowHeight, fill: "#f3f5f7")
            }
            chart.text(
                SVGChart.fitted(label, width: labelWidth - 12), x: labelWidth - 12, y: y + Self.rowHeight / 2 + 4,
                anchor: .end, tooltip: label)
        }
        for (index, panel) in panels.enumerated() {
            let left = labelWidth + Double(index) * (panelWidth + Self.panelGap)
            draw(panel, into: &chart, left: left, width: panelWidth, plotBottom: plotBottom)
        }
        return chart.render()
    }

    private func draw(_ panel: BarPanel, into chart: inout SVGChart, left: Double, width: Double, plotBottom: Double) {
        let widestText = panel.values.map { SVGChart.estimatedWidth(of: $0?.text ?? BarPanel.missing) }.max() ?? 0
        let textWidth = min(widestText + 10, width * 0.5)
        let scale = LinearScale(fitting: panel.largest, unit: panel.unit, start: left, length: width - textWidth - 6)
        chart.text(panel.title, x: left, y: Self.top - 10, bold: true)
        chart.axis(scale, from: Self.top, to: plotBottom, title: panel.axisTitle)
        for (row, value) in panel.values.enumerated() {
            let centre = Self.top + (Double(row) + 0.5) * Self.rowHeight
            let textX = scale.start + scale.length + 10
            guard let value else {
                chart.text(BarPanel.missing, x: textX, y: centre + 4, colour: SVGChart.muted)
                continue
            }
            chart.rect(
                x: scale.start, y: centre - Self.barHeight / 2, width: scale.position(value.mean) - scale.start,
                height: Self.barHeight, fill: panel.style.paint, stroke: panel.style.stroke, className: "bar")
            if value.p95 > value.p5 {
                chart.whisker(from: scale.position(value.p5), to: scale.position(value.p95), y: centre)
            }
            chart.text(SVGChart.fitted(value.text, width: textWidth), x: textX, y: centre + 4, tooltip: value.text)
        }
    }
}
