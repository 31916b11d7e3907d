/// A scenario made from Kubernetes manifests: one strategy per Rollout, Flagger Canary,
/// Deployment, canary Ingress and weighted route, with the traffic, cluster and versions of a
/// base scenario (or of the starter scenario, as assumptions), and notes on everything
/// imported, assumed or ignored.
///
/// The scenario is a JSON tree that decodes and validates as it is
/// (``Scenario/init(decoding:file:registry:)``); its `description` holds the notes.
public struct ManifestImport: Sendable {
    /// The scenario.
    public var scenario: JSONNode
    /// The notes: imported, then assumed, then ignored, each group in file order.
    public var notes: [ImportNote]
    /// The strategies the scenario holds.
    public var strategyCount: Int
    /// The Kubernetes objects read.
    public var manifestCount: Int

    /// The scenario's name when no other is given.
    static func name(of files: [String]) -> String {
        let names = files.map { String($0.split(separator: "/").last ?? Substring($0)) }
        return "imported from " + names.joined(separator: ", ")
    }

    /// Imports `manifests`.
    ///
    /// - Throws: ``ImportError/unsupportedKind(file:position:label:supported:)`` for a kind no
    ///   importer reads (companions such as a `Service` are noted and passed over),
    ///   ``ImportError/invalidField(file:position:manifest:path:message:)`` for a value its
    ///   kind does not allow, ``ImportError/noStrategies(files:)`` when nothing holds a
    ///   strategy, and ``ImportError/invalidScenario(lines:)`` if the result does not validate.
    /// - Complexity: O(m · n) for m manifests and n fields, since references are looked up by
    ///   name among the manifests.
    public init(_ manifests: ManifestSet, options: ImportOptions = ImportOptions()) throws(ImportError) {
        let registry = ManifestImporterRegistry.standard
        let documents = manifests.documents
        var context = ImportContext(documents: documents, options: options)
        var importers: [(any ManifestImporter)?] = []
        for document in documents {
            if let importer = registry.importer(for: document) {
                importers.append(importer)
            } else if registry.isCompanion(document) {
                importers.append(nil)
                context.note(.ignored, of: document, "it holds no rollout strategy")
            } else {
                throw .unsupportedKind(
                    file: document.file, position: document.node.position,
                    label: "\(document.label) (\(document.apiVersion))", supported: registry.supportedKinds)
            }
        }
        for note in manifests.skipped { context.note(note) }
        // Manifests that read others go first, so that what they read is no strategy of its own.
        var imported: [(index: Int, strategy: ImportedStrategy)] = []
        for readsOthers in [true, false] {
            for (index, importer) in importers.enumerated() {
                guard let importer, importer.readsOtherManifests == readsOthers, !context.used.contains(index) else {
                    continue
                }
                for strategy in try importer.strategies(from: documents[index], in: &context) {
                    imported.append((index, strategy))
                }
            }
        }
        imported.sort { $0.index < $1.index }
        guard !imported.isEmpty else { throw .noStrategies(files: manifests.files) }

        var names: Set<String> = []
        var strategies: [JSONNode] = []
        for (index, strategy) in imported {
            var name = strategy.name
            var copy = 2
            while names.contains(name) {
                name = "\(strategy.name) (\(copy))"
                copy += 1
            }
            names.insert(name)
            strategies.append(ImportTree.object([("name", ImportTree.string(name))] + strategy.members))
            context.note(.imported, of: documents[index], "as \(JSONPath.quoted(name)): \(strategy.summary)")
        }
        let settings = Self.settings(options: options, context: &context)

        notes = ImportNote.Kind.allCases.flatMap { kind in
            context.notes.enumerated().filter { $0.element.note.kind == kind }
                .sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
                .map(\.element.note)
        }
        strategyCount = strategies.count
        manifestCount = documents.count
        let summary = Self.summary(strategies: strategies.count, manifests: documents.count)
        let description = ([summary] + notes.map(\.description)).joined(separator: "\n")
        scenario = ImportTree.object(
            [
                ("name", ImportTree.string(Self.name(of: manifests.files))),
                ("description", ImportTree.string(description)),
            ]
                + settings + [("strategies", ImportTree.array(strategies))])
        try Self.validate(scenario, imported: imported.map { documents[$0.index] })
    }

    /// `imported 3 strategies from 5 manifests`.
    static func summary(strategies: Int, manifests: Int) -> String {
        "imported \(strategies) strateg\(strategies == 1 ? "y" : "ies") from \(manifests) manifest\(manifests == 1 ? "" : "s")"
    }

    /// `imported 3 strategies from 5 manifests`.
    public var summary: String {
        Self.summary(strategies: strategyCount, manifests: manifestCount)
    }

    /// The summary and every note, one line each, as the terminal shows them.
    public var lines: [String] {
        [summary] + notes.map(\.description)
    }

    /// The scenario keys taken from the base scenario, in the order a scenario lists them.
    private static let settingKeys = [
        "seed", "runs", "duration", "traffic", "cluster", "versions", "priorities", "maxFalseAbortRate",
    ]

    /// The base scenario's settings (or the starter scenario's), with `cluster.replicas` from
    /// the workloads.
    private static func settings(options: ImportOptions, context: inout ImportContext) -> [(String, JSONNode)] {
        let source = options.base ?? starter
        var settings: [(String, JSONNode)] = settingKeys.compactMap { key in source[key].map { (key, $0) } }
        if options.base != nil {
            var keys = settings.map(\.0)
            let last = keys.popLast() ?? ""
            let list = keys.isEmpty ? last : keys.joined(separator: ", ") + " and " + last
            context.note(ImportNote(.imported, "\(list) from the base scenario", file: options.baseFile))
        } else {
            context.note(
                ImportNote(
                    .assumed, "traffic, cluster and versions",
                    detail:
                        "no --base scenario, so the starter scenario's (splitsim init) are used, a faulty candidate included; give --base SCENARIO with yours"
                ))
        }
        let requests = context.replicas.enumerated().sorted {
            (context.index(of: $0.element.document), $0.offset) < (context.index(of: $1.element.document), $1.offset)
        }.map(\.element)
        guard let first = requests.first, let clusterIndex = settings.firstIndex(where: { $0.0 == "cluster" }) else {
            return settings
        }
        var cluster = settings[clusterIndex].1.members ?? []
        let previous = cluster.first { $0.key == "replicas" }?.value
        cluster.removeAll { $0.key == "replicas" }
        cluster.insert(
            JSONMember(key: "replicas", keyPosition: ImportTree.origin, value: ImportTree.integer(first.count)), at: 0)
        settings[clusterIndex].1 = JSONNode(.object(cluster), at: ImportTree.origin)
        var detail: String?
        if options.base != nil, case .number(let number)? = previous?.value, number.integerValue != first.count {
            detail = "the base scenario has \(number)"
        }
        context.note(
            ImportNote(
                .imported, "cluster.replicas \(first.count) from \(first.document.label)",
                file: first.document.fileName,
                detail: detail),
            about: first.document)
        for other in requests.dropFirst() where other.count != first.count {
            context.note(
                .assumed, of: other.document,
                "it asks for \(other.count) replicas, but every strategy of a scenario runs on cluster.replicas, \(first.count)"
            )
        }
        return settings
    }

    /// The starter scenario's tree, whose settings stand in for a base scenario.
    private static let starter: JSONNode = {
        do {
            return try JSONNode(parsing: StarterScenario.text)
        } catch {
            // Unreachable from user input: the text is a constant of this module, and
            // InitTests decodes it on every test run.
            preconditionFailure("the starter scenario is valid JSON: \(error)")
        }
    }()

    /// Checks that `scenario` decodes; a problem names the manifest of its strategy.
    private static func validate(_ scenario: JSONNode, imported: [ManifestDocument]) throws(ImportError) {
        let file = "imported scenario"
        do {
            _ = try Scenario(decoding: scenario, file: file)
        } catch {
            guard case .invalid(_, let problems) = error else { throw .invalidScenario(lines: error.lines) }
            throw .invalidScenario(
                lines: problems.map { problem in
                    var line = "\(file): \(problem)"
                    if case .key("strategies")? = problem.path.components.first,
                        problem.path.components.count > 1, case .index(let index) = problem.path.components[1],
                        imported.indices.contains(index)
                    {
                        line += " (from \(imported[index].label) in \(imported[index].file))"
                    }
                    return line
                })
        }
    }
}
