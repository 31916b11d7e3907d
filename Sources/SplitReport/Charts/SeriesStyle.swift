/// How one data series is drawn: colour from the Okabe–Ito palette, which stays apart for the
/// common colour-vision deficiencies, plus a fill treatment (solid, hatched or hollow) that
/// keeps series apart when printed in grey.
struct SeriesStyle: Sendable {
    /// How a bar's area is filled.
    enum Fill: Sendable {
        case solid
        /// Diagonal stripes of the stroke colour over a pale tint.
        case hatched(tint: String)
        /// White with only an outline.
        case hollow
    }

    /// A short key, used in the pattern id of a hatched fill.
    let key: String
    let colour: String
    /// The outline, darker than the fill so that pale bars keep an edge against white.
    let stroke: String
    let fill: Fill

    /// Users who saw the candidate.
    static let exposed = SeriesStyle(key: "exposed", colour: "#56B4E9", stroke: "#0a5a8a", fill: .solid)
    /// Users who saw a failure.
    static let failed = SeriesStyle(
        key: "failed", colour: "#D55E00", stroke: "#8a3d00", fill: .hatched(tint: "#f8dcc7"))
    /// Extra pod-hours.
    static let podHours = SeriesStyle(key: "pod-hours", colour: "#009E73", stroke: "#005c43", fill: .solid)
    /// Peak pods.
    static let peakPods = SeriesStyle(
        key: "peak-pods", colour: "#CC79A7", stroke: "#7d3a60", fill: .hatched(tint: "#f3dfea"))
    /// Time from fault to detection.
    static let detection = SeriesStyle(key: "detection", colour: "#E69F00", stroke: "#8a5f00", fill: .solid)
    /// The share a step asks for.
    static let requested = SeriesStyle(key: "requested", colour: "#ffffff", stroke: "#24292f", fill: .hollow)
    /// The share the mechanism can set.
    static let effective = SeriesStyle(
        key: "effective", colour: "#E69F00", stroke: "#8a5f00", fill: .hatched(tint: "#fbecc8"))
    /// The share the simulated traffic realised.
    static let realized = SeriesStyle(key: "realized", colour: "#0072B2", stroke: "#003f63", fill: .solid)

    /// Every style, for the shared pattern definitions.
    static let all: [SeriesStyle] = [
        .exposed, .failed, .podHours, .peakPods, .detection, .requested, .effective, .realized,
    ]

    /// The value of a `fill` attribute.
    var paint: String {
        switch fill {
        case .solid: colour
        case .hatched: "url(#\(patternID))"
        case .hollow: "#ffffff"
        }
    }

    private var patternID: String { "splitsim-hatch-" + key }

    /// An invisible SVG holding the hatch patterns of every style. Charts refer to them by id,
    /// so the page must contain this exactly once, and the ids need no per-chart suffix.
    static var definitions: String {
        var patterns = ""
        for style in all {
            guard case .hatched(let tint) = style.fill else { continue }
            patterns +=
                "<pattern id=\"\(style.patternID)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            patterns += "<rect width=\"6\" height=\"6\" fill=\"\(tint)\"/>"
            patterns += "<rect width=\"2.5\" height=\"6\" fill=\"\(style.colour)\"/></pattern>"
        }
        return
            "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\(patterns)</defs></svg>"
    }
}
