/// What `import` needs besides the manifests.
public struct ImportOptions: Hashable, Sendable {
    /// The default length of a pause that waits for a person.
    public static let defaultManualPause = SimDuration.minutes(10)

    /// How long a pause that waits for a person lasts (Argo's `pause: {}`, a blue-green
    /// rollout without auto-promotion, a route a person edits): a simulation cannot wait for one.
    public var manualPause: SimDuration
    /// The scenario whose traffic, cluster and versions the imported one takes, already
    /// validated; nil for the starter scenario's (`splitsim init`), which are then assumptions.
    public var base: JSONNode?
    /// The base scenario's file, as notes name it.
    public var baseFile: String?

    /// Creates options.
    public init(
        manualPause: SimDuration = ImportOptions.defaultManualPause, base: JSONNode? = nil, baseFile: String? = nil
    ) {
        self.manualPause = manualPause
        self.base = base
        self.baseFile = baseFile
    }
}
