/// Options shared by every suite: `--format text|json` and `--repetitions N`.
struct BenchmarkOptions {
    enum Format: String {
        case text
        case json
    }

    var format = Format.text
    var repetitions = 7

    /// Parses `arguments`, or returns a one-line message naming the bad flag.
    static func parse(_ arguments: [String]) -> Result<BenchmarkOptions, OptionError> {
        var options = BenchmarkOptions()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            switch flag {
            case "--format":
                guard let value = remaining.popFirst(), let format = Format(rawValue: value) else {
                    return .failure(OptionError(message: "--format expects text or json"))
                }
                options.format = format
            case "--repetitions":
                guard let value = remaining.popFirst(), let count = Int(value), count >= 1, count <= 1000 else {
                    return .failure(OptionError(message: "--repetitions expects an integer from 1 to 1000"))
                }
                options.repetitions = count
            default:
                return .failure(OptionError(message: "unknown option '\(flag)'; expected --format or --repetitions"))
            }
        }
        return .success(options)
    }
}

/// A usage error in a suite's options.
struct OptionError: Error {
    let message: String
}
