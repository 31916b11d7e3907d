/// A full preview environment; the active Service switches all traffic at once.
public struct BlueGreenSpec: Hashable, Sendable {
    /// The default delay before the old (blue) pods go after the switch.
    public static let defaultScaleDownDelay = SimDuration(nanoseconds: 30_000_000_000)

    /// Pods of the preview (green) environment.
    public var previewReplicas: Int
    /// Synthetic checks against the preview before the switch.
    public var smokeTest: SmokeTestSpec?
    /// Time from the preview being ready (and smoke-tested) to the switch; nil switches at once.
    public var autoPromotion: SimDuration?
    /// Delay before the old pods are scaled down after the switch.
    public var scaleDownDelay: SimDuration

    /// Creates a blue-green specification.
    public init(
        previewReplicas: Int,
        smokeTest: SmokeTestSpec? = nil,
        autoPromotion: SimDuration? = nil,
        scaleDownDelay: SimDuration = BlueGreenSpec.defaultScaleDownDelay
    ) {
        self.previewReplicas = previewReplicas
        self.smokeTest = smokeTest
        self.autoPromotion = autoPromotion
        self.scaleDownDelay = scaleDownDelay
    }
}
