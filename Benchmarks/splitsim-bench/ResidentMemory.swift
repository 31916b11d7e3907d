import Foundation

/// The process's resident memory, as the kernel accounts it.
enum ResidentMemory {
    /// The process's peak resident set so far, in bytes (Linux reports kilobytes, macOS bytes).
    static func peakBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) * 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)
        #endif
    }
}
