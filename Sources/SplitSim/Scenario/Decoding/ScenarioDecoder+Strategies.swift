import SplitRouter

extension ScenarioDecoder {
    /// What strategies need to know about the rest of the scenario.
    struct StrategyContext {
        /// The cluster's replica count, when valid.
        var replicas: Int?
        /// The scenario-wide analysis, which strategies inherit.
        var analysis: AnalysisSpec?
        /// The kinds a strategy may be.
        var registry: StrategyRegistry

        /// The most pods a canary or preview may ask for: ten times the stable count (more
        /// is almost surely a typo), within the global maximum.
        var replicaBound: Int {
            min(ScenarioDecoder.maximumReplicas, 10 * (replicas ?? ScenarioDecoder.maximumReplicas))
        }

        /// How ``replicaBound`` was derived, for messages.
        var replicaBoundNote: String {
            replicas == nil ? "" : " (at most 10 × cluster.replicas)"
        }
    }

    /// Every step key of any kind, to tell a misplaced step from a misspelt one.
    private static let allStepKeys = [
        "setWeight", "setReplicas", "pause", "analysis", "setCanaryScale", "setHeaderRoute", "setMirrorRoute",
    ]

    /// The strategies: a non-empty list with unique names.
    mutating func decodeStrategies(_ field: Field, context: StrategyContext) -> [StrategySpec] {
        guard let elements = array(field, required: true, expecting: "a non-empty array of strategies"),
            let node = field.node
        else { return [] }
        if elements.isEmpty {
            report("empty list; expected at least one strategy", at: field.path, node.position)
        }
        var strategies: [StrategySpec] = []
        var firstIndexByName: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let path = field.path.index(index)
            let (name, strategy) = decodeStrategy(element, at: path, context: context)
            if let strategy { strategies.append(strategy) }
            guard let name else { continue }
            if let first = firstIndexByName[name] {
                let namePosition = element["name"]?.position ?? element.position
                report(
                    "\(JSONPath.quoted(name)) is already the name of \(field.path.index(first)); expected unique names",
                    at: path.key("name"), namePosition)
            } else {
                firstIndexByName[name] = index
            }
        }
        return strategies
    }

    /// One strategy, and its name when valid (for the uniqueness check even when the rest is wrong).
    private mutating func decodeStrategy(
        _ node: JSONNode, at path: JSONPath, context: StrategyContext
    ) -> (name: String?, strategy: StrategySpec?) {
        guard node.members != nil else {
            reportType(expected: "an object", found: node, at: path)
            return (nil, nil)
        }
        let kindField = Field(node: node["kind"], path: path.key("kind"), parentPosition: node.position)
        guard let kind = strategyKind(kindField, registry: context.registry) else {
            // Without a kind only the keys common to all kinds can be checked precisely.
            var keys = ScenarioObject.commonStrategyKeys
            for kind in context.registry.kinds { keys += kind.keys.filter { !keys.contains($0) } }
            let fields = fields(of: node, at: path, accepting: keys)
            return (fields.flatMap { string($0["name"], required: true) }, nil)
        }
        var explanations: [String: String] = [:]
        if kind.stepKeys.isEmpty {
            explanations["steps"] = "\(kind.kindName) takes no steps; expected no steps key (\(kind.whyNoSteps))"
        }
        guard
            let fields = fields(
                of: node, at: path, accepting: ScenarioObject.commonStrategyKeys + kind.keys, explanations: explanations
            )
        else { return (nil, nil) }
        let name = string(fields["name"], required: true)
        let description = string(fields["description"], allowEmpty: true)
        let analysis = decodeOptionalAnalysis(fields["analysis"]) ?? context.analysis
        let spec = decodeSettings(of: kind, fields: fields, context: context, analysis: analysis)
        return (name, StrategySpec(name: name ?? "", description: description, analysis: analysis, kind: spec))
    }

    /// The kind's own keys, decoded by the kind.
    private mutating func decodeSettings<Kind: StrategyKindSpec>(
        of _: Kind.Type, fields: Fields, context: StrategyContext, analysis: AnalysisSpec?
    ) -> StrategyKind {
        var kindFields = StrategyFields(
            decoder: self, fields: fields, context: context, analysis: analysis, stepKeys: Kind.stepKeys,
            kindName: Kind.kindName)
        let spec = Kind.decode(&kindFields)
        self = kindFields.decoder
        return StrategyKind(spec)
    }

    /// The strategy's `kind`: one of the registry's names.
    private mutating func strategyKind(_ field: Field, registry: StrategyRegistry) -> (any StrategyKindSpec.Type)? {
        let names = registry.names.map(JSONPath.quoted).joined(separator: ", ")
        guard let node = field.node else {
            report("missing required key; expected one of \(names)", at: field.path, field.parentPosition)
            return nil
        }
        guard case .string(let text) = node.value else {
            reportType(expected: "one of \(names)", found: node, at: field.path)
            return nil
        }
        if let kind = registry.kind(named: text) { return kind }
        let quoted = JSONPath.quoted(text)
        if let suggestion = EditDistance.suggestion(for: text, among: registry.names) {
            report(
                "\(quoted) is not a known strategy kind; did you mean \(JSONPath.quoted(suggestion))?", at: field.path,
                node.position)
        } else {
            report("\(quoted) is not a known strategy kind; expected one of \(names)", at: field.path, node.position)
        }
        return nil
    }

    mutating func decodeCanaryReplicas(_ field: Field, context: StrategyContext) -> CanaryReplicas {
        guard let node = field.node else { return .matchWeight }
        if case .string(let text) = node.value {
            if text == "match-weight" { return .matchWeight }
            let hint =
                EditDistance.suggestion(for: text, among: ["match-weight"]) != nil
                ? "did you mean \"match-weight\"?"
                : "expected \"match-weight\" or an integer 1...\(context.replicaBound)"
            report("\(JSONPath.quoted(text)) is not a replica count; \(hint)", at: field.path, node.position)
            return .matchWeight
        }
        let count = integer(
            field, in: 1...context.replicaBound, note: "\(context.replicaBoundNote) or \"match-weight\"")
        return count.map(CanaryReplicas.fixed) ?? .matchWeight
    }

    mutating func decodeHeaderMatch(_ field: Field, required: Bool) -> HeaderMatch? {
        guard let fields = object(field, as: .headerMatch, required: required) else { return nil }
        let name = string(fields["name"], required: true)
        let value = string(fields["value"], allowEmpty: true)
        let pattern = string(fields["pattern"])
        if value != nil && pattern != nil {
            report(
                "both value and pattern are given; expected one of them (ingress-nginx ignores the pattern when a value is set)",
                at: fields.path, fields.position)
        }
        return HeaderMatch(name: name ?? "", value: value, pattern: pattern)
    }

    mutating func decodeSmokeTest(_ field: Field) -> SmokeTestSpec? {
        guard let fields = object(field, as: .smokeTest) else { return nil }
        return SmokeTestSpec(
            requests: integer(fields["requests"], in: 1...1_000_000) ?? SmokeTestSpec.defaultRequests,
            rps: rate(fields["rps"])
                ?? SmokeTestSpec.defaultRps,
            maxErrorRate: fraction(fields["maxErrorRate"]),
            coverage: fraction(fields["coverage"]) ?? 1
        )
    }

    /// `true`, `false` or `{"count": N}`: a run of the strategy's analysis that blocks the
    /// release until it completes, so it needs a count (the object's, or `analysis.count`).
    mutating func decodeBlockingAnalysis(_ field: Field, analysis: AnalysisSpec?) -> Int? {
        guard let node = field.node else { return nil }
        var count: Int?
        switch node.value {
        case .bool(false): return nil
        case .bool(true): count = nil
        case .object:
            guard let fields = fields(of: node, at: field.path, as: .analysisDetails) else { return nil }
            count = integer(fields["count"], in: 1...1_000)
        default:
            reportType(expected: "true, false or {\"count\": N}", found: node, at: field.path)
            return nil
        }
        guard let analysis else {
            report(
                "the strategy has no analysis to run; expected an \"analysis\" object on the strategy or the scenario",
                at: field.path, node.position)
            return nil
        }
        guard let resolved = count ?? (analysis.count > 0 ? analysis.count : nil) else {
            report(
                "an analysis without a count never completes and would block the release for good; expected {\"count\": N} or analysis.count above 0",
                at: field.path, node.position)
            return nil
        }
        return resolved
    }

    /// `true` or `false`.
    mutating func boolean(_ field: Field) -> Bool? {
        guard let node = field.node else { return nil }
        guard case .bool(let value) = node.value else {
            reportType(expected: "true or false", found: node, at: field.path)
            return nil
        }
        return value
    }

    /// `maxSurge` and `maxUnavailable` (Kubernetes defaults 25 % each); both zero could never progress.
    mutating func decodeRollingBudget(_ fields: Fields) -> (
        maxSurge: IntOrPercent, maxUnavailable: IntOrPercent
    ) {
        let surge = intOrPercent(fields["maxSurge"], maximumPercent: 1_000)
        let unavailable = intOrPercent(fields["maxUnavailable"], maximumPercent: 100)
        if let surge, let unavailable, surge.isZero, unavailable.isZero {
            report(
                "maxSurge and maxUnavailable are both 0; expected at least one of them above 0 so the update can progress",
                at: fields.path, fields.position)
        }
        return (surge ?? .percent(25), unavailable ?? .percent(25))
    }

    // MARK: Steps

    mutating func decodeSteps(
        _ field: Field, accepting accepted: [String], kindName: String, weightScale: Int, context: StrategyContext,
        analysis: AnalysisSpec?
    ) -> [Step] {
        guard let elements = array(field, required: true, expecting: "a non-empty array of steps"),
            let node = field.node
        else { return [] }
        if elements.isEmpty {
            report("empty list; expected at least one step", at: field.path, node.position)
        }
        let acceptedList = accepted.joined(separator: ", ")
        var steps: [Step] = []
        for (index, element) in elements.enumerated() {
            let path = field.path.index(index)
            guard let members = element.members else {
                reportType(
                    expected: "a step object such as {\"setWeight\": 10} or {\"pause\": \"5m\"}", found: element,
                    at: path)
                continue
            }
            guard members.count == 1, let member = members.first else {
                let found =
                    members.isEmpty
                    ? "an empty step"
                    : "a step with \(members.count) keys (\(members.map(\.key).joined(separator: ", ")))"
                report("\(found); expected exactly one of \(acceptedList)", at: path, element.position)
                continue
            }
            let stepField = Field(node: member.value, path: path.key(member.key), parentPosition: element.position)
            guard accepted.contains(member.key) else {
                let message: String
                if member.key == "setReplicas" {
                    message = "setReplicas is only for deployment-split; expected one of \(acceptedList)"
                } else if Self.allStepKeys.contains(member.key) {
                    message = "not a \(kindName) step; expected one of \(acceptedList)"
                } else {
                    message = Self.unknownKeyMessage(member.key, accepted: accepted, noun: "step")
                }
                report(message, at: stepField.path, member.keyPosition)
                continue
            }
            if let step = decodeStep(
                stepField, key: member.key, weightScale: weightScale, context: context, analysis: analysis)
            {
                steps.append(step)
            }
        }
        return steps
    }

    private mutating func decodeStep(
        _ field: Field, key: String, weightScale: Int, context: StrategyContext, analysis: AnalysisSpec?
    ) -> Step? {
        switch key {
        case "setWeight":
            let note = weightScale == 100 ? "" : " (out of weightTotal \(weightScale))"
            return integer(field, in: 0...weightScale, note: note).map(Step.setWeight)
        case "setReplicas":
            return integer(field, in: 0...context.replicaBound, note: context.replicaBoundNote).map(Step.setReplicas)
        case "pause":
            return decodePause(field).map(Step.pause)
        case "setCanaryScale":
            return decodeCanaryScale(field, weightScale: weightScale, context: context).map(Step.setCanaryScale)
        case "setHeaderRoute":
            guard let node = field.node else { return nil }
            if case .null = node.value { return .setHeaderRoute(nil) }
            return decodeHeaderMatch(field, required: true).map { Step.setHeaderRoute($0) }
        case "setMirrorRoute":
            guard let node = field.node, let fields = fields(of: node, at: field.path, as: .mirrorRoute) else {
                return nil
            }
            return .setMirrorRoute(percentage: integer(fields["percentage"], in: 0...100) ?? 100)
        default:
            guard let node = field.node, let fields = fields(of: node, at: field.path, as: .analysisDetails) else {
                return nil
            }
            let count = integer(fields["count"], in: 1...1_000) ?? max(analysis?.count ?? 1, 1)
            if analysis == nil {
                report(
                    "the strategy has no analysis to run; expected an \"analysis\" object on the strategy or the scenario",
                    at: field.path, node.position)
                return nil
            }
            return .analysis(count: count)
        }
    }

    /// `{"replicas": n}`, `{"weight": w}` or `{"matchTrafficWeight": true}`: exactly one.
    private mutating func decodeCanaryScale(_ field: Field, weightScale: Int, context: StrategyContext)
        -> CanaryScale?
    {
        guard let node = field.node, let fields = fields(of: node, at: field.path, as: .canaryScale) else { return nil }
        let expected = #"expected exactly one of {"replicas": n}, {"weight": w} or {"matchTrafficWeight": true}"#
        guard fields.members.count == 1, let key = fields.members.first?.key else {
            report(expected, at: field.path, node.position)
            return nil
        }
        switch key {
        case "replicas":
            return integer(fields["replicas"], in: 0...context.replicaBound, note: context.replicaBoundNote).map {
                .replicas($0)
            }
        case "weight":
            return integer(fields["weight"], in: 0...weightScale).map { .weight($0) }
        default:
            guard boolean(fields["matchTrafficWeight"]) == true else {
                report(expected, at: fields["matchTrafficWeight"].path, node.position)
                return nil
            }
            return .matchTrafficWeight
        }
    }

    /// `"10m"`, `600` or Argo's `{"duration": "10m"}`; an indefinite pause waits for a human.
    private mutating func decodePause(_ field: Field) -> SimDuration? {
        guard let node = field.node else { return nil }
        let needsDuration =
            "a pause without a duration would wait forever for a manual promotion; expected a duration such as \"10m\""
        switch node.value {
        case .object:
            guard let fields = fields(of: node, at: field.path, as: .pauseDetails) else { return nil }
            let durationField = fields["duration"]
            if durationField.node == nil {
                report(needsDuration, at: field.path, node.position)
                return nil
            }
            return duration(durationField)
        case .null:
            report(needsDuration, at: field.path, node.position)
            return nil
        default:
            return duration(field)
        }
    }
}
