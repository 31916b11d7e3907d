/// What kind of release a strategy is, with the settings of that kind.
public struct StrategyKind: Hashable, Sendable {
    /// The kind's settings.
    public let spec: any StrategyKindSpec

    /// Wraps a kind's settings.
    public init(_ spec: some StrategyKindSpec) {
        self.spec = spec
    }

    /// The kind's name, as written in a scenario's `kind` key.
    public var name: String { type(of: spec).kindName }

    /// The strategy's steps; empty for kinds without steps.
    public var steps: [Step] { spec.steps }

    /// The settings as `Spec`, when the kind is that one.
    public func settings<Spec: StrategyKindSpec>(as _: Spec.Type) -> Spec? {
        spec as? Spec
    }

    public static func == (lhs: StrategyKind, rhs: StrategyKind) -> Bool {
        AnyHashable(lhs.spec) == AnyHashable(rhs.spec)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(AnyHashable(spec))
    }
}
