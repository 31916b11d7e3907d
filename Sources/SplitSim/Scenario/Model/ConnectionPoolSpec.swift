/// The connection pool of in-cluster callers (`callers.via: cluster-ip`): `instances` calling
/// pods with `connectionsPerInstance` connections each, and when a connection is recycled.
public struct ConnectionPoolSpec: Hashable, Sendable {
    /// The default number of calling pods.
    public static let defaultInstances = 20
    /// The default connections per calling pod.
    public static let defaultConnectionsPerInstance = 4
    /// nginx's `keepalive_requests` default; Envoy's `max_requests_per_connection` is unlimited.
    public static let defaultMaxRequestsPerConnection = 1000
    /// Go's `http.Transport` `IdleConnTimeout` default.
    public static let defaultIdleTimeout = SimDuration.seconds(90)

    /// Calling pods.
    public var instances: Int
    /// Connections each calling pod keeps open.
    public var connectionsPerInstance: Int
    /// Requests after which a connection closes; 0 means never.
    public var maxRequestsPerConnection: Int
    /// Age after which the server closes a connection (gRPC `MaxConnectionAge`, with ±10 %
    /// jitter); zero means never.
    public var maxConnectionAge: SimDuration
    /// Silence after which a connection closes; zero means never.
    public var idleTimeout: SimDuration

    /// Creates a pool.
    public init(
        instances: Int = ConnectionPoolSpec.defaultInstances,
        connectionsPerInstance: Int = ConnectionPoolSpec.defaultConnectionsPerInstance,
        maxRequestsPerConnection: Int = ConnectionPoolSpec.defaultMaxRequestsPerConnection,
        maxConnectionAge: SimDuration = .zero,
        idleTimeout: SimDuration = ConnectionPoolSpec.defaultIdleTimeout
    ) {
        self.instances = instances
        self.connectionsPerInstance = connectionsPerInstance
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.maxConnectionAge = maxConnectionAge
        self.idleTimeout = idleTimeout
    }

    /// Connections in the pool.
    public var connections: Int { instances * connectionsPerInstance }
}
