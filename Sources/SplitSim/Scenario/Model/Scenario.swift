/// A validated scenario: the traffic, the cluster, the two versions and the strategies to compare.
///
/// Create one from the text or the bytes of a scenario file with ``init(decoding:file:)``;
/// it checks everything the file format (`scenarios/scenario.schema.json`) says and reports
/// every problem at once. Reading the file is the caller's business.
public struct Scenario: Hashable, Sendable {
    /// The default seed of run 0.
    public static let defaultSeed: UInt64 = 1
    /// The default number of runs per strategy.
    public static let defaultRuns = 10
    /// The default simulated time per run.
    public static let defaultDuration = SimDuration.minutes(60)

    /// The file the scenario came from, as given by the caller; used in messages and reports.
    public var file: String
    /// A short title.
    public var name: String
    /// What the scenario teaches.
    public var description: String?
    /// The seed of run 0; run k uses a seed derived from this and k. Default 1.
    public var seed: UInt64
    /// Runs per strategy. Default 10.
    public var runs: Int
    /// Simulated time per run. Default one hour.
    public var duration: SimDuration
    /// Production traffic.
    public var traffic: TrafficSpec
    /// The pods.
    public var cluster: ClusterSpec
    /// How the stable and candidate versions behave.
    public var versions: VersionsSpec
    /// The scenario-wide analysis that strategies inherit; nil when there is none.
    public var analysis: AnalysisSpec?
    /// The strategies to compare, in file order; never empty, names unique.
    public var strategies: [StrategySpec]
    /// How the recommendation ranks the strategies.
    public var decisionPolicy = DecisionPolicy()

    /// Creates a scenario from its parts without validation.
    public init(
        file: String,
        name: String,
        description: String? = nil,
        seed: UInt64 = Scenario.defaultSeed,
        runs: Int = Scenario.defaultRuns,
        duration: SimDuration = Scenario.defaultDuration,
        traffic: TrafficSpec,
        cluster: ClusterSpec,
        versions: VersionsSpec = VersionsSpec(),
        analysis: AnalysisSpec? = nil,
        strategies: [StrategySpec]
    ) {
        self.file = file
        self.name = name
        self.description = description
        self.seed = seed
        self.runs = runs
        self.duration = duration
        self.traffic = traffic
        self.cluster = cluster
        self.versions = versions
        self.analysis = analysis
        self.strategies = strategies
    }

    /// Decodes and validates scenario text, YAML when `file` ends in `.yaml` or `.yml` and
    /// JSON otherwise; `file` names it in messages, and `registry` says which strategy kinds
    /// it may use.
    /// - Throws: ``ScenarioError/malformedJSON(file:line:column:message:)``,
    ///   ``ScenarioError/malformedYAML(file:line:column:message:)`` or
    ///   ``ScenarioError/invalid(file:problems:)`` listing every problem in file order.
    public init(
        decoding text: String, file: String, registry: StrategyRegistry = .standard
    ) throws(ScenarioError) {
        try self.init(decoding: ScenarioSyntax(file: file).parse(text, file: file), file: file, registry: registry)
    }

    /// Decodes and validates a parsed scenario tree, e.g. one a sweep point changed.
    /// - Throws: ``ScenarioError/invalid(file:problems:)`` listing every problem in file order.
    public init(
        decoding root: JSONNode, file: String, registry: StrategyRegistry = .standard
    ) throws(ScenarioError) {
        var decoder = ScenarioDecoder()
        let scenario = decoder.decodeScenario(root, file: file, registry: registry)
        let problems = decoder.problemsInFileOrder
        guard problems.isEmpty else { throw .invalid(file: file, problems: problems) }
        self = scenario
    }

    /// Decodes and validates the bytes of a scenario file, which must be UTF-8; `file` names it
    /// in messages.
    /// - Throws: ``ScenarioError/malformedJSON(file:line:column:message:)`` at the first byte
    ///   that is not UTF-8, otherwise as the initializer that decodes a `String`.
    public init(
        decoding bytes: [UInt8], file: String, registry: StrategyRegistry = .standard
    ) throws(ScenarioError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let position = Self.firstInvalidUTF8(in: bytes)
            throw .malformedJSON(
                file: file, line: position.line, column: position.column,
                message: "invalid UTF-8; expected a UTF-8 text file")
        }
        try self.init(decoding: text, file: file, registry: registry)
    }

    /// Where the first byte that is not valid UTF-8 sits.
    /// - Complexity: O(n) in the number of bytes.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> SourcePosition {
        var position = SourcePosition(line: 1, column: 1)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.first == UInt8(ascii: "\n") {
                    position.line += 1
                    position.column = 1
                } else {
                    position.column += 1
                }
            case .error, .emptyInput:
                return position
            }
        }
    }
}
