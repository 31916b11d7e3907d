/// A share of production requests that carry a header, e.g. internal testers' `x-canary: true`.
public struct HeaderShare: Hashable, Sendable {
    /// The header name.
    public var name: String
    /// The header value these requests carry.
    public var value: String
    /// The fraction of requests carrying it, in [0, 1].
    public var share: Double

    /// Creates a header share.
    public init(name: String, value: String, share: Double) {
        self.name = name
        self.value = value
        self.share = share
    }
}
