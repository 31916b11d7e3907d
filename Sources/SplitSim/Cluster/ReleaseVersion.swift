/// Which version of the service a pod runs.
public enum ReleaseVersion: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// The version in production before the release.
    case stable = 0
    /// The version being released.
    case candidate = 1

    public var description: String { self == .stable ? "stable" : "candidate" }
}
