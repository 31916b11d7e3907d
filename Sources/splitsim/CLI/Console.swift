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
    /// never a partial report. The text goes to a temporary file in the same directory,
    /// which is renamed over `path` once it is complete.
    static func write(_ text: String, toFile path: String) throws(CLIError) {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw cannotWrite(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let failure = cannotWrite(path)
                close(descriptor)
                unlink(temporary)
                throw failure
            }
            bytes = bytes.dropFirst(written)
        }
        // Reports are meant to be read; the umask decides the rest, as for any new file.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, path) == 0 else {
            let failure = cannotWrite(path)
            unlink(temporary)
            throw failure
        }
    }

    /// The error for `path` from the current `errno`.
    private static func cannotWrite(_ path: String) -> CLIError {
        let reason = String(cString: strerror(errno)).lowercased()
        return .cannotCreateOutput("splitsim: cannot write \(path): \(reason)")
    }
}
