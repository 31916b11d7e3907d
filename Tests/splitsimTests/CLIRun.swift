import Foundation
import Testing

/// One finished run of the built `splitsim` executable.
struct CLIResult: Sendable, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdout: String
    let stderr: String
    let timedOut: Bool

    /// Standard error split into lines, without the final newline's empty element.
    var stderrLines: [String] { Self.lines(stderr) }
    /// Non-empty lines of standard error: the problems a command reported.
    var problemLines: [String] { stderrLines.filter { !$0.isEmpty } }
    /// Standard output split into lines, without the final newline's empty element.
    var stdoutLines: [String] { Self.lines(stdout) }

    var description: String {
        "splitsim \(arguments.joined(separator: " ")) → exit \(status)\(timedOut ? " (timed out)" : "")\n"
            + "--- stdout (\(stdout.utf8.count) bytes):\n\(stdout.prefix(2000))\n--- stderr:\n\(stderr.prefix(2000))"
    }

    static func lines(_ text: String) -> [String] {
        // `\r\n` (CSV) is one Character, a newline like `\n`.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Runs the `splitsim` executable that `swift test` built beside the test bundle.
enum CLIRun {
    /// The package root, found from this source file: `Tests/splitsimTests/CLIRun.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `scenarios/` of the package.
    static let scenariosDirectory = packageRoot.appendingPathComponent("scenarios")

    /// The built executable: the first ancestor directory of the test runner that holds an
    /// executable `splitsim` (the products directory, e.g. `.build/debug`).
    static let executable: URL? = {
        let fileManager = FileManager.default
        var starts: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SPLITSIM_EXECUTABLE"] {
            return URL(fileURLWithPath: override)
        }
        if let selfPath = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: selfPath))
        }
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL)
        }
        if let bundled = Bundle.main.executableURL { starts.append(bundled) }
        for start in starts {
            var directory = start.deletingLastPathComponent()
            while directory.path != "/" && !directory.path.isEmpty {
                let candidate = directory.appendingPathComponent("splitsim")
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    fileManager.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs `splitsim` with `arguments` in `directory` (the package root by default), with
    /// `environment` added to this process's, and waits at most `timeout` seconds.
    static func run(
        _ arguments: [String], in directory: URL = packageRoot, timeout: TimeInterval = 60,
        environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let executable = try #require(
            executable, "the splitsim executable was not found beside the test runner",
            sourceLocation: sourceLocation)
        let scratch = try TemporaryDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        try outHandle.close()
        try errHandle.close()
        let result = CLIResult(
            arguments: arguments,
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            timedOut: timedOut)
        #expect(!timedOut, "splitsim \(arguments) did not finish within \(timeout) s", sourceLocation: sourceLocation)
        return result
    }

    /// Parses JSON output into a dictionary, failing the test when it is not one.
    static func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try #require(value as? [String: Any], "expected a JSON object", sourceLocation: sourceLocation)
    }
}

/// A unique directory under the system's temporary directory, removed when released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("splitsim-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func contents(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }
}
