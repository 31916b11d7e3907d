import Foundation

/// Where commands write: data to standard output, diagnostics to standard error, and
/// report files written whole or not at all.
enum Console {
    /// Writes text to standard output as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes one line to standard error.
    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `text` to `path` atomically: readers see the old file or the whole new one,
    /// never a partial report.
    static func write(_ text: String, toFile path: String) throws(CLIError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotCreateOutput("splitsim: cannot write \(path): \(Self.reason(error))")
        }
    }

    /// Reads a whole text file, mapping a missing file to exit status 66.
    static func readFile(_ path: String) throws(CLIError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .inputMissing("splitsim: \(path): no such file or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let message = String(validatingCString: strerror(Int32(underlying.code))) {
            return message.lowercased()
        }
        return nsError.localizedDescription
    }
}
