/// How one version of the service behaves.
public struct VersionSpec: Hashable, Sendable {
    /// Baseline failure probability per request, in [0, 1].
    public var errorRate: Double
    /// The candidate's defect, if any; always nil for the stable version.
    public var fault: FaultSpec?

    /// Creates a version specification.
    public init(errorRate: Double = 0, fault: FaultSpec? = nil) {
        self.errorRate = errorRate
        self.fault = fault
    }
}
