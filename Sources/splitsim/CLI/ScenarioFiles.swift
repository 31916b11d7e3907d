import Foundation
import SplitSim

/// Turns the FILE|DIR arguments of a command into scenario file paths.
enum ScenarioFiles {
    /// The JSON Schema that ships beside the examples; it is not a scenario.
    static func isSchema(_ path: String) -> Bool {
        path.hasSuffix(".schema.json")
    }

    /// Expands directories into their `*.json` scenario files in name order; files stay as given.
    static func expand(_ paths: [String]) throws(CLIError) -> [String] {
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
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let scenarios = names.filter { $0.hasSuffix(".json") && !isSchema($0) }.sorted()
            guard !scenarios.isEmpty else {
                throw .inputMissing("\(path): no scenario files (*.json) in this directory")
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += scenarios.map { base + "/" + $0 }
        }
        return files
    }

    /// Loads a scenario, mapping its errors to the CLI's, one line per problem.
    static func load(_ path: String) throws(CLIError) -> Scenario {
        do {
            return try Scenario.load(contentsOf: path)
        } catch {
            throw error.exitCode == 66 ? .inputMissing(error.description) : .invalidScenario(error.description)
        }
    }
}
