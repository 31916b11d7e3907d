/// The production traffic a scenario sends: a piecewise-constant Poisson rate, spread
/// uniformly over a population of users.
public struct TrafficSpec: Hashable, Sendable {
    /// The default user population.
    public static let defaultUsers = 10_000
    /// The default mean requests per connection: a new connection for every request.
    public static let defaultRequestsPerConnection = 1.0

    /// The arrival rate over time: never empty, the first point is at zero and times increase.
    /// A file's plain `rps` becomes a single point at zero.
    public var rates: [RatePoint]
    /// How many distinct users send the requests (uniformly).
    public var users: Int
    /// The mean number of requests a client sends on one connection (geometric, ≥ 1).
    public var requestsPerConnection: Double
    /// Shares of requests that carry a routing header.
    public var headers: [HeaderShare]
    /// Shares of users that carry a routing cookie.
    public var cookies: [CookieShare]
    /// Who balances requests over a Service's pods.
    public var callers: CallersSpec
    /// Whether a user is pinned to a pod.
    public var sessionAffinity: SessionAffinity

    /// Creates a traffic specification.
    public init(
        rates: [RatePoint],
        users: Int = TrafficSpec.defaultUsers,
        requestsPerConnection: Double = TrafficSpec.defaultRequestsPerConnection,
        headers: [HeaderShare] = [],
        cookies: [CookieShare] = [],
        callers: CallersSpec = .default,
        sessionAffinity: SessionAffinity = .none
    ) {
        self.rates = rates
        self.users = users
        self.requestsPerConnection = requestsPerConnection
        self.headers = headers
        self.cookies = cookies
        self.callers = callers
        self.sessionAffinity = sessionAffinity
    }

    /// The arrival rate in force at time `time`.
    /// - Complexity: O(log n) in the number of rate points.
    public func rps(at time: SimDuration) -> Double {
        var low = 0
        var high = rates.count
        while low < high {
            let middle = (low + high) / 2
            if rates[middle].at <= time { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : rates[low - 1].rps
    }
}
