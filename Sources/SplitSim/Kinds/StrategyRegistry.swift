/// The strategy kinds a scenario may use. The decoder, the schema test, `explain` and the
/// reports ask it which kinds exist.
public struct StrategyRegistry: Sendable {
    /// The kinds, in the order messages and documentation list them.
    public let kinds: [any StrategyKindSpec.Type]

    /// Creates a registry of the given kinds.
    public init(kinds: [any StrategyKindSpec.Type]) {
        self.kinds = kinds
    }

    /// Every kind splitsim ships.
    public static let standard = StrategyRegistry(kinds: [
        ServiceSplitSpec.self,
        DeploymentSplitSpec.self,
        ReplicaSetSplitSpec.self,
        GatewayRouteSpec.self,
        BlueGreenSpec.self,
        RollingUpdateSpec.self,
        FlaggerSpec.self,
    ])

    /// The registry with one more kind.
    public func adding(_ kind: any StrategyKindSpec.Type) -> StrategyRegistry {
        StrategyRegistry(kinds: kinds + [kind])
    }

    /// The kind names, as written in a scenario's `kind` key.
    public var names: [String] { kinds.map { $0.kindName } }

    /// The kind called `name`.
    public func kind(named name: String) -> (any StrategyKindSpec.Type)? {
        kinds.first { $0.kindName == name }
    }
}
