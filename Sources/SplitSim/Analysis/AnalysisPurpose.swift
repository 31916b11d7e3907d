/// Which analysis run of a release a measurement belongs to.
public enum AnalysisPurpose: Sendable, Equatable {
    /// The background analysis (Argo's `strategy.canary.analysis`), until full promotion.
    case background
    /// An `analysis` step (0-based index) that blocks its step until it completes.
    case step(Int)
    /// Blue-green's `prePromotionAnalysis` against the preview, before the switch.
    case prePromotion
    /// Blue-green's `postPromotionAnalysis` after the switch, while the old ReplicaSet stays.
    case postPromotion
    /// An external watchdog after full promotion (`analysis.afterPromotion`); not Argo behaviour.
    case watchdog

    /// Whether the run runs beside the release rather than blocking it.
    public var isBackground: Bool { self == .background || self == .watchdog }
}
