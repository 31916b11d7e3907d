import SplitSim

/// The granularity lesson as grouped bars: for every weight or replica step of every
/// strategy, the candidate share asked for, the share the mechanism can set, and the share
/// the simulated traffic realised (with its p5–p95 spread) and its peak minute, on one
/// percentage axis.
struct StepShareChart: Sendable {
    /// Read out by screen readers.
    let title: String
    let strategies: [StrategyComparison]

    private static let width = 1060.0
    private static let top = 60.0
    private static let bottom = 40.0
    private static let headerHeight = 24.0
    private static let stepHeight = 36.0
    private static let subBar = 7.0
    /// The three value columns right of the plot.
    private static let shareColumn = 66.0

    /// One horizontal band of the chart.
    private enum Row {
        case strategy(StrategyComparison)
        case step(StepGranularity)
        case noSteps(minShare: Double)

        var height: Double {
            switch self {
            case .step: StepShareChart.stepHeight
            case .strategy, .noSteps: StepShareChart.headerHeight
            }
        }
    }

    /// The chart as an `<svg>` element.
    func svg() -> String {
        var rows: [(row: Row, block: Int)] = []
        for (block, strategy) in strategies.enumerated() {
            rows.append((.strategy(strategy), block))
            if strategy.granularity.steps.isEmpty {
                rows.append((.noSteps(minShare: strategy.granularity.minCandidateShare), block))
            }
            for step in strategy.granularity.steps { rows.append((.step(step), block)) }
        }
        let plotBottom = Self.top + rows.reduce(0) { $0 + $1.row.height }
        var chart = SVGChart(width: Self.width, height: plotBottom + Self.bottom, title: title)

        let steps = strategies.flatMap(\.granularity.steps)
        let labelWidth = min(max(steps.map { SVGChart.estimatedWidth(of: $0.label) }.max() ?? 0, 80) + 28, 180)
        let realizedTexts = steps.map(Self.realizedText)
        let realizedWidth = min(max(realizedTexts.map { SVGChart.estimatedWidth(of: $0) }.max() ?? 0, 80) + 8, 200)
        let peakWidth = min(max(steps.map { SVGChart.estimatedWidth(of: Format.peak($0)) }.max() ?? 0, 60) + 8, 140)
        let columns = Self.width - peakWidth - realizedWidth - 2 * Self.shareColumn
        let largest = steps.reduce(0) {
            max($0, $1.requested, $1.effective, $1.realized?.p95 ?? 0, $1.peak?.mean ?? 0)
        }
        let scale = LinearScale(fitting: largest, unit: .share, start: labelWidth, length: columns - labelWidth - 20)

        chart.legend(
            [(.requested, "asked"), (.effective, "can set"), (.realized, "realised")], x: 0, y: 16,
            whisker: "realised p5–p95 over runs; tick: peak")
        chart.text("asked", x: columns + Self.shareColumn - 8, y: Self.top - 10, anchor: .end, bold: true)
        chart.text("can set", x: columns + 2 * Self.shareColumn - 8, y: Self.top - 10, anchor: .end, bold: true)
        chart.text("realised", x: columns + 2 * Self.shareColumn, y: Self.top - 10, bold: true)
        chart.text(
            "peak, time at it", x: columns + 2 * Self.shareColumn + realizedWidth, y: Self.top - 10, bold: true)

        var y = Self.top
        for (row, block) in rows {
            // Alternate bands group each strategy's steps under its name.
            if block % 2 == 1 {
                chart.rect(x: 0, y: y, width: Self.width, height: row.height, fill: "#f3f5f7")
            }
            y += row.height
        }
        chart.axis(scale, from: Self.top, to: plotBottom, title: "share of requests sent to the candidate")

        y = Self.top
        for (row, _) in rows {
            let centre = y + row.height / 2
            switch row {
            case .strategy(let strategy):
                chart.heading(
                    SVGChart.fitted(strategy.name, width: Self.width - 200), note: strategy.kind, x: 8,
                    y: centre + 4, tooltip: strategy.name)
            case .noSteps(let minShare):
                chart.text(
                    "no weight steps; the smallest share it can express is \(Format.percent(minShare))",
                    x: 24, y: centre + 4, size: 11, colour: SVGChart.muted)
            case .step(let step):
                draw(step, into: &chart, centre: centre, scale: scale, columns: columns, realizedWidth: realizedWidth)
            }
            y += row.height
        }
        return chart.render()
    }

    private func draw(
        _ step: StepGranularity, into chart: inout SVGChart, centre: Double, scale: LinearScale, columns: Double,
        realizedWidth: Double
    ) {
        chart.text(step.label, x: 24, y: centre + 4)
        let lanes: [(SeriesStyle, Double?)] = [
            (.requested, step.requested), (.effective, step.effective),
            (.realized, step.realized?.mean),
        ]
        for (lane, (style, value)) in lanes.enumerated() {
            guard let value else { continue }
            let laneCentre = centre + Double(lane - 1) * (Self.subBar + 2)
            chart.rect(
                x: scale.start, y: laneCentre - Self.subBar / 2, width: scale.position(value) - scale.start,
                height: Self.subBar, fill: style.paint, stroke: style.stroke, className: "bar")
        }
        if let realized = step.realized, realized.p95 > realized.p5 {
            chart.whisker(
                from: scale.position(realized.p5), to: scale.position(realized.p95),
                y: centre + Self.subBar + 2, cap: 3)
        }
        if let peak = step.peak {
            let x = scale.position(peak.mean)
            let lane = centre + Self.subBar + 2
            chart.line(
                x1: x, y1: lane - Self.subBar / 2 - 2, x2: x, y2: lane + Self.subBar / 2 + 2, stroke: SVGChart.ink,
                width: 2, className: "peak")
        }
        let asked = Format.percent(step.requested)
        let canSet = Format.percent(step.effective)
        chart.text(asked, x: columns + Self.shareColumn - 8, y: centre + 4, anchor: .end)
        // The gap between asked and can set is the lesson; bold makes it jump out of the column.
        chart.text(canSet, x: columns + 2 * Self.shareColumn - 8, y: centre + 4, anchor: .end, bold: canSet != asked)
        chart.text(
            Self.realizedText(step), x: columns + 2 * Self.shareColumn, y: centre + 4,
            colour: step.realized == nil ? SVGChart.muted : SVGChart.ink)
        chart.text(
            Format.peak(step), x: columns + 2 * Self.shareColumn + realizedWidth, y: centre + 4,
            colour: step.peak == nil ? SVGChart.muted : SVGChart.ink)
    }

    private static func realizedText(_ step: StepGranularity) -> String {
        step.realized.map(Format.shareSpread) ?? "not reached"
    }
}
