import SplitRouter

/// The production traffic of a scenario, compiled into the integer thresholds that the
/// request stream compares 64-bit draws against.
public struct TrafficModel: Sendable {
    /// The request rate from each point in time on, in requests per second; starts at 0.
    public var rateProfile: [(at: Int64, rps: Double)]
    /// The number of distinct users; each request belongs to one, uniformly.
    public var users: Int
    /// A draw below this closes the client's connection after a request, which makes the
    /// number of requests per connection geometric with the configured mean.
    public var closeThreshold: UInt64
    /// Cumulative thresholds for the production request headers: a draw below
    /// `headerThresholds[i]` (and not below the earlier ones) carries header value `i + 1`.
    public var headerThresholds: [UInt64]
    /// Per user: bit 0 set when the user is affected by the candidate's fault; the bits
    /// above hold the cookie value id the user always sends (0 = none).
    public var userTraits: [UInt8]
    /// The users by the cookie value id they send, as ``userTraits`` says when compiled.
    public private(set) var cookieClasses: UserClasses
    /// The header name and value behind each header value id (id = index + 1).
    public var headers: [HTTPField]
    /// The cookie name and value behind each cookie value id (id = index + 1).
    public var cookies: [HTTPField]

    /// The number of cookie values users may send.
    @inlinable public var cookieCount: Int { cookies.count }

    /// Compiles the traffic description.
    ///
    /// - Parameters:
    ///   - rateProfile: rate points in increasing time; the first is at 0.
    ///   - users: number of users, at least 1.
    ///   - requestsPerConnection: mean requests per connection, at least 1.
    ///   - headers: for each header value id 1…n, the header and the share of requests carrying it.
    ///   - cookies: for each cookie value id 1…m (m ≤ 127), the cookie and the share of users sending it.
    ///   - faultUserShare: the share of users a candidate fault affects.
    ///   - seed: chooses which users are affected and which send cookies.
    public init(
        rateProfile: [(at: Int64, rps: Double)],
        users: Int,
        requestsPerConnection: Double,
        headers: [(field: HTTPField, share: Double)],
        cookies: [(field: HTTPField, userShare: Double)],
        faultUserShare: Double,
        seed: UInt64
    ) {
        self.rateProfile = rateProfile.isEmpty ? [(0, 0)] : rateProfile
        self.users = max(users, 1)
        closeThreshold = TwoWaySplit(candidateShare: 1 / max(requestsPerConnection, 1)).threshold
        var cumulative = 0.0
        self.headers = headers.map(\.field)
        self.cookies = Array(cookies.prefix(127).map(\.field))
        headerThresholds = headers.map { header in
            cumulative += header.share
            return TwoWaySplit(candidateShare: cumulative).threshold
        }
        // Traits come from their own stream so that which users are affected does not
        // depend on the request stream's draws.
        var generator = Xoshiro256StarStar(seed: seed ^ 0x7573_6572_7472_6169)
        let affected = TwoWaySplit(candidateShare: faultUserShare)
        var cookieCumulative = 0.0
        let cookieThresholds = cookies.prefix(127).map { cookie in
            cookieCumulative += cookie.userShare
            return TwoWaySplit(candidateShare: cookieCumulative)
        }
        userTraits = (0..<self.users).map { _ in
            var traits: UInt8 = affected.picksCandidate(using: &generator) ? 1 : 0
            let draw = generator.next()
            for (index, split) in cookieThresholds.enumerated() where split.picksCandidate(draw) {
                traits |= UInt8(truncatingIfNeeded: (index + 1) << 1)
                break
            }
            return traits
        }
        cookieClasses = UserClasses(cookiesOf: userTraits, cookieCount: self.cookies.count)
    }

    /// The header value id a request carries for a draw: 0 for none.
    ///
    /// - Complexity: O(*h*) for *h* header values, usually 0 or 1.
    @inlinable
    public func headerValue(for draw: UInt64) -> Int {
        for (index, threshold) in headerThresholds.enumerated() where draw < threshold {
            return index + 1
        }
        return 0
    }
}
