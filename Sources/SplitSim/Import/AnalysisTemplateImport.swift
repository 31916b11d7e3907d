/// Argo Rollouts' `AnalysisTemplate` and `ClusterAnalysisTemplate` (argoproj.io/v1alpha1):
/// the measurement settings of the analysis a Rollout runs.
///
/// A scenario's analysis measures one metric, the candidate pods' error rate, so the first
/// metric whose conditions are a threshold on `result[0]` (else the first metric) gives the
/// settings; the others are ignored. Field meanings and defaults follow argo-rollouts
/// `pkg/apis/rollouts/v1alpha1/analysis_types.go` (`Metric`) and `utils/evaluate/evaluate.go`.
struct AnalysisTemplateImport: ManifestImporter {
    let groups = ["argoproj.io"]
    let kind: String
    let readsOtherManifests = false

    /// A template on its own is no strategy: one no Rollout uses is ignored.
    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
    {
        context.note(.ignored, of: document, "no Rollout among the manifests uses it")
        return []
    }

    /// The settings of the template `document`, with notes on what was assumed or ignored.
    static func settings(of document: ManifestDocument, in context: inout ImportContext) throws(ImportError)
        -> ImportedAnalysis
    {
        var fields = ManifestFields(document)
        // Arguments only fill in the query text, and retention keeps old measurements.
        fields.skip(["spec.args", "spec.measurementRetention"])
        let metricsPath = ManifestFields.path("spec.metrics")
        guard let metrics = try fields.elements(metricsPath), !metrics.isEmpty else {
            throw fields.failure(metricsPath, "no metrics; expected at least one metric to measure")
        }
        let chosen = metrics.indices.first { Self.hasThreshold(metrics[$0]) } ?? 0
        for index in metrics.indices where index != chosen {
            fields.skip(metricsPath.index(index))
            context.note(
                .ignored, metricsPath.index(index), of: document,
                "a scenario's analysis measures one metric, the candidate's error rate; \(Self.name(of: metrics[chosen])) is used"
            )
        }
        let analysis = try metric(at: metricsPath.index(chosen), of: &fields, in: &context)
        context.noteUnread(fields)
        return analysis
    }

    /// Whether a metric's conditions are thresholds this import can read.
    private static func hasThreshold(_ metric: JSONNode) -> Bool {
        ["successCondition", "failureCondition"].contains { key in
            guard case .string(let text)? = metric[key]?.value else { return false }
            return ThresholdCondition(parsing: text) != nil
        }
    }

    private static func name(of metric: JSONNode) -> String {
        guard case .string(let name)? = metric["name"]?.value else { return "the first metric" }
        return "metric \(name)"
    }

    /// Reads one metric's settings.
    private static func metric(at path: JSONPath, of fields: inout ManifestFields, in context: inout ImportContext)
        throws(ImportError) -> ImportedAnalysis
    {
        let document = fields.document
        let metricName = try fields.string(path.key("name")) ?? "(unnamed)"
        var analysis = ImportedAnalysis(source: document.label)
        analysis.interval = try fields.duration(path.key("interval"))
        analysis.initialDelay = try fields.duration(path.key("initialDelay"))?.text
        let count = try limit(path.key("count"), of: &fields, in: &context, minimum: 0)
        // "If both interval and count are omitted, the effective count is 1. If only interval
        // is specified, metric runs indefinitely. If count > 1, interval must be specified."
        if analysis.interval == nil {
            if let count, count > 1 {
                throw fields.failure(
                    path.key("count"), "a count above 1 needs an interval between the measurements; expected interval")
            }
            analysis.count = 1
        } else if let count, count > 0 {
            analysis.count = count
        }
        let failureLimit = try limit(path.key("failureLimit"), of: &fields, in: &context, minimum: -1)
        if failureLimit == -1 {
            context.note(
                .ignored, path.key("failureLimit"), of: document,
                "-1 turns failures off in favour of consecutiveSuccessLimit, which a scenario does not have; 0 is used")
        } else {
            analysis.failureLimit = failureLimit
        }
        analysis.inconclusiveLimit = try limit(path.key("inconclusiveLimit"), of: &fields, in: &context, minimum: 0)
        analysis.consecutiveErrorLimit = try limit(
            path.key("consecutiveErrorLimit"), of: &fields, in: &context, minimum: 0)
        try thresholds(at: path, of: &fields, into: &analysis, in: &context)
        fields.skip(path.key("provider"))
        var inherited = ImportedAnalysis.environmentKeys.filter { context.environment[$0] != nil }
        if analysis.guardsNoData == nil, context.environment["noData"] != nil { inherited.append("noData") }
        let source =
            inherited.isEmpty
            ? "minRequests and metric are the scenario defaults (1 request, a 1m window scraped every 30s)"
            : "\(inherited.joined(separator: ", ")) from \(context.environmentSource)"
        context.note(
            .assumed, path, of: document,
            "metric \(metricName) is taken to read the candidate pods' error rate; \(source)")
        return analysis
    }

    /// The metric's conditions as thresholds; an assumption to confirm where they are not.
    private static func thresholds(
        at path: JSONPath, of fields: inout ManifestFields, into analysis: inout ImportedAnalysis,
        in context: inout ImportContext
    ) throws(ImportError) {
        let successText = try fields.string(path.key("successCondition"))
        let failureText = try fields.string(path.key("failureCondition"))
        let success = successText.flatMap(ThresholdCondition.init(parsing:))
        let failure = failureText.flatMap(ThresholdCondition.init(parsing:))
        let unread = [("successCondition", successText, success), ("failureCondition", failureText, failure)]
            .filter { $0.1 != nil && $0.2 == nil }
        guard unread.isEmpty else {
            let environment = context.environment
            let threshold =
                environment["maxErrorRate"].flatMap { node -> String? in
                    guard case .number(let number) = node.value else { return nil }
                    return "\(number) from \(context.environmentSource)"
                } ?? "0.01, the default"
            for (key, text, _) in unread {
                context.note(
                    .assumed, path.key(key), of: fields.document,
                    "\(JSONPath.quoted(text ?? "")) is not a threshold on result[0]; maxErrorRate \(threshold) is used, confirm it"
                )
            }
            return
        }
        switch (success, failure) {
        case (let success?, let failure?):
            analysis.maxErrorRate = success.errorRateAllowed
            analysis.guardsNoData = success.guardsNoData
            if failure.errorRateFailing.doubleValue >= success.errorRateAllowed.doubleValue {
                analysis.failErrorRate = failure.errorRateFailing
            } else {
                context.note(
                    .ignored, path.key("failureCondition"), of: fields.document,
                    "it fails below the success threshold, where the successCondition already fails")
            }
        case (let success?, nil):
            analysis.maxErrorRate = success.errorRateAllowed
            analysis.guardsNoData = success.guardsNoData
        case (nil, let failure?):
            // Without a success condition a measurement succeeds unless the failure condition holds.
            analysis.maxErrorRate = failure.errorRateFailing
            analysis.guardsNoData = false
        case (nil, nil):
            // Without conditions every measurement that returns data is Successful.
            analysis.maxErrorRate = DecimalFraction(units: 1, scale: 0)
            analysis.guardsNoData = false
        }
    }

    /// A limit or count: an integer, or a string of one (`intstr`); a template argument
    /// (`"{{args.count}}"`) cannot be resolved, so it is left to the default with a note.
    private static func limit(
        _ path: JSONPath, of fields: inout ManifestFields, in context: inout ImportContext, minimum: Int
    ) throws(ImportError) -> Int? {
        guard let node = fields.node(at: path) else { return nil }
        if case .string(let text) = node.value {
            fields.skip(path)
            if let value = Int(text), value >= minimum { return value }
            context.note(
                .assumed, path, of: fields.document,
                "\(JSONPath.quoted(text)) is not a number splitsim can resolve; Argo's default is used")
            return nil
        }
        return try fields.integer(path, in: minimum...1_000_000)
    }
}
