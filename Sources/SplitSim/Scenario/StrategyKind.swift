/// What kind of release a strategy is, with the settings of that kind.
public enum StrategyKind: Hashable, Sendable {
    /// Split per request by an L7 proxy.
    case serviceSplit(ServiceSplitSpec)
    /// Split per connection by a second Deployment behind the same Service.
    case deploymentSplit(DeploymentSplitSpec)
    /// Split per connection by ReplicaSet sizes (Argo basic canary).
    case replicaSetSplit(ReplicaSetSplitSpec)
    /// Header-routed test copy, then a rolling update.
    case gatewayRoute(GatewayRouteSpec)
    /// Preview environment, then an all-at-once switch.
    case blueGreen(BlueGreenSpec)
    /// Plain rolling update.
    case rollingUpdate(RollingUpdateSpec)

    /// The kind's name, as written in a scenario's `kind` key.
    public enum Name: String, CaseIterable, Hashable, Sendable {
        /// `service-split`.
        case serviceSplit = "service-split"
        /// `deployment-split`.
        case deploymentSplit = "deployment-split"
        /// `replicaset-split`.
        case replicaSetSplit = "replicaset-split"
        /// `gateway-route`.
        case gatewayRoute = "gateway-route"
        /// `blue-green`.
        case blueGreen = "blue-green"
        /// `rolling-update`.
        case rollingUpdate = "rolling-update"

        /// The step keys a strategy of this kind accepts; empty for kinds without steps.
        public var stepKeys: [String] {
            switch self {
            case .serviceSplit, .replicaSetSplit: return ["setWeight", "pause", "analysis"]
            case .deploymentSplit: return ["setReplicas", "setWeight", "pause", "analysis"]
            case .gatewayRoute, .blueGreen, .rollingUpdate: return []
            }
        }

        /// The object whose keys a strategy of this kind accepts.
        public var object: ScenarioObject {
            switch self {
            case .serviceSplit: return .serviceSplit
            case .deploymentSplit: return .deploymentSplit
            case .replicaSetSplit: return .replicaSetSplit
            case .gatewayRoute: return .gatewayRoute
            case .blueGreen: return .blueGreen
            case .rollingUpdate: return .rollingUpdate
            }
        }
    }

    /// The kind's name.
    public var name: Name {
        switch self {
        case .serviceSplit: return .serviceSplit
        case .deploymentSplit: return .deploymentSplit
        case .replicaSetSplit: return .replicaSetSplit
        case .gatewayRoute: return .gatewayRoute
        case .blueGreen: return .blueGreen
        case .rollingUpdate: return .rollingUpdate
        }
    }

    /// The strategy's steps; empty for kinds without steps.
    public var steps: [Step] {
        switch self {
        case .serviceSplit(let spec): return spec.steps
        case .deploymentSplit(let spec): return spec.steps
        case .replicaSetSplit(let spec): return spec.steps
        case .gatewayRoute, .blueGreen, .rollingUpdate: return []
        }
    }
}
