/// Argo Rollouts' `Rollout` (argoproj.io/v1alpha1): a canary with a traffic router becomes a
/// `service-split`, one without (or with a router splitsim does not model) a
/// `replicaset-split`, and a blue-green rollout a `blue-green` strategy.
///
/// Field meanings and defaults follow argo-rollouts `pkg/apis/rollouts/v1alpha1/types.go`
/// (`RolloutSpec`, `CanaryStrategy`, `BlueGreenStrategy`, `CanaryStep`) and
/// `utils/defaults/defaults.go` (1 replica, 25 % surge and unavailability, 30 s delays).
struct RolloutImport: ManifestImporter {
    let groups = ["argoproj.io"]
    let kind = "Rollout"
    let readsOtherManifests = true

    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
    {
        var fields = ManifestFields(document)
        // The pod template, how it is found, and the history kept have no bearing on traffic.
        fields.skip([
            "spec.selector", "spec.template", "spec.workloadRef", "spec.revisionHistoryLimit", "spec.restartAt",
            "spec.analysis",
        ])
        let replicas =
            try fields.integer(ManifestFields.path("spec.replicas"), in: 1...ScenarioDecoder.maximumReplicas) ?? 1
        context.requestReplicas(replicas, by: document)
        if case .string(let name)? = fields.node(at: ManifestFields.path("spec.workloadRef.name"))?.value,
            let index = context.find(["Deployment"], groups: ["apps"], named: name, namespace: document.namespace)
        {
            // Argo takes the pod template from it and scales it down: it is no rollout of its own.
            context.use(index)
            context.note(.imported, of: context.documents[index], "the workloadRef of \(document.label)")
        }
        let hasCanary = fields.contains(RolloutReader.canaryPath)
        let hasBlueGreen = fields.contains(RolloutReader.blueGreenPath)
        let strategyPath = ManifestFields.path("spec.strategy")
        guard hasCanary != hasBlueGreen else {
            throw fields.failure(
                strategyPath,
                hasCanary ? "both canary and blueGreen; expected one of them" : "expected canary or blueGreen")
        }
        var rollout = RolloutReader(fields: fields, context: context)
        let strategy = try hasCanary ? rollout.canary() : rollout.blueGreen()
        context = rollout.context
        context.noteUnread(rollout.fields)
        return [strategy]
    }
}

/// Reads one Rollout's strategy; the fields and the context travel with it.
private struct RolloutReader {
    var fields: ManifestFields
    var context: ImportContext

    private var document: ManifestDocument { fields.document }
    static let canaryPath = ManifestFields.path("spec.strategy.canary")
    static let blueGreenPath = ManifestFields.path("spec.strategy.blueGreen")

    /// The traffic router a canary's `trafficRouting` names, as a scenario's `router`.
    private struct Routing {
        var router: String
        /// `maxTrafficWeight`: what `setWeight` counts out of.
        var maxTrafficWeight: Int?
        var header: JSONNode?
        var cookie: String?

        /// The weight that sends the canary everything: istio counts in percent, the others
        /// out of `maxTrafficWeight`.
        var fullWeight: Int { router == "istio" ? 100 : maxTrafficWeight ?? 100 }
    }

    // MARK: Canary

    mutating func canary() throws(ImportError) -> ImportedStrategy {
        let base = Self.canaryPath
        // Service names and pod labels wire the rollout up; they do not change how it moves.
        fields.skip([
            base.key("canaryService"), base.key("stableService"), base.key("canaryMetadata"),
            base.key("stableMetadata"),
        ])
        let routing = try trafficRouting(at: base.key("trafficRouting"))
        let background = try backgroundAnalysis()
        var steps = try self.steps(routing: routing, analysisSource: background?.source)
        if steps.nodes.isEmpty {
            steps.nodes = [ImportTree.step("setWeight", ImportTree.integer(routing?.fullWeight ?? 100))]
            context.note(
                .assumed, base.key("steps"), of: document,
                "a canary without steps goes to full weight at once; imported as one setWeight step to 100 %")
        }
        if let background, let first = steps.firstWeightIndex, first != background.startingStep {
            context.note(
                .assumed, base.key("analysis").key("startingStep"), of: document,
                "Argo starts the background analysis at steps[\(background.startingStep)]; a scenario starts it at the first setWeight step, steps[\(first)]"
            )
        }
        let analysis = background?.analysis ?? steps.analysis
        var members: [(String, JSONNode)] = []
        let summary: String
        if let routing {
            members.append(
                (
                    "description",
                    ImportTree.string(
                        "Argo Rollouts canary with \(routing.router) traffic routing, from \(document.label) (\(document.fileName))"
                    )
                ))
            members.append(("kind", ImportTree.string("service-split")))
            members.append(("router", ImportTree.string(routing.router)))
            if let total = routing.maxTrafficWeight, routing.router != "istio" {
                members.append(("weightTotal", ImportTree.integer(total)))
            }
            if let header = routing.header { members.append(("header", header)) }
            if let cookie = routing.cookie { members.append(("cookie", ImportTree.string(cookie))) }
            if try fields.boolean(base.key("dynamicStableScale")) == true {
                members.append(("dynamicStableScale", ImportTree.boolean(true)))
            }
            if let delay = try fields.seconds(base.key("scaleDownDelaySeconds")) {
                members.append(("scaleDownDelay", ImportTree.string(delay)))
            }
            if let delay = try fields.seconds(base.key("abortScaleDownDelaySeconds")) {
                members.append(("abortScaleDownDelay", ImportTree.string(delay)))
            }
            for key in ["maxSurge", "maxUnavailable"] where fields.contains(base.key(key)) {
                fields.skip(base.key(key))
                context.note(
                    .ignored, base.key(key), of: document,
                    "a canary with a traffic router sizes its ReplicaSets from the weight")
            }
            summary = "service-split via \(routing.router), \(Self.count(steps.nodes.count, "step"))"
        } else {
            members.append(
                (
                    "description",
                    ImportTree.string(
                        "Argo Rollouts basic canary (no traffic router), from \(document.label) (\(document.fileName))")
                ))
            members.append(("kind", ImportTree.string("replicaset-split")))
            let surge = try fields.intOrPercent(base.key("maxSurge"), maximumPercent: 1_000) ?? .percent(25)
            let unavailable = try fields.intOrPercent(base.key("maxUnavailable"), maximumPercent: 100) ?? .percent(25)
            if surge.isZero && unavailable.isZero {
                throw fields.failure(
                    base.key("maxUnavailable"), "maxSurge and maxUnavailable are both 0; expected at least one above 0")
            }
            members.append(("maxSurge", ImportTree.podCount(surge)))
            members.append(("maxUnavailable", ImportTree.podCount(unavailable)))
            for key in ["dynamicStableScale", "scaleDownDelaySeconds", "abortScaleDownDelaySeconds"]
            where fields.contains(base.key(key)) {
                fields.skip(base.key(key))
                context.note(.ignored, base.key(key), of: document, "it applies only with trafficRouting")
            }
            summary = "replicaset-split, \(Self.count(steps.nodes.count, "step"))"
        }
        members.append(("steps", ImportTree.array(steps.nodes)))
        if let analysis { members.append(("analysis", analysis)) }
        return ImportedStrategy(name: document.label, members: members, summary: summary)
    }

    /// `trafficRouting`: the router splitsim models (nginx, istio, the Gateway API plugin),
    /// or nil for a basic canary; the manifests it names are marked used.
    private mutating func trafficRouting(at path: JSONPath) throws(ImportError) -> Routing? {
        guard let members = try fields.members(path) else { return nil }
        fields.skip(path.key("managedRoutes"))
        let maxTrafficWeight = try fields.integer(path.key("maxTrafficWeight"), in: 1...1_000_000)
        var routing: Routing?
        var unmodelled: [String] = []
        for member in members {
            let routerPath = path.key(member.key)
            switch member.key {
            case "nginx" where routing == nil:
                routing = try nginx(at: routerPath)
            case "istio" where routing == nil:
                routing = Routing(router: "istio")
                try useRoutes(at: routerPath, kind: "VirtualService", group: "networking.istio.io")
            case "plugins" where routing == nil:
                let plugins = try fields.members(routerPath) ?? []
                if let plugin = plugins.first(where: { $0.key.lowercased().contains("gatewayapi") }) {
                    routing = Routing(router: "gateway-api")
                    try useRoutes(at: routerPath.key(plugin.key), kind: "HTTPRoute", group: "gateway.networking.k8s.io")
                } else {
                    unmodelled += plugins.map { "plugins.\($0.key)" }
                    for plugin in plugins { fields.skip(routerPath.key(plugin.key)) }
                }
            case "managedRoutes", "maxTrafficWeight":
                break
            default:
                unmodelled.append(member.key)
                fields.skip(routerPath)
            }
        }
        for name in unmodelled {
            let detail =
                routing == nil
                ? "not a router splitsim models; imported as a basic canary (replicaset-split), which splits per connection by pod ratio"
                : "the \(routing?.router ?? "") router is the one imported"
            context.note(routing == nil ? .assumed : .ignored, path.key(name), of: document, detail)
        }
        guard var routing else {
            if maxTrafficWeight != nil {
                context.note(
                    .ignored, path.key("maxTrafficWeight"), of: document, "a basic canary has no traffic weights")
            }
            return nil
        }
        routing.maxTrafficWeight = maxTrafficWeight
        if routing.router == "istio", let total = maxTrafficWeight, total != 100 {
            context.note(
                .assumed, path.key("maxTrafficWeight"), of: document,
                "splitsim's istio router counts in whole percent; every setWeight is scaled from \(total) to 100 and rounded"
            )
        }
        return routing
    }

    /// `trafficRouting.nginx`: the stable Ingresses it names, and the canary Ingress Argo
    /// manages beside each (`ROLLOUT-STABLE-canary`, argo-rollouts `utils/ingress/ingress.go`
    /// `GetCanaryIngressName`), whose header and cookie annotations Argo keeps; then Argo's
    /// `additionalIngressAnnotations` and `canaryIngressAnnotations` over them
    /// (`rollout/trafficrouting/nginx/nginx.go`).
    private mutating func nginx(at path: JSONPath) throws(ImportError) -> Routing {
        let prefix = (try fields.string(path.key("annotationPrefix")) ?? "nginx.ingress.kubernetes.io") + "/"
        fields.skip([path.key("servicePort"), path.key("rootService")])
        var stable: [String] = []
        if let name = try fields.string(path.key("stableIngress")) { stable.append(name) }
        for (index, _) in (try fields.elements(path.key("stableIngresses")) ?? []).enumerated() {
            if let name = try fields.string(path.key("stableIngresses").index(index)) { stable.append(name) }
        }
        var annotations = NginxCanaryAnnotations()
        for name in stable {
            let ingressGroups = ["networking.k8s.io", "extensions"]
            if let index = context.find(["Ingress"], groups: ingressGroups, named: name, namespace: document.namespace)
            {
                context.use(index)
                context.note(.imported, of: context.documents[index], "the stable Ingress of \(document.label)")
            }
            let canaryName = Self.canaryIngressName(rollout: document.name, stableIngress: name)
            guard
                let index = context.find(
                    ["Ingress"], groups: ingressGroups, named: canaryName, namespace: document.namespace)
            else { continue }
            context.use(index)
            let ingress = context.documents[index]
            var ingressFields = ManifestFields(ingress)
            ingressFields.skip(ManifestFields.path("spec"))
            let annotationsPath = ManifestFields.path("metadata.annotations")
            let existing = NginxCanaryAnnotations(
                try ingressFields.stringMap(annotationsPath) ?? [], at: annotationsPath, prefix: prefix,
                completingNames: false)
            context.note(
                .imported, of: ingress,
                "the canary Ingress \(document.label) manages; its header and cookie rules apply to \(JSONPath.quoted(document.label))"
            )
            if let weight = existing.entries["canary-weight"] {
                context.note(.ignored, weight.path, of: ingress, "\(document.label)'s steps set the weight")
            }
            existing.noteIgnored(in: &context, of: ingress)
            annotations.merge(existing)
        }
        for (key, completing) in [("additionalIngressAnnotations", true), ("canaryIngressAnnotations", false)] {
            let mapPath = path.key(key)
            if let map = try fields.stringMap(mapPath) {
                fields.skip(mapPath)
                let added = NginxCanaryAnnotations(map, at: mapPath, prefix: prefix, completingNames: completing)
                added.noteIgnored(in: &context, of: document)
                annotations.merge(added)
            }
        }
        return Routing(
            router: "ingress-nginx", header: annotations.header(noting: &context, of: document),
            cookie: annotations.cookie)
    }

    /// `1 step`, `6 steps`.
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Argo's name for the canary Ingress beside `stableIngress`, trimmed to 253 characters.
    static func canaryIngressName(rollout: String, stableIngress: String) -> String {
        let suffix = "-canary"
        let prefix = String("\(rollout)-\(stableIngress)".prefix(253 - suffix.count))
        return prefix + suffix
    }

    /// Marks the route manifests an istio or Gateway API router names as used: Argo rewrites
    /// their weights, so they are no strategy of their own.
    private mutating func useRoutes(at path: JSONPath, kind: String, group: String) throws(ImportError) {
        guard let config = try fields.members(path) else { return }
        var names: [String] = []
        for member in config {
            let memberPath = path.key(member.key)
            switch member.value.value {
            case .string(let name) where ["httpRoute", "virtualService"].contains(member.key):
                names.append(name)
            case .object where member.key == "virtualService":
                if case .string(let name)? = member.value["name"]?.value { names.append(name) }
            case .array where ["httpRoutes", "virtualServices"].contains(member.key):
                for element in member.value.elements ?? [] {
                    if case .string(let name)? = element["name"]?.value { names.append(name) }
                }
            default:
                break
            }
            fields.skip(memberPath)
        }
        for name in names {
            // Argo accepts "namespace/name" and "name.namespace" for a VirtualService.
            let bare = String(name.split(separator: "/").last ?? Substring(name))
            guard let index = context.find([kind], groups: [group], named: bare, namespace: document.namespace) else {
                continue
            }
            context.use(index)
            context.note(.imported, of: context.documents[index], "the route \(document.label) sets the weights of")
        }
    }

    // MARK: Steps

    /// The steps in a scenario's terms, with the analysis the first analysis step measures
    /// with (when there is no background analysis) and where the first setWeight is.
    private struct Steps {
        var nodes: [JSONNode] = []
        var analysis: JSONNode?
        var firstWeightIndex: Int?
    }

    /// The steps; `analysisSource` names the template the strategy's analysis comes from
    /// (the background analysis's), since a scenario has one analysis per strategy.
    private mutating func steps(routing: Routing?, analysisSource: String?) throws(ImportError) -> Steps {
        let path = Self.canaryPath.key("steps")
        var steps = Steps()
        var source = analysisSource
        let limit = routing?.maxTrafficWeight ?? 100
        for (index, element) in (try fields.elements(path) ?? []).enumerated() {
            let stepPath = path.index(index)
            guard let members = element.members else {
                throw fields.failure(
                    stepPath, "expected a step object such as {setWeight: 10}, found \(element.value.kindDescription)")
            }
            guard members.count == 1, let member = members.first else {
                throw fields.failure(
                    stepPath, "a step with \(members.count) keys; expected exactly one, such as setWeight or pause")
            }
            let valuePath = stepPath.key(member.key)
            switch member.key {
            case "setWeight":
                let weight = try fields.integer(valuePath, in: 0...limit) ?? 0
                if steps.firstWeightIndex == nil { steps.firstWeightIndex = index }
                steps.nodes.append(ImportTree.step("setWeight", ImportTree.integer(Self.scaled(weight, routing))))
            case "pause":
                steps.nodes.append(try pause(at: valuePath))
            case "analysis":
                let analysis = try templates(at: valuePath)
                let (count, assumed) = analysis.blockingCount(manualPause: context.options.manualPause)
                if assumed {
                    context.note(
                        .assumed, valuePath, of: document,
                        "\(analysis.source) measures until it is stopped, which blocks the step until a person steps in; it takes \(count) measurements here"
                    )
                }
                if let source, source != analysis.source {
                    context.note(
                        .assumed, valuePath, of: document,
                        "a strategy has one analysis, from \(source); only the count of \(analysis.source) is kept")
                } else if source == nil {
                    source = analysis.source
                    steps.analysis = analysis.tree(environment: context.environment, background: false)
                }
                steps.nodes.append(
                    ImportTree.step("analysis", ImportTree.object([("count", ImportTree.integer(count))])))
            case "setCanaryScale", "setHeaderRoute", "setMirrorRoute":
                guard routing != nil else {
                    fields.skip(valuePath)
                    context.note(.ignored, valuePath, of: document, "it needs trafficRouting")
                    continue
                }
                switch member.key {
                case "setCanaryScale":
                    steps.nodes.append(try canaryScale(at: valuePath, limit: limit, routing: routing))
                case "setHeaderRoute": steps.nodes.append(try headerRoute(at: valuePath))
                default: steps.nodes.append(try mirrorRoute(at: valuePath))
                }
            case "experiment":
                fields.skip(valuePath)
                context.note(.ignored, valuePath, of: document, "experiments are not simulated")
            default:
                fields.skip(valuePath)
                context.note(.ignored, valuePath, of: document, "not a step splitsim simulates")
            }
        }
        return steps
    }

    /// A weight out of `maxTrafficWeight` as the router counts it: istio in whole percent
    /// (rounded), the others as it is.
    private static func scaled(_ weight: Int, _ routing: Routing?) -> Int {
        guard let routing, routing.router == "istio", let total = routing.maxTrafficWeight, total != 100 else {
            return weight
        }
        return (weight * 100 + total / 2) / total
    }

    /// `pause: {duration: D}`, or `pause: {}`, which waits for a person: it lasts the manual
    /// pause here.
    private mutating func pause(at path: JSONPath) throws(ImportError) -> JSONNode {
        if let duration = try fields.duration(path.key("duration")) {
            _ = try fields.members(path)
            return ImportTree.step("pause", ImportTree.string(duration.text))
        }
        if fields.node(at: path)?.value == .null {
            fields.skip(path)
        } else {
            _ = try fields.members(path)
        }
        let manual = context.options.manualPause.description
        context.note(
            .assumed, path, of: document,
            "a pause without a duration waits for a person to promote; it lasts \(manual) here (--manual-pause)")
        return ImportTree.step("pause", ImportTree.string(manual))
    }

    /// `setCanaryScale`: replicas, then weight, then matchTrafficWeight, as Argo reads them
    /// (`utils/replicaset/canary.go` `GetCanaryReplicasOrWeight`).
    private mutating func canaryScale(at path: JSONPath, limit: Int, routing: Routing?) throws(ImportError)
        -> JSONNode
    {
        _ = try fields.members(path)
        let replicas = try fields.integer(path.key("replicas"), in: 0...ScenarioDecoder.maximumReplicas)
        let weight = try fields.integer(path.key("weight"), in: 0...limit)
        // Read for its type only: true or false, the traffic weight sizes the canary then.
        _ = try fields.boolean(path.key("matchTrafficWeight"))
        let scale: (String, JSONNode)
        if let replicas {
            scale = ("replicas", ImportTree.integer(replicas))
        } else if let weight {
            scale = ("weight", ImportTree.integer(Self.scaled(weight, routing)))
        } else {
            scale = ("matchTrafficWeight", ImportTree.boolean(true))
        }
        for key in ["weight", "matchTrafficWeight"] where key != scale.0 && fields.contains(path.key(key)) {
            context.note(.ignored, path.key(key), of: document, "Argo uses \(scale.0) when both are set")
        }
        return ImportTree.step("setCanaryScale", ImportTree.object([scale]))
    }

    /// `setHeaderRoute`: its first header match as a header rule; without `match` the route
    /// is removed.
    private mutating func headerRoute(at path: JSONPath) throws(ImportError) -> JSONNode {
        _ = try fields.members(path)
        fields.skip(path.key("name"))
        let matchPath = path.key("match")
        guard let matches = try fields.elements(matchPath), !matches.isEmpty else {
            return ImportTree.step("setHeaderRoute", ImportTree.null)
        }
        for index in matches.indices.dropFirst() {
            fields.skip(matchPath.index(index))
            context.note(.ignored, matchPath.index(index), of: document, "a scenario's header route matches one header")
        }
        let first = matchPath.index(0)
        guard let name = try fields.string(first.key("headerName")) else {
            throw fields.failure(first, "no headerName; expected the header to match")
        }
        let rule = try stringMatch(at: first.key("headerValue"))
        return ImportTree.step("setHeaderRoute", ImportTree.object([("name", ImportTree.string(name))] + [rule]))
    }

    /// Argo's `StringMatch`: `exact` as a header rule's value, `regex` as its pattern, and
    /// `prefix` as a pattern anchored at the start.
    private mutating func stringMatch(at path: JSONPath) throws(ImportError) -> (String, JSONNode) {
        _ = try fields.members(path)
        if let exact = try fields.string(path.key("exact")) { return ("value", ImportTree.string(exact)) }
        if let regex = try fields.string(path.key("regex")) { return ("pattern", ImportTree.string(regex)) }
        if let prefix = try fields.string(path.key("prefix")) {
            return ("pattern", ImportTree.string(ImportTree.prefixPattern(prefix)))
        }
        throw fields.failure(path, "expected exact, prefix or regex")
    }

    /// `setMirrorRoute`: its percentage (default 100); without `match` the route is removed,
    /// which a scenario writes as a mirror of 0 %.
    private mutating func mirrorRoute(at path: JSONPath) throws(ImportError) -> JSONNode {
        _ = try fields.members(path)
        fields.skip(path.key("name"))
        let percentage = try fields.integer(path.key("percentage"), in: 0...100) ?? 100
        guard fields.contains(path.key("match")) else {
            return ImportTree.step("setMirrorRoute", ImportTree.object([("percentage", ImportTree.integer(0))]))
        }
        fields.skip(path.key("match"))
        context.note(
            .assumed, path.key("match"), of: document,
            "a scenario mirrors \(percentage) % of all requests, not only those the match selects")
        return ImportTree.step("setMirrorRoute", ImportTree.object([("percentage", ImportTree.integer(percentage))]))
    }

    // MARK: Analysis

    /// The background analysis (`canary.analysis`), and the step it starts at.
    private mutating func backgroundAnalysis() throws(ImportError) -> (
        analysis: JSONNode, source: String, startingStep: Int
    )? {
        let path = Self.canaryPath.key("analysis")
        guard fields.contains(path) else { return nil }
        let analysis = try templates(at: path)
        let startingStep = try fields.integer(path.key("startingStep"), in: 0...10_000) ?? 0
        return (analysis.tree(environment: context.environment, background: true), analysis.source, startingStep)
    }

    /// The settings of the template a `RolloutAnalysis` at `path` names; a scenario's analysis
    /// measures one metric, so further templates are ignored.
    private mutating func templates(at path: JSONPath) throws(ImportError) -> ImportedAnalysis {
        _ = try fields.members(path)
        // Arguments fill in the query; metadata and retention label and keep the runs.
        fields.skip([path.key("args"), path.key("analysisRunMetadata"), path.key("measurementRetention")])
        let templatesPath = path.key("templates")
        guard let templates = try fields.elements(templatesPath), !templates.isEmpty else {
            throw fields.failure(templatesPath, "no templates; expected at least one {templateName: NAME}")
        }
        for index in templates.indices.dropFirst() {
            fields.skip(templatesPath.index(index))
            context.note(
                .ignored, templatesPath.index(index), of: document,
                "a scenario's analysis measures one metric; the first template gives it")
        }
        let first = templatesPath.index(0)
        guard let name = try fields.string(first.key("templateName")) else {
            throw fields.failure(first, "no templateName; expected the name of an AnalysisTemplate")
        }
        let clusterScope = try fields.boolean(first.key("clusterScope")) ?? false
        let kind = clusterScope ? "ClusterAnalysisTemplate" : "AnalysisTemplate"
        guard
            let index = context.find(
                [kind], groups: ["argoproj.io"], named: name, namespace: clusterScope ? nil : document.namespace)
        else {
            let threshold =
                context.environment["maxErrorRate"] == nil
                ? "maxErrorRate 0.01 (the default)" : "maxErrorRate from \(context.environmentSource)"
            context.note(
                .assumed, first, of: document,
                "\(kind) \(name) is not among the manifests; the analysis takes \(threshold) and measures once")
            var unknown = ImportedAnalysis.unknown("\(kind) \(name)")
            unknown.count = 1
            return unknown
        }
        return try context.analysis(at: index)
    }

    // MARK: Blue-green

    mutating func blueGreen() throws(ImportError) -> ImportedStrategy {
        let base = Self.blueGreenPath
        fields.skip([
            base.key("activeService"), base.key("previewService"), base.key("previewMetadata"),
            base.key("activeMetadata"),
        ])
        var members: [(String, JSONNode)] = [
            (
                "description",
                ImportTree.string("Argo Rollouts blue-green, from \(document.label) (\(document.fileName))")
            ),
            ("kind", ImportTree.string("blue-green")),
        ]
        if let preview = try fields.integer(base.key("previewReplicaCount"), in: 1...ScenarioDecoder.maximumReplicas) {
            members.append(("previewReplicas", ImportTree.integer(preview)))
        }
        let automatic = try fields.boolean(base.key("autoPromotionEnabled")) ?? true
        let seconds = try fields.integer(base.key("autoPromotionSeconds"), in: 0...1_000_000_000)
        if !automatic {
            let manual = context.options.manualPause.description
            context.note(
                .assumed, base.key("autoPromotionEnabled"), of: document,
                "the switch waits for a person; it comes \(manual) after the preview is ready here (--manual-pause)")
            members.append(("autoPromotion", ImportTree.string(manual)))
            if seconds != nil {
                context.note(
                    .ignored, base.key("autoPromotionSeconds"), of: document,
                    "Argo ignores it when autoPromotionEnabled is false")
            }
        } else if let seconds, seconds > 0 {
            members.append(("autoPromotion", ImportTree.string("\(seconds)s")))
        }
        if let delay = try fields.seconds(base.key("scaleDownDelaySeconds")) {
            members.append(("scaleDownDelay", ImportTree.string(delay)))
        }
        if fields.contains(base.key("abortScaleDownDelaySeconds")) {
            fields.skip(base.key("abortScaleDownDelaySeconds"))
            context.note(
                .ignored, base.key("abortScaleDownDelaySeconds"), of: document,
                "a scenario's blue-green scales the preview down at once on abort")
        }
        var analysis: JSONNode?
        for key in ["prePromotionAnalysis", "postPromotionAnalysis"] where fields.contains(base.key(key)) {
            let settings = try templates(at: base.key(key))
            let (count, assumed) = settings.blockingCount(manualPause: context.options.manualPause)
            if assumed {
                context.note(
                    .assumed, base.key(key), of: document,
                    "\(settings.source) measures until it is stopped, which blocks the release until a person steps in; it takes \(count) measurements here"
                )
            }
            if analysis == nil {
                analysis = settings.tree(environment: context.environment, background: true)
            }
            members.append((key, ImportTree.object([("count", ImportTree.integer(count))])))
        }
        if let analysis { members.append(("analysis", analysis)) }
        return ImportedStrategy(name: document.label, members: members, summary: "blue-green")
    }

}
