/// A share of users who always send a cookie, e.g. beta testers with `canary=always`.
public struct CookieShare: Hashable, Sendable {
    /// The cookie name.
    public var name: String
    /// The cookie value.
    public var value: String
    /// The fraction of users carrying it on every request, in [0, 1].
    public var userShare: Double

    /// Creates a cookie share.
    public init(name: String, value: String, userShare: Double) {
        self.name = name
        self.value = value
        self.userShare = userShare
    }
}
