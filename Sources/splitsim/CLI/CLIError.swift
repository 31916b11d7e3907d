/// A failure of a command, carrying the one line the user sees and the exit status.
///
/// Exit statuses follow sysexits(3), as `splitsim --help` promises pipelines.
enum CLIError: Error, CustomStringConvertible {
    /// Bad flags or arguments (EX_USAGE, 64).
    case usage(String)
    /// A scenario that does not decode or validate; the text is already one line per problem (EX_DATAERR, 65).
    case invalidScenario(String)
    /// An input file that does not exist or cannot be read (EX_NOINPUT, 66).
    case inputMissing(String)
    /// An output file that cannot be created or written (EX_CANTCREAT, 73).
    case cannotCreateOutput(String)
    /// The command printed its own diagnostics, one per problem; only the status is left.
    case reported(exitCode: Int32)

    /// The process exit status for this failure.
    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .invalidScenario: 65
        case .inputMissing: 66
        case .cannotCreateOutput: 73
        case .reported(let exitCode): exitCode
        }
    }

    var description: String {
        switch self {
        case .usage(let text), .invalidScenario(let text), .inputMissing(let text), .cannotCreateOutput(let text):
            text
        case .reported:
            ""
        }
    }
}
