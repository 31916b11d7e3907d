/// Flagger's `Canary` (flagger.app/v1beta1) as a `flagger` strategy.
///
/// Field meanings and defaults follow fluxcd/flagger `pkg/apis/flagger/v1beta1/canary.go`
/// (`CanaryAnalysis`, `GetAnalysisInterval`: 60 s, at least 10 s; `GetAnalysisThreshold`: 1;
/// `DeploymentStrategy`: iterations with match is A/B testing, without it Blue/Green),
/// `pkg/controller/scheduler.go` (`maxWeight` defaults to 100, `nextStepWeight`),
/// `pkg/controller/scheduler_metrics.go` (request-success-rate fails below
/// `thresholdRange.min`, a percentage) and `pkg/canary/deployment_controller.go` (the primary
/// takes the target Deployment's replicas and strategy).
struct FlaggerCanaryImport: ManifestImporter {
    let groups = ["flagger.app"]
    let kind = "Canary"
    let readsOtherManifests = true

    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
    {
        var reader = FlaggerReader(fields: ManifestFields(document), context: context)
        let strategy = try reader.strategy()
        context = reader.context
        context.noteUnread(reader.fields)
        return [strategy]
    }

    /// The cookie name of Istio's usual cookie match `^(.*?;)?(NAME=always)(;.*)?$`, the one
    /// a scenario's cookie rule means.
    static func cookieName(in regex: String) -> String? {
        guard let start = regex.firstRange(of: "("), let end = regex.firstRange(of: "=always)") else { return nil }
        var name = regex[start.upperBound..<end.lowerBound]
        if let open = name.lastIndex(of: "(") { name = name[name.index(after: open)...] }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return nil
        }
        return String(name)
    }
}

/// Reads one Canary; the fields and the context travel with it.
private struct FlaggerReader {
    var fields: ManifestFields
    var context: ImportContext

    private var document: ManifestDocument { fields.document }

    mutating func strategy() throws(ImportError) -> ImportedStrategy {
        // How the Canary finds its Services, Ingress, routes and metrics server, and what it
        // does when deleted, are wiring.
        fields.skip([
            "spec.service", "spec.ingressRef", "spec.routeRef", "spec.upstreamRef", "spec.metricsServer",
            "spec.revertOnDeletion",
        ])
        let budget = try target()
        let label = "\(document.label) (\(document.fileName))"
        let analysisKey =
            fields.contains(ManifestFields.path("spec.analysis")) ? "spec.analysis" : "spec.canaryAnalysis"
        let analysisPath = ManifestFields.path(analysisKey)
        let skipPath = ManifestFields.path("spec.skipAnalysis")
        if try fields.boolean(skipPath) == true || !fields.contains(analysisPath) {
            context.note(
                .imported, of: document,
                "without an analysis Flagger promotes at once: the primary rolls out, so it is imported as a rolling update"
            )
            // Without traffic shifting neither the analysis settings nor the router matter.
            fields.skip([analysisPath, ManifestFields.path("spec.provider")])
            let (surge, unavailable) = budget ?? (.percent(25), .percent(25))
            return ImportedStrategy(
                name: document.label,
                members: [
                    ("description", ImportTree.string("Flagger promotion without analysis, from \(label)")),
                    ("kind", ImportTree.string("rolling-update")),
                    ("maxSurge", ImportTree.podCount(surge)),
                    ("maxUnavailable", ImportTree.podCount(unavailable)),
                ],
                summary: "rolling-update")
        }
        _ = try fields.members(analysisPath)
        let router = try self.router()
        var members: [(String, JSONNode)] = [
            ("description", ImportTree.string("Flagger canary analysis with \(router), from \(label)")),
            ("kind", ImportTree.string("flagger")),
            ("router", ImportTree.string(router)),
            ("interval", ImportTree.string(try interval(at: analysisPath.key("interval")))),
        ]
        // GetAnalysisThreshold: 0 or absent means 1.
        let threshold = try fields.integer(analysisPath.key("threshold"), in: 0...1_000) ?? 0
        members.append(("threshold", ImportTree.integer(max(threshold, 1))))
        let (progression, iterations) = try self.progression(at: analysisPath, router: router)
        members += progression
        if try fields.boolean(analysisPath.key("mirror")) == true {
            if let reason = Self.whyMirrorDoesNothing(router: router, iterations: iterations, matching: progression) {
                context.note(.ignored, analysisPath.key("mirror"), of: document, reason)
            } else {
                members.append(("mirror", ImportTree.boolean(true)))
            }
        }
        if let (surge, unavailable) = budget {
            members.append(
                (
                    "primaryRollingUpdate",
                    ImportTree.object([
                        ("maxSurge", ImportTree.podCount(surge)), ("maxUnavailable", ImportTree.podCount(unavailable)),
                    ])
                ))
        }
        let analysis = try metrics(at: analysisPath.key("metrics"))
        members.append(("analysis", analysis))
        if let iterations, !progression.contains(where: { $0.0 == "match" }) {
            let checks =
                analysis.value == .null
                ? "without a request-success-rate metric every check passes"
                : "with no load tester (webhooks are not simulated) those checks have no data and fail"
            context.note(
                .assumed, analysisPath.key("iterations"), of: document,
                "Blue/Green: the canary gets no production traffic for \(iterations) checks, then all of it for one more; \(checks)"
            )
        }
        if fields.contains(analysisPath.key("webhooks")) {
            fields.skip(analysisPath.key("webhooks"))
            context.note(
                .ignored, analysisPath.key("webhooks"), of: document,
                "load tests, gates and other webhooks are not simulated")
        }
        let moves = iterations.map { "\($0) iterations" } ?? "weights \(Self.weights(progression))"
        return ImportedStrategy(name: document.label, members: members, summary: "flagger via \(router), \(moves)")
    }

    /// `spec.provider` as a scenario's router; Flagger's own default provider is istio
    /// (its `-mesh-provider` flag).
    private mutating func router() throws(ImportError) -> String {
        let path = ManifestFields.path("spec.provider")
        guard let provider = try fields.string(path) else {
            context.note(
                .assumed, path, of: document, "none is set; istio, the default of Flagger's -mesh-provider, is used")
            return "istio"
        }
        if provider == "istio" { return "istio" }
        if provider == "nginx" { return "ingress-nginx" }
        if provider.hasPrefix("gatewayapi") { return "gateway-api" }
        context.note(
            .assumed, path, of: document,
            "\(JSONPath.quoted(provider)) is not a router splitsim models; istio is used, which also splits each request by percentage weights"
        )
        return "istio"
    }

    /// The target Deployment's rolling-update budget, which the primary copies; its replicas
    /// become the cluster's. Nil when it is not among the manifests or recreates.
    private mutating func target() throws(ImportError) -> (IntOrPercent, IntOrPercent)? {
        let path = ManifestFields.path("spec.targetRef")
        fields.skip([path.key("apiVersion")])
        let kind = try fields.string(path.key("kind")) ?? "Deployment"
        guard let name = try fields.string(path.key("name")) else {
            throw fields.failure(path, "no name; expected the Deployment the Canary rolls out")
        }
        guard kind == "Deployment",
            let index = context.find(["Deployment"], groups: ["apps"], named: name, namespace: document.namespace)
        else {
            context.note(
                .assumed, path, of: document,
                "\(kind) \(name) is not among the manifests; the primary takes cluster.replicas and rolls with 25 % surge and 25 % unavailable"
            )
            return nil
        }
        let target = context.documents[index]
        context.note(
            .imported, of: target,
            "the target of \(document.label), whose primary takes its replicas and rolling update")
        // A Deployment two Canaries target is read twice, but its fields are named once.
        let rollout = try DeploymentImport.rollout(of: target, in: &context, noting: !context.used.contains(index))
        if !context.used.contains(index) { context.requestReplicas(rollout.replicas, by: target) }
        context.use(index)
        return rollout.budget
    }

    /// `analysis.interval`: Flagger falls back to 60 s when it does not parse and runs at
    /// least every 10 s.
    private mutating func interval(at path: JSONPath) throws(ImportError) -> String {
        guard let node = fields.node(at: path) else { return "1m" }
        guard case .string(let text) = node.value, let interval = SimDuration(parsing: text) else {
            fields.skip(path)
            context.note(.assumed, path, of: document, "it is not a duration; Flagger's default, 1m, is used")
            return "1m"
        }
        fields.skip(path)
        if interval < FlaggerSpec.minimumInterval {
            context.note(.imported, path, of: document, "Flagger runs at least every 10s")
            return "10s"
        }
        return text
    }

    /// How the weight moves, as the flagger kind's keys, and the iterations when there are.
    private mutating func progression(at path: JSONPath, router: String) throws(ImportError)
        -> (members: [(String, JSONNode)], iterations: Int?)
    {
        let iterations = try fields.integer(path.key("iterations"), in: 0...1_000) ?? 0
        let weightKeys = ["stepWeight", "maxWeight", "stepWeights"].filter { fields.contains(path.key($0)) }
        let matchPath = path.key("match")
        let hasMatch = !(fields.node(at: matchPath)?.elements?.isEmpty ?? true)
        if iterations > 0 {
            for key in weightKeys {
                fields.skip(path.key(key))
                context.note(
                    .ignored, path.key(key), of: document, "Flagger ignores the weights when iterations are set")
            }
            guard hasMatch else {
                if fields.contains(matchPath) { fields.skip(matchPath) }
                return ([("iterations", ImportTree.integer(iterations))], iterations)
            }
            return (
                [("iterations", ImportTree.integer(iterations)), ("match", try match(at: matchPath, router: router))],
                iterations
            )
        }
        if fields.contains(matchPath) {
            fields.skip(matchPath)
            context.note(
                .ignored, matchPath, of: document, "match routes requests only in A/B testing, with iterations")
        }
        let stepWeight = try fields.integer(path.key("stepWeight"), in: 0...100) ?? 0
        var maxWeight = try fields.integer(path.key("maxWeight"), in: 0...100) ?? 0
        let stepWeightsPath = path.key("stepWeights")
        var stepWeights: [Int] = []
        for (index, _) in (try fields.elements(stepWeightsPath) ?? []).enumerated() {
            stepWeights.append(try fields.integer(stepWeightsPath.index(index), in: 1...100) ?? 0)
        }
        if let last = stepWeights.last {
            if stepWeight == 0 {
                if maxWeight > 0 {
                    context.note(
                        .ignored, path.key("maxWeight"), of: document, "the last of stepWeights is the maximum")
                }
                return ([("stepWeights", ImportTree.array(stepWeights.map(ImportTree.integer)))], nil)
            }
            context.note(
                .ignored, stepWeightsPath, of: document,
                "with stepWeight set Flagger moves by stepWeight, up to the last of stepWeights")
            maxWeight = last
        }
        var step = stepWeight
        if step == 0 {
            step = FlaggerSpec.defaultStepWeight
            context.note(
                .assumed, path.key("stepWeight"), of: document,
                "none is set, so Flagger would never move the weight; \(step) is used")
        }
        // scheduler.go maxWeight: 100 (the total weight) unless set.
        return (
            [
                ("stepWeight", ImportTree.integer(step)),
                ("maxWeight", ImportTree.integer(maxWeight > 0 ? maxWeight : 100)),
            ], nil
        )
    }

    /// The A/B route's `match` (Istio's `HTTPMatchRequest` list): its first header condition;
    /// ingress-nginx reads a `cookie` header's exact value as `canary-by-cookie`
    /// (flagger `pkg/router/ingress.go`).
    private mutating func match(at path: JSONPath, router: String) throws(ImportError) -> JSONNode {
        let entries = try fields.elements(path) ?? []
        for index in entries.indices.dropFirst() {
            fields.skip(path.index(index))
            context.note(.ignored, path.index(index), of: document, "a scenario's A/B route matches one condition")
        }
        let first = path.index(0)
        let headersPath = first.key("headers")
        guard let headers = try fields.members(headersPath), let header = headers.first else {
            throw fields.failure(
                first, "no headers; expected a header condition such as {headers: {x-canary: {exact: insider}}}")
        }
        _ = try fields.members(first)
        for extra in headers.dropFirst() {
            fields.skip(headersPath.key(extra.key))
            context.note(
                .ignored, headersPath.key(extra.key), of: document, "a scenario's A/B route matches one header")
        }
        let conditionPath = headersPath.key(header.key)
        _ = try fields.members(conditionPath)
        let exact = try fields.string(conditionPath.key("exact"))
        let regex = try fields.string(conditionPath.key("regex"))
        let prefix = try fields.string(conditionPath.key("prefix"))
        if header.key.lowercased() == "cookie" {
            if router == "ingress-nginx", let exact {
                return ImportTree.object([("cookie", ImportTree.string(exact))])
            }
            if let regex, let name = FlaggerCanaryImport.cookieName(in: regex) {
                return ImportTree.object([("cookie", ImportTree.string(name))])
            }
        }
        let rule: (String, JSONNode)
        if let exact {
            rule = ("value", ImportTree.string(exact))
        } else if let regex {
            rule = ("pattern", ImportTree.string(regex))
        } else if let prefix {
            rule = ("pattern", ImportTree.string(ImportTree.prefixPattern(prefix)))
        } else {
            throw fields.failure(conditionPath, "expected exact, prefix or regex")
        }
        return ImportTree.object([("header", ImportTree.object([("name", ImportTree.string(header.key)), rule]))])
    }

    /// `10..50 by 10` or `5, 10, 20`: how the weights move, for the note.
    static func weights(_ members: [(String, JSONNode)]) -> String {
        let values = Dictionary(members.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        if let list = values["stepWeights"]?.elements {
            return list.compactMap { node -> String? in
                guard case .number(let number) = node.value else { return nil }
                return number.literal
            }.joined(separator: ", ")
        }
        guard case .number(let step)? = values["stepWeight"]?.value, case .number(let top)? = values["maxWeight"]?.value
        else { return "" }
        return "\(step)..\(top) by \(step)"
    }

    /// Why Flagger's router would not mirror here, or nil when it does.
    static func whyMirrorDoesNothing(router: String, iterations: Int?, matching members: [(String, JSONNode)])
        -> String?
    {
        if members.contains(where: { $0.0 == "match" }) { return "Flagger's A/B route carries no mirror" }
        if router == "ingress-nginx" { return "Flagger's ingress-nginx router has no mirror route" }
        if router == "gateway-api" && iterations == nil {
            return "Flagger's Gateway API router mirrors only in Blue/Green"
        }
        return nil
    }

    /// `analysis.metrics`: the builtin request-success-rate as the check's threshold and its
    /// `interval` as the query's window; `null` (every check passes) without it.
    private mutating func metrics(at path: JSONPath) throws(ImportError) -> JSONNode {
        let metrics = try fields.elements(path) ?? []
        var analysis: JSONNode?
        for (index, metric) in metrics.enumerated() {
            let metricPath = path.index(index)
            let name: String? = if case .string(let text)? = metric["name"]?.value { text } else { nil }
            let builtin = metric["templateRef"] == nil && metric["query"] == nil
            guard analysis == nil, builtin, name == "request-success-rate" else {
                fields.skip(metricPath)
                let reason =
                    name == "request-duration" && builtin
                    ? "latency is not simulated" : "splitsim checks the request success rate alone"
                context.note(.ignored, metricPath, of: document, reason)
                continue
            }
            fields.skip(metricPath.key("name"))
            _ = try fields.members(metricPath)
            analysis = try successRate(at: metricPath)
        }
        guard let analysis else {
            context.note(
                .assumed, path, of: document,
                "no request-success-rate metric: every check passes (\"analysis\": null)")
            return ImportTree.null
        }
        return analysis
    }

    /// request-success-rate: a check fails below `thresholdRange.min` (or the older
    /// `threshold`) percent, so the error rate it allows is (100 − min) / 100.
    private mutating func successRate(at path: JSONPath) throws(ImportError) -> JSONNode {
        let minimumPath =
            fields.contains(path.key("thresholdRange")) ? path.key("thresholdRange").key("min") : path.key("threshold")
        var members: [(String, JSONNode)] = []
        if let minimum = try fields.number(minimumPath) {
            guard let percent = DecimalFraction(literal: minimum.literal), percent.percentAsFraction.isFraction else {
                throw fields.failure(minimumPath, "\(minimum) is not a success rate; expected a percentage 0...100")
            }
            members.append(("maxErrorRate", ImportTree.decimal(percent.percentAsFraction.complement)))
        } else {
            members.append(("maxErrorRate", ImportTree.integer(1)))
            context.note(.imported, path, of: document, "without a minimum every check passes")
        }
        if fields.contains(path.key("thresholdRange")) {
            _ = try fields.members(path.key("thresholdRange"))
        }
        var metric: [(String, JSONNode)] = []
        if let scrape = context.environment["metric"]?["scrapeInterval"] { metric.append(("scrapeInterval", scrape)) }
        metric.append(("window", ImportTree.string(try fields.duration(path.key("interval"))?.text ?? "1m")))
        members.append(("metric", ImportTree.object(metric)))
        return ImportTree.object(members)
    }
}
