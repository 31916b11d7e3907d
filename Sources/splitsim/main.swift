import Foundation

let status = SplitsimCommandLine.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
