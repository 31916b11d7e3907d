import Foundation
import SplitReport
import SplitSim

/// `splitsim import`: writes a scenario whose strategies mirror Kubernetes manifests.
enum ImportCommand: Command {
    static let name = "import"
    static let summary = "Write a scenario whose strategies mirror Kubernetes manifests"
    static let help = """
        Usage: splitsim import MANIFEST|DIR ... [--base SCENARIO] [--output FILE] [--manual-pause D]

        Reads Kubernetes manifests and writes a scenario (JSON) with one strategy per Argo
        Rollout (canary or blue-green, with its AnalysisTemplates), Flagger Canary,
        Deployment, ingress-nginx canary Ingress, Gateway API HTTPRoute and Istio
        VirtualService. A DIR means every *.yaml, *.yml and *.json file in it, in name order;
        YAML files may hold several documents, JSON is what kubectl get -o json writes (an
        object or a List). Traffic, cluster and versions come from --base (else from the
        starter scenario of splitsim init); cluster.replicas from the manifests. Every value
        filled in is an assumption and every field that cannot be mapped is named: both go to
        stderr, one line each, and into the scenario's description.

        Options:
          --base SCENARIO   take seed, runs, duration, traffic, cluster, versions and
                            priorities from this scenario (JSON or YAML); its analysis fills
                            in what the AnalysisTemplates leave out (minRequests, metric)
          --output FILE     write the scenario to FILE (whole or not at all) instead of stdout
          --manual-pause D  how long a wait for a person lasts: Argo's pause {}, a blue-green
                            rollout without auto-promotion, a route someone edits by hand
                            (default \(ImportOptions.defaultManualPause))

        Exit status: 0 success, 64 usage error, 65 a manifest that does not parse or import
        (FILE:LINE:COL: ...) or a base scenario that does not validate, 66 input missing,
        73 output cannot be created.

        Examples:
          splitsim import scenarios/manifests/ --base scenarios/manifests/base.json --output web.json
          splitsim import rollout.yaml analysis.yaml --manual-pause 30m
          kubectl get rollouts,analysistemplates -o json > live.json && splitsim import live.json
          splitsim compare scenarios/manifests/*.yaml --base scenarios/manifests/base.json

        """

    /// A scenario made from manifests: its text, the decoded scenario and what the import says.
    struct Imported {
        var text: String
        var scenario: Scenario
        var lines: [String]
    }

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let base = try arguments.value(of: "--base")
        let output = try arguments.value(of: "--output")
        let manualPause = try Self.manualPause(arguments.value(of: "--manual-pause"), arguments)
        let paths = try arguments.positionals(known: ["--base", "--output", "--manual-pause"])
        guard !paths.isEmpty else { throw arguments.usage("expected at least one MANIFEST file or directory") }
        let imported = try Self.importScenario(paths, base: base, manualPause: manualPause, file: output ?? "stdout")
        if let output {
            try Console.write(imported.text, toFile: output)
        } else {
            Console.write(imported.text)
        }
        for line in imported.lines { Console.writeError(line) }
        if let output { Console.writeError("wrote \(output); try: splitsim compare \(output)") }
    }

    /// Reads the manifests `paths` name and imports them onto `base`; `file` names the
    /// scenario in its own messages.
    static func importScenario(
        _ paths: [String], base: String?, manualPause: SimDuration = ImportOptions.defaultManualPause, file: String
    ) throws(CLIError) -> Imported {
        var options = ImportOptions(manualPause: manualPause)
        if let base {
            options.base = try Self.baseTree(base)
            options.baseFile = String(base.split(separator: "/").last ?? Substring(base))
        }
        var manifests = ManifestSet()
        for path in try Self.manifestFiles(paths, excluding: base) {
            let text = try ScenarioFiles.text(of: path, expected: "a YAML or JSON manifest")
            do {
                try manifests.add(text: text, file: path)
            } catch {
                throw .invalidScenario(error.description)
            }
        }
        let result: ManifestImport
        do {
            result = try ManifestImport(manifests, options: options)
        } catch {
            throw .invalidScenario(error.description)
        }
        let text = JSONNodeWriter.render(result.scenario) + "\n"
        // The text is read back as JSON whatever `file` is called: what is written is what is compared.
        let tree: JSONNode
        do {
            tree = try JSONNode(parsing: text)
        } catch {
            throw .invalidScenario("\(file):\(error.position): malformed JSON: \(error.message)")
        }
        do {
            return Imported(text: text, scenario: try Scenario(decoding: tree, file: file), lines: result.lines)
        } catch {
            throw .invalidScenario(error.description)
        }
    }

    /// `--manual-pause`: a duration above zero.
    private static func manualPause(_ text: String?, _ arguments: ArgumentList) throws(CLIError) -> SimDuration {
        guard let text else { return ImportOptions.defaultManualPause }
        guard let duration = SimDuration(parsing: text), duration > .zero else {
            throw arguments.usage(
                "--manual-pause: \"\(text)\" is not valid; expected a duration above 0 such as \"10m\"")
        }
        return duration
    }

    /// The base scenario's tree, once it decodes and validates as a scenario.
    private static func baseTree(_ path: String) throws(CLIError) -> JSONNode {
        let text = try ScenarioFiles.text(of: path, expected: "a YAML or JSON manifest")
        do {
            _ = try Scenario(decoding: text, file: path)
            return try ScenarioSyntax(file: path).parse(text, file: path)
        } catch {
            throw .invalidScenario(error.description)
        }
    }

    /// The manifest files: files as given, directories as their `*.yaml`, `*.yml` and
    /// `*.json` files in name order, without the base scenario.
    private static func manifestFiles(_ paths: [String], excluding base: String?) throws(CLIError) -> [String] {
        let excluded = base.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .inputMissing("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
                !name.hasPrefix(".") && [".yaml", ".yml", ".json"].contains { name.lowercased().hasSuffix($0) }
            }.sorted()
            let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = names.map { directory + "/" + $0 }.filter {
                URL(fileURLWithPath: $0).standardizedFileURL.path != excluded
            }
            guard !found.isEmpty else {
                throw .inputMissing("\(path): no manifest files (*.yaml, *.yml, *.json) in this directory")
            }
            files += found
        }
        return files
    }
}
