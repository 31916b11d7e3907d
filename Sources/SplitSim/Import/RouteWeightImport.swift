/// A weighted route as a `service-split`: a Gateway API `HTTPRoute`'s backendRefs
/// (router `gateway-api`) or an Istio `VirtualService`'s HTTP route destinations (router
/// `istio`). Rules that send a header match to the canary alone become `setHeaderRoute`
/// steps, an Istio mirror to the canary a `setMirrorRoute` step.
///
/// A route holds one weight until a person or a controller edits it, so the strategy sets
/// that weight, pauses for the manual pause and promotes. Weights follow
/// kubernetes-sigs/gateway-api `apis/v1/shared_types.go` (`BackendRef.weight`: default 1,
/// share w/Σw) and istio/api `networking/v1alpha3/virtual_service.proto`
/// (`HTTPRouteDestination.weight`, `mirrorPercentage`).
struct RouteWeightImport: ManifestImporter {
    /// Which route manifest.
    enum Flavor: Sendable {
        case httpRoute
        case virtualService
    }

    let flavor: Flavor
    let readsOtherManifests = false

    init(_ flavor: Flavor) {
        self.flavor = flavor
    }

    var groups: [String] {
        switch flavor {
        case .httpRoute: ["gateway.networking.k8s.io"]
        case .virtualService: ["networking.istio.io"]
        }
    }

    var kind: String {
        switch flavor {
        case .httpRoute: "HTTPRoute"
        case .virtualService: "VirtualService"
        }
    }

    /// One backend of a rule: who it is, its weight and where it is written.
    private struct Backend {
        var identity: String
        var weight: Int
        var path: JSONPath
    }

    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
    {
        var fields = ManifestFields(document)
        let rulesPath: JSONPath
        switch flavor {
        case .httpRoute:
            // Which Gateways and hosts the route serves wires it up.
            fields.skip(["spec.parentRefs", "spec.hostnames"])
            rulesPath = ManifestFields.path("spec.rules")
        case .virtualService:
            fields.skip(["spec.hosts", "spec.gateways", "spec.exportTo"])
            rulesPath = ManifestFields.path("spec.http")
        }
        let rules = try fields.elements(rulesPath) ?? []
        var backends: [[Backend]] = []
        for index in rules.indices { backends.append(try self.backends(of: rulesPath.index(index), in: &fields)) }
        guard let weighted = backends.firstIndex(where: { $0.count >= 2 }) else {
            context.noteUnread(fields)
            context.note(.ignored, of: document, "no rule splits traffic between two backends")
            return []
        }
        let split = backends[weighted]
        let canary = canaryBackend(of: split, in: &context, document: document)
        let total = split.reduce(0) { $0 + $1.weight }
        guard total > 0 else {
            throw fields.failure(rulesPath.index(weighted), "every backend has weight 0; expected a weight above 0")
        }
        var steps: [JSONNode] = []
        for (index, rule) in backends.enumerated() where index != weighted {
            let rulePath = rulesPath.index(index)
            if rule.count == 1, rule[0].identity == split[canary].identity,
                let header = try headerMatch(of: rulePath, in: &fields)
            {
                steps.append(ImportTree.step("setHeaderRoute", header))
            } else {
                fields.skip(rulePath)
                context.note(
                    .ignored, rulePath, of: document,
                    "only the weighted rule and header matches sent to the canary are simulated")
            }
        }
        let weightedPath = rulesPath.index(weighted)
        fields.skip(weightedPath.key(flavor == .httpRoute ? "matches" : "match"))
        var members: [(String, JSONNode)] = [
            ("description", ImportTree.string("\(kind) weights, from \(document.label) (\(document.fileName))")),
            ("kind", ImportTree.string("service-split")),
        ]
        let weight: Int
        switch flavor {
        case .httpRoute:
            members.append(("router", ImportTree.string("gateway-api")))
            members.append(("weightTotal", ImportTree.integer(total)))
            weight = split[canary].weight
            if let filters = try fields.elements(weightedPath.key("filters")) {
                for (index, _) in filters.enumerated() {
                    fields.skip(weightedPath.key("filters").index(index))
                    context.note(
                        .ignored, weightedPath.key("filters").index(index), of: document,
                        "route filters are not simulated")
                }
            }
        case .virtualService:
            members.append(("router", ImportTree.string("istio")))
            weight = (split[canary].weight * 100 + total / 2) / total
            if total != 100 {
                context.note(
                    .assumed, weightedPath.key("route"), of: document,
                    "the weights add up to \(total); splitsim's istio router counts in whole percent, so the canary's \(split[canary].weight) becomes \(weight) %"
                )
            }
            if let mirror = try mirror(of: weightedPath, canary: split[canary].identity, in: &fields, context: &context)
            {
                steps.append(mirror)
            }
            fields.skip(weightedPath.key("name"))
        }
        let manual = context.options.manualPause.description
        context.note(
            .assumed, of: document,
            "it holds the canary's weight until a person or a controller edits it; here the canary, sized to the weight, is promoted after \(manual) (--manual-pause)"
        )
        steps.append(ImportTree.step("setWeight", ImportTree.integer(weight)))
        steps.append(ImportTree.step("pause", ImportTree.string(manual)))
        members.append(("steps", ImportTree.array(steps)))
        context.noteUnread(fields)
        let router = flavor == .httpRoute ? "gateway-api" : "istio"
        return [
            ImportedStrategy(
                name: document.label, members: members, summary: "service-split via \(router), weight \(weight)")
        ]
    }

    /// The backends of the rule at `path`, their weights read.
    private func backends(of path: JSONPath, in fields: inout ManifestFields) throws(ImportError) -> [Backend] {
        let listPath = path.key(flavor == .httpRoute ? "backendRefs" : "route")
        _ = try fields.members(path)
        let elements = try fields.elements(listPath) ?? []
        var backends: [Backend] = []
        for index in elements.indices {
            let backendPath = listPath.index(index)
            _ = try fields.members(backendPath)
            switch flavor {
            case .httpRoute:
                fields.skip([
                    backendPath.key("port"), backendPath.key("namespace"), backendPath.key("group"),
                    backendPath.key("kind"),
                ])
                let name = try fields.string(backendPath.key("name")) ?? ""
                let weight = try fields.integer(backendPath.key("weight"), in: 0...1_000_000) ?? 1
                backends.append(Backend(identity: name, weight: weight, path: backendPath))
            case .virtualService:
                let destination = backendPath.key("destination")
                _ = try fields.members(destination)
                fields.skip(destination.key("port"))
                let host = try fields.string(destination.key("host")) ?? ""
                let subset = try fields.string(destination.key("subset"))
                // One destination alone takes all traffic; beside others an unset weight is 0.
                let weight =
                    try fields.integer(backendPath.key("weight"), in: 0...1_000_000) ?? (elements.count == 1 ? 100 : 0)
                backends.append(
                    Backend(identity: subset.map { "\(host)/\($0)" } ?? host, weight: weight, path: backendPath))
            }
        }
        return backends
    }

    /// The canary among a weighted rule's backends: the one whose name says canary, else the
    /// last, stated as an assumption; any further backends count as stable.
    private func canaryBackend(of split: [Backend], in context: inout ImportContext, document: ManifestDocument) -> Int
    {
        let canary = split.lastIndex { $0.identity.lowercased().contains("canary") }
        let index = canary ?? split.count - 1
        if canary == nil {
            context.note(
                .assumed, split[index].path, of: document,
                "no backend is named canary; the last one, \(split[index].identity), is taken for the canary")
        }
        if split.count > 2 {
            context.note(
                .assumed, split[index].path, of: document,
                "\(split.count) backends: \(split[index].identity) is the canary, the others count as stable")
        }
        return index
    }

    /// A rule's first header match as a header rule, or nil when it has none.
    private func headerMatch(of path: JSONPath, in fields: inout ManifestFields) throws(ImportError) -> JSONNode? {
        let matchesPath = path.key(flavor == .httpRoute ? "matches" : "match")
        guard let matches = fields.node(at: matchesPath)?.elements, let first = matches.first else { return nil }
        switch flavor {
        case .httpRoute:
            guard let header = first["headers"]?.elements?.first, case .string(let name)? = header["name"]?.value,
                case .string(let value)? = header["value"]?.value
            else { return nil }
            fields.skip(matchesPath)
            let regex: Bool = if case .string("RegularExpression")? = header["type"]?.value { true } else { false }
            return ImportTree.object([
                ("name", ImportTree.string(name)), (regex ? "pattern" : "value", ImportTree.string(value)),
            ])
        case .virtualService:
            guard let header = first["headers"]?.members?.first else { return nil }
            let rule: (String, JSONNode)
            if case .string(let exact)? = header.value["exact"]?.value {
                rule = ("value", ImportTree.string(exact))
            } else if case .string(let regex)? = header.value["regex"]?.value {
                rule = ("pattern", ImportTree.string(regex))
            } else if case .string(let prefix)? = header.value["prefix"]?.value {
                rule = ("pattern", ImportTree.string(ImportTree.prefixPattern(prefix)))
            } else {
                return nil
            }
            fields.skip(matchesPath)
            return ImportTree.object([("name", ImportTree.string(header.key)), rule])
        }
    }

    /// An Istio mirror of the weighted route to the canary as a `setMirrorRoute` step.
    private func mirror(
        of path: JSONPath, canary: String, in fields: inout ManifestFields, context: inout ImportContext
    )
        throws(ImportError) -> JSONNode?
    {
        guard fields.contains(path.key("mirror")) else { return nil }
        let host = try fields.string(path.key("mirror").key("host")) ?? ""
        let subset = try fields.string(path.key("mirror").key("subset"))
        _ = try fields.members(path.key("mirror"))
        fields.skip(path.key("mirror").key("port"))
        let percentage: Int
        if let value = try fields.number(path.key("mirrorPercentage").key("value")) {
            _ = try fields.members(path.key("mirrorPercentage"))
            percentage = Int(max(0, min(100, value.value)).rounded())
            if Double(percentage) != value.value {
                context.note(
                    .assumed, path.key("mirrorPercentage").key("value"), of: fields.document,
                    "a scenario mirrors whole percentages; \(value) becomes \(percentage)")
            }
        } else {
            percentage = try fields.integer(path.key("mirrorPercent"), in: 0...100) ?? 100
        }
        let identity = subset.map { "\(host)/\($0)" } ?? host
        guard identity == canary else {
            context.note(
                .ignored, path.key("mirror"), of: fields.document, "it mirrors to \(identity), not to the canary")
            return nil
        }
        return ImportTree.step("setMirrorRoute", ImportTree.object([("percentage", ImportTree.integer(percentage))]))
    }
}
