import Foundation

/// Options shared by every suite: `--format text|json`, and `--repetitions N` where the suite
/// repeats its measurements.
struct BenchmarkOptions {
    enum Format: String {
        case text
        case json
    }

    var format = Format.text
    var repetitions: Int

    /// Parses `arguments` for the suite called `suite`, whose default repetition count is
    /// `repetitions` (nil: the suite takes no `--repetitions`); on a bad flag it prints a
    /// one-line message naming it and returns nil, and the suite exits 64.
    static func parse(_ arguments: [String], suite: String, repetitions: Int?) -> BenchmarkOptions? {
        var options = BenchmarkOptions(repetitions: repetitions ?? 1)
        var remaining = arguments[...]
        let expected = repetitions == nil ? "--format" : "--format or --repetitions"
        while let flag = remaining.popFirst() {
            switch flag {
            case "--format":
                guard let value = remaining.popFirst(), let format = Format(rawValue: value) else {
                    return refuse("--format expects text or json", suite: suite)
                }
                options.format = format
            case "--repetitions" where repetitions != nil:
                guard let value = remaining.popFirst(), let count = Int(value), count >= 1, count <= 1000 else {
                    return refuse("--repetitions expects an integer from 1 to 1000", suite: suite)
                }
                options.repetitions = count
            default:
                return refuse("unknown option '\(flag)'; expected \(expected)", suite: suite)
            }
        }
        return options
    }

    private static func refuse(_ message: String, suite: String) -> BenchmarkOptions? {
        FileHandle.standardError.write(Data("splitsim-bench \(suite): \(message)\n".utf8))
        return nil
    }
}
