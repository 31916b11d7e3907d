/// The settings of one strategy kind, and everything that kind knows about itself: its name
/// and keys in a scenario file, how to decode and validate them, what shares it can express,
/// what to warn about, and the strategy that runs it.
///
/// A new kind is one file with a type conforming to this protocol, plus one line in
/// ``StrategyRegistry/standard``.
public protocol StrategyKindSpec: Hashable, Sendable {
    /// The strategy that runs a release of this kind.
    associatedtype Strategy: RolloutStrategy

    /// The value of the strategy's `kind` key, e.g. `service-split`.
    static var kindName: String { get }
    /// The name of the kind's definition in `scenarios/scenario.schema.json`.
    static var schemaDefinition: String { get }
    /// The keys the kind accepts besides `name`, `description`, `kind` and `analysis`, in the
    /// order the documentation lists them.
    static var keys: [String] { get }
    /// The step keys the kind accepts; empty for kinds without steps.
    static var stepKeys: [String] { get }
    /// Why a kind without steps takes none, for the message that rejects them.
    static var whyNoSteps: String { get }

    /// Decodes and validates the kind's keys, reporting every problem to `fields`.
    static func decode(_ fields: inout StrategyFields) -> Self

    /// The strategy's steps; empty for kinds without steps.
    var steps: [Step] { get }

    /// A strategy, fresh for one run, for a service of `replicas` pods.
    func makeStrategy(replicas: Int) -> Strategy

    /// What the mechanism can express with `replicas` pods, without simulating.
    func granularity(replicas: Int) -> GranularityPlan

    /// Whether the strategy measures its analysis before full promotion; blue-green does only
    /// with pre- or post-promotion analysis.
    var runsAnalysis: Bool { get }

    /// How the kind's controller judges the metric.
    var analysisStyle: AnalysisStyle { get }

    /// What the strategy cannot do as written in this scenario.
    func warnings(in scenario: Scenario, plan: GranularityPlan) -> [StrategyWarning]

    /// Runs the kind's strategy once. The default is what every kind needs; being a
    /// requirement makes each kind's run loop specialised for its strategy.
    func simulate(_ run: SimulationRun) -> RunResult
}

extension StrategyKindSpec {
    public static var stepKeys: [String] { [] }
    public static var whyNoSteps: String { "it takes no steps" }
    public var steps: [Step] { [] }
    public var runsAnalysis: Bool { true }
    public var analysisStyle: AnalysisStyle { .analysisRun }
    public func warnings(in scenario: Scenario, plan: GranularityPlan) -> [StrategyWarning] { [] }

    public func simulate(_ run: SimulationRun) -> RunResult {
        var strategy = makeStrategy(replicas: run.scenario.cluster.replicas)
        let affinity = run.scenario.traffic.sessionAffinity
        switch run.scenario.traffic.callers {
        case .proxy(let endpointDelay):
            let proxy = BalancingProxy(
                delay: endpointDelay.nanoseconds, users: run.traffic.users, cookieAffinity: affinity == .cookie)
            return Simulation.drive(&strategy, callers: proxy, setup: run)
        case .clients(let idleTimeout):
            let clients = run.clientConnections(idleTimeout: idleTimeout, clientIPAffinity: affinity == .clientIP)
            return Simulation.drive(&strategy, callers: clients, setup: run)
        case .clusterIP(let pool):
            let callers = ConnectionPool(pool, clientIPAffinity: affinity == .clientIP)
            return Simulation.drive(&strategy, callers: callers, setup: run)
        }
    }
}
