/// What the importers of one set of manifests share: the manifests, the options, the notes
/// so far, which manifests another one has already used, and the replica counts they give.
struct ImportContext {
    /// Every manifest, in the order read.
    let documents: [ManifestDocument]
    /// The options.
    let options: ImportOptions
    /// The notes so far, in the order made, each with the index of the manifest it is about
    /// (-1 for none), so that they can be listed in file order.
    private(set) var notes: [(order: Int, note: ImportNote)] = []
    /// Manifests another manifest has read (a Rollout's AnalysisTemplate, a Canary's target
    /// Deployment), which are therefore no strategy of their own.
    private(set) var used: Set<Int> = []
    /// The replica counts the workloads ask for, with the manifest that asks.
    private(set) var replicas: [(count: Int, document: ManifestDocument)] = []
    /// Templates already read, by document index.
    private var analyses: [Int: ImportedAnalysis] = [:]

    /// Creates a context for `documents`.
    init(documents: [ManifestDocument], options: ImportOptions) {
        self.documents = documents
        self.options = options
    }

    // MARK: Notes

    /// Adds a note about `document`, or about its field at `path`.
    mutating func note(
        _ kind: ImportNote.Kind, _ path: JSONPath? = nil, of document: ManifestDocument, _ detail: String?
    ) {
        let subject = path.map { "\($0) of \(document.label)" } ?? document.label
        notes.append(
            (index(of: document), ImportNote(kind, subject, path: path, file: document.fileName, detail: detail)))
    }

    /// Adds a note, listed with `document`'s notes, or before every manifest's without one.
    mutating func note(_ note: ImportNote, about document: ManifestDocument? = nil) {
        notes.append((document.map(index(of:)) ?? -1, note))
    }

    /// Where `document` is among the documents, -1 when it is none of them. A document is
    /// known by its file and its position, which is cheaper than comparing trees.
    func index(of document: ManifestDocument) -> Int {
        documents.firstIndex { $0.file == document.file && $0.node.position == document.node.position } ?? -1
    }

    /// Names every field of `fields` that was not read as ignored.
    mutating func noteUnread(_ fields: ManifestFields) {
        for path in fields.unread { note(.ignored, path, of: fields.document, nil) }
    }

    // MARK: Other manifests

    /// The index of the manifest of one of `kinds` in one of `groups` named `name` in
    /// `namespace` (nil: any), first in file order.
    func find(_ kinds: [String], groups: [String], named name: String, namespace: String?) -> Int? {
        documents.indices.first { index in
            let document = documents[index]
            return kinds.contains(document.kind) && groups.contains(document.group)
                && document.isNamed(name, namespace: namespace)
        }
    }

    /// Marks manifest `index` as used by another one.
    mutating func use(_ index: Int) {
        used.insert(index)
    }

    /// Records that `document` asks for `count` replicas.
    mutating func requestReplicas(_ count: Int, by document: ManifestDocument) {
        replicas.append((count, document))
    }

    // MARK: Analysis

    /// The base scenario's `analysis` members, which templates fall back on.
    var environment: [String: JSONNode] {
        var members: [String: JSONNode] = [:]
        for member in options.base?["analysis"]?.members ?? [] { members[member.key] = member.value }
        return members
    }

    /// Where ``environment`` comes from, for notes: the base scenario's file, or the defaults.
    var environmentSource: String {
        guard options.base?["analysis"]?.members != nil else { return "the scenario defaults" }
        return options.baseFile ?? "the base scenario"
    }

    /// The settings of the template at `index`, read once and marked used.
    mutating func analysis(at index: Int) throws(ImportError) -> ImportedAnalysis {
        use(index)
        if let known = analyses[index] { return known }
        let analysis = try AnalysisTemplateImport.settings(of: documents[index], in: &self)
        analyses[index] = analysis
        return analysis
    }
}
