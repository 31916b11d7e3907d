import Foundation
import SplitSim

/// Turns the FILE|DIR arguments of a command into scenario file paths, and reads the files:
/// the library decodes scenarios but never touches the file system.
enum ScenarioFiles {
    /// The FILE argument that means standard input.
    static let standardInputArgument = "-"
    /// The name a scenario read from standard input has in messages and reports.
    static let standardInputName = "stdin"

    /// The JSON Schema that ships beside the examples; it is not a scenario.
    static func isSchema(_ path: String) -> Bool {
        path.hasSuffix(".schema.json")
    }

    /// Whether a file in a directory is a scenario: JSON or YAML by its extension.
    private static func isScenarioName(_ name: String) -> Bool {
        name.hasSuffix(".json") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// Expands directories into their scenario files (`*.json`, `*.yaml`, `*.yml`) in name
    /// order; files stay as given,
    /// and so does `-` (standard input), which may be given once.
    static func expand(_ paths: [String]) throws(CLIError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == standardInputArgument {
                guard !files.contains(standardInputArgument) else {
                    throw .usage("splitsim: - (standard input) given twice; it holds one scenario")
                }
                files.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .inputMissing("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let scenarios = names.filter { isScenarioName($0) && !isSchema($0) }.sorted()
            guard !scenarios.isEmpty else {
                throw .inputMissing("\(path): no scenario files (*.json, *.yaml, *.yml) in this directory")
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += scenarios.map { base + "/" + $0 }
        }
        return files
    }

    /// Reads and decodes the scenario file at `path`, or standard input for `-` (named `stdin`):
    /// a file that cannot be read exits 66, one that does not decode or validate 65, with one
    /// line per problem.
    static func load(_ path: String) throws(CLIError) -> Scenario {
        let isStandardInput = path == standardInputArgument
        let bytes = try isStandardInput ? readStandardInput() : contents(of: path)
        do {
            return try Scenario(decoding: bytes, file: isStandardInput ? standardInputName : path)
        } catch {
            throw .invalidScenario(error.description)
        }
    }

    /// Everything on standard input, up to its end.
    private static func readStandardInput() throws(CLIError) -> [UInt8] {
        do {
            return Array(try FileHandle.standardInput.readToEnd() ?? Data())
        } catch {
            throw .inputMissing("\(standardInputName): cannot read: \(error.localizedDescription)")
        }
    }

    /// The UTF-8 text of the file at `path`: exit 66 when it cannot be read, 65 when it is not
    /// UTF-8 (`expected` says what it should have been).
    static func text(of path: String, expected: String) throws(CLIError) -> String {
        guard let text = String(validating: try contents(of: path), as: UTF8.self) else {
            throw .invalidScenario("\(path): not UTF-8 text; expected \(expected)")
        }
        return text
    }

    /// The whole content of the file at `path`.
    static func contents(of path: String) throws(CLIError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .inputMissing("\(path): no such file")
        }
        if isDirectory.boolValue { throw .inputMissing("\(path): cannot read: is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputMissing("\(path): cannot read: permission denied or I/O error")
        }
        return Array(data)
    }
}
