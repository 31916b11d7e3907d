/// One way of releasing the candidate that a scenario compares.
public struct StrategySpec: Hashable, Sendable {
    /// A unique name within the scenario.
    public var name: String
    /// What the strategy illustrates.
    public var description: String?
    /// The analysis guarding this strategy: its own, else the scenario's; nil when there is none
    /// or the strategy opted out with `"analysis": null`.
    public var analysis: AnalysisSpec?
    /// The kind with its settings.
    public var kind: StrategyKind

    /// Creates a strategy.
    public init(name: String, description: String? = nil, analysis: AnalysisSpec? = nil, kind: StrategyKind) {
        self.name = name
        self.description = description
        self.analysis = analysis
        self.kind = kind
    }
}
