/// The service's pods: how many, how fast they come and go, what they can serve and cost.
public struct ClusterSpec: Hashable, Sendable {
    /// The default time from pod creation until it is ready.
    public static let defaultPodStartup = SimDuration(nanoseconds: 30_000_000_000)
    /// The default drain time of a terminating pod (Kubernetes' default grace period).
    public static let defaultPodShutdown = SimDuration(nanoseconds: 30_000_000_000)

    /// The stable version's desired replica count.
    public var replicas: Int
    /// Time from pod creation until ready.
    public var podStartup: SimDuration
    /// Time a terminating pod keeps serving its open connections.
    public var podShutdown: SimDuration
    /// Requests per second one ready pod can serve; nil means unlimited.
    public var podCapacityRps: Double?
    /// Price of one pod for one hour, in `currency`.
    public var podHourlyCost: Double
    /// The unit of `podHourlyCost` and of every cost figure, e.g. `USD`.
    public var currency: String
    /// How far each pod's start-up time strays from `podStartup`, as a fraction either way
    /// (drawn uniformly per pod), so that rankings are not artefacts of perfectly aligned timers.
    public var podStartupJitter: Double
    /// The same for `podShutdown`.
    public var podShutdownJitter: Double

    /// The currency when a scenario names none.
    public static let defaultCurrency = "USD"

    /// The default jitter of pod start-up and shutdown times: ±10 %.
    public static let defaultPodTimingJitter = 0.1

    /// Creates a cluster specification.
    public init(
        replicas: Int,
        podStartup: SimDuration = ClusterSpec.defaultPodStartup,
        podShutdown: SimDuration = ClusterSpec.defaultPodShutdown,
        podCapacityRps: Double? = nil,
        podHourlyCost: Double = 0,
        podStartupJitter: Double = ClusterSpec.defaultPodTimingJitter,
        podShutdownJitter: Double = ClusterSpec.defaultPodTimingJitter,
        currency: String = ClusterSpec.defaultCurrency
    ) {
        self.currency = currency
        self.replicas = replicas
        self.podStartup = podStartup
        self.podShutdown = podShutdown
        self.podCapacityRps = podCapacityRps
        self.podHourlyCost = podHourlyCost
        self.podStartupJitter = podStartupJitter
        self.podShutdownJitter = podShutdownJitter
    }
}
