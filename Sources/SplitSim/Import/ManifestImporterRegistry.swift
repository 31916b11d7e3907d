/// The manifest kinds `import` reads, and the companion kinds it passes over with a note.
struct ManifestImporterRegistry: Sendable {
    /// The importers, in the order messages list their kinds.
    let importers: [any ManifestImporter]
    /// Kinds that travel with a rollout but hold no strategy (`Service`, `DestinationRule`):
    /// API group and kind.
    let companions: [(group: String, kind: String)]

    /// Every kind splitsim imports.
    static let standard = ManifestImporterRegistry(
        importers: [
            RolloutImport(),
            AnalysisTemplateImport(kind: "AnalysisTemplate"),
            AnalysisTemplateImport(kind: "ClusterAnalysisTemplate"),
            FlaggerCanaryImport(),
            DeploymentImport(),
            IngressCanaryImport(),
            RouteWeightImport(.httpRoute),
            RouteWeightImport(.virtualService),
        ],
        companions: [
            ("", "Service"), ("", "ConfigMap"), ("", "Secret"), ("", "ServiceAccount"), ("", "Namespace"),
            ("autoscaling", "HorizontalPodAutoscaler"), ("policy", "PodDisruptionBudget"),
            ("networking.istio.io", "DestinationRule"), ("networking.istio.io", "Gateway"),
            ("gateway.networking.k8s.io", "Gateway"), ("flagger.app", "MetricTemplate"),
            ("flagger.app", "AlertProvider"), ("kustomize.config.k8s.io", "Kustomization"),
        ])

    /// The importer of `document`'s group and kind.
    func importer(for document: ManifestDocument) -> (any ManifestImporter)? {
        importers.first { $0.kind == document.kind && $0.groups.contains(document.group) }
    }

    /// Whether `document` is a companion kind.
    func isCompanion(_ document: ManifestDocument) -> Bool {
        companions.contains { $0.kind == document.kind && $0.group == document.group }
    }

    /// `Rollout (argoproj.io)`, one per importer, for messages.
    var supportedKinds: [String] {
        importers.map { "\($0.kind) (\($0.groups[0]))" }
    }
}
