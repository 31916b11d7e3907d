/// The analysis settings an AnalysisTemplate gives, in a scenario's terms: what a strategy's
/// `analysis` object holds, and how many measurements a run of it takes.
struct ImportedAnalysis {
    /// The template, as notes name it: `AnalysisTemplate success-rate`.
    var source: String
    /// `interval` as written.
    var interval: (text: String, duration: SimDuration)?
    /// Measurements a run takes; nil when it measures until it is terminated.
    var count: Int?
    /// `failureLimit`, `inconclusiveLimit` and `consecutiveErrorLimit`, when the template sets them.
    var failureLimit: Int?
    var inconclusiveLimit: Int?
    var consecutiveErrorLimit: Int?
    /// `initialDelay` as written.
    var initialDelay: String?
    /// The error rate a measurement may have and succeed, when the conditions say it.
    var maxErrorRate: DecimalFraction?
    /// The error rate above which a measurement fails, when a failure condition says it
    /// beside a success condition.
    var failErrorRate: DecimalFraction?
    /// Whether the conditions were read, and then whether an empty result passes; nil when
    /// they could not be read, so that the base scenario's `noData` stands.
    var guardsNoData: Bool?

    /// The settings of a template that cannot be found: nothing but what the base scenario
    /// or the defaults give.
    static func unknown(_ source: String) -> ImportedAnalysis {
        ImportedAnalysis(source: source)
    }

    /// The keys a strategy's `analysis` object takes from the base scenario's when the
    /// template does not say them: properties of the query and of Prometheus, not of Argo.
    static let environmentKeys = ["minRequests", "metric"]

    /// The strategy's `analysis` object: the template's settings, then from `environment`
    /// (the base scenario's analysis members) the threshold when the template's could not be
    /// read, the query's traffic guard and the metric's scraping; `background: false` when
    /// only blocking runs measure.
    func tree(environment: [String: JSONNode], background: Bool) -> JSONNode {
        var members: [(String, JSONNode)] = []
        if let interval { members.append(("interval", ImportTree.string(interval.text))) }
        if let count { members.append(("count", ImportTree.integer(count))) }
        if let maxErrorRate {
            members.append(("maxErrorRate", ImportTree.decimal(maxErrorRate)))
            if let failErrorRate { members.append(("failErrorRate", ImportTree.decimal(failErrorRate))) }
        } else {
            members.append(
                ("maxErrorRate", environment["maxErrorRate"] ?? ImportTree.decimal(Self.defaultMaxErrorRate)))
            if let failErrorRate = environment["failErrorRate"] { members.append(("failErrorRate", failErrorRate)) }
        }
        if let minRequests = environment["minRequests"] { members.append(("minRequests", minRequests)) }
        switch guardsNoData {
        case true?: members.append(("noData", ImportTree.string("success")))
        case false?: break
        case nil: if let noData = environment["noData"] { members.append(("noData", noData)) }
        }
        if let failureLimit { members.append(("failureLimit", ImportTree.integer(failureLimit))) }
        if let inconclusiveLimit { members.append(("inconclusiveLimit", ImportTree.integer(inconclusiveLimit))) }
        if let consecutiveErrorLimit {
            members.append(("consecutiveErrorLimit", ImportTree.integer(consecutiveErrorLimit)))
        }
        if let initialDelay { members.append(("initialDelay", ImportTree.string(initialDelay))) }
        if let metric = environment["metric"] { members.append(("metric", metric)) }
        if !background { members.append(("background", ImportTree.boolean(false))) }
        return ImportTree.object(members)
    }

    /// The scenario's default `maxErrorRate`, used when neither the template nor the base says one.
    static let defaultMaxErrorRate = DecimalFraction(units: 1, scale: 2)

    /// The measurements a blocking run (an analysis step, a pre- or post-promotion analysis)
    /// takes: the template's count, or for a run that measures until terminated, as many as
    /// fit in `manualPause` (Argo would wait that long for a person to step in).
    func blockingCount(manualPause: SimDuration) -> (count: Int, assumed: Bool) {
        if let count, count > 0 { return (count, false) }
        let every = interval?.duration.nanoseconds ?? 0
        guard every > 0 else { return (1, true) }
        return (max(1, min(1_000, Int(manualPause.nanoseconds / every))), true)
    }
}
