/// A strategy object's keys as its kind decodes them: typed readers that check each value
/// and report every problem with its path, so a kind's `decode` reads like a list of keys.
///
/// Readers return nil when a key is absent or wrong (after reporting why); the kind falls
/// back to its default and carries on.
public struct StrategyFields {
    var decoder: ScenarioDecoder
    let fields: ScenarioDecoder.Fields
    let context: ScenarioDecoder.StrategyContext
    let analysis: AnalysisSpec?
    let stepKeys: [String]
    let kindName: String

    /// The cluster's replica count, when it was valid.
    public var replicas: Int? { context.replicas }

    /// Whether the strategy gives `key`.
    public func contains(_ key: String) -> Bool {
        fields[key].node != nil
    }

    /// Reports a problem with `key`'s value, or with the strategy when it has no such key.
    public mutating func report(_ message: String, at key: String) {
        let field = fields[key]
        decoder.report(message, at: field.path, field.node?.position ?? fields.position)
    }

    /// An integer in `range`.
    public mutating func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        decoder.integer(fields[key], in: range, required: required)
    }

    /// A pod count from 1 to ten times the cluster's replicas.
    public mutating func replicaCount(_ key: String, required: Bool = false) -> Int? {
        decoder.integer(fields[key], in: 1...context.replicaBound, required: required, note: context.replicaBoundNote)
    }

    /// A non-empty string.
    public mutating func string(_ key: String, required: Bool = false) -> String? {
        decoder.string(fields[key], required: required)
    }

    /// A duration such as `"90s"` or a number of seconds.
    public mutating func duration(_ key: String, required: Bool = false) -> SimDuration? {
        decoder.duration(fields[key], required: required)
    }

    /// One of a fixed set of names, e.g. a router.
    public mutating func choice<Choice: CaseIterable & RawRepresentable<String>>(
        _ key: String, as type: Choice.Type, noun: String, required: Bool = false
    ) -> Choice? {
        decoder.choice(fields[key], as: type, noun: noun, required: required)
    }

    /// The `steps` list, required, with the kind's step keys; `setWeight` values are out of
    /// `weightScale`.
    public mutating func steps(weightScale: Int = 100) -> [Step] {
        decoder.decodeSteps(
            fields["steps"], accepting: stepKeys, kindName: kindName, weightScale: weightScale, context: context,
            analysis: analysis)
    }

    /// `maxSurge` and `maxUnavailable` (Kubernetes defaults 25 % each); both zero could never progress.
    public mutating func rollingBudget() -> (maxSurge: IntOrPercent, maxUnavailable: IntOrPercent) {
        decoder.decodeRollingBudget(fields)
    }

    /// A smoke test object.
    public mutating func smokeTest(_ key: String) -> SmokeTestSpec? {
        decoder.decodeSmokeTest(fields[key])
    }

    /// `true`, `false` or `{"count": N}`: how many measurements a blocking analysis run takes,
    /// nil when there is none.
    public mutating func blockingAnalysis(_ key: String) -> Int? {
        decoder.decodeBlockingAnalysis(fields[key], analysis: analysis)
    }

    /// `true` or `false`.
    public mutating func boolean(_ key: String) -> Bool? {
        decoder.boolean(fields[key])
    }

    /// A header rule object.
    public mutating func headerMatch(_ key: String, required: Bool) -> HeaderMatch? {
        decoder.decodeHeaderMatch(fields[key], required: required)
    }

    /// A canary size: an integer pod count or `"match-weight"`.
    public mutating func canaryReplicas(_ key: String) -> CanaryReplicas {
        decoder.decodeCanaryReplicas(fields[key], context: context)
    }
}
