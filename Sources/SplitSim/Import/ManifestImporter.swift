/// Turns manifests of one kind into strategies: one file per kind, plus its line in
/// ``ManifestImporterRegistry/standard``.
protocol ManifestImporter: Sendable {
    /// The API groups whose `kind` it reads (an `apiVersion` is `GROUP/VERSION`).
    var groups: [String] { get }
    /// The `kind` it reads.
    var kind: String { get }
    /// Whether its manifests read others (templates, target Deployments, routes): those are
    /// imported first, so that the manifests they use do not become strategies of their own.
    var readsOtherManifests: Bool { get }

    /// The strategies `document` describes; none for a manifest that only serves others or
    /// that has no counterpart, which then says why in a note.
    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
}
