/// Which version of the service a pod runs.
public enum ReleaseVersion: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// The version in production before the release.
    case stable = 0
    /// The version being released.
    case candidate = 1

    /// The other version.
    @inlinable
    public var other: ReleaseVersion { self == .stable ? .candidate : .stable }

    public var description: String { self == .stable ? "stable" : "candidate" }
}
