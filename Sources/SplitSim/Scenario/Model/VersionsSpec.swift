/// The two versions a release moves between.
public struct VersionsSpec: Hashable, Sendable {
    /// The running version.
    public var stable: VersionSpec
    /// The version being released.
    public var candidate: VersionSpec

    /// Creates the pair; both default to a version that never fails.
    public init(stable: VersionSpec = VersionSpec(), candidate: VersionSpec = VersionSpec()) {
        self.stable = stable
        self.candidate = candidate
    }
}
