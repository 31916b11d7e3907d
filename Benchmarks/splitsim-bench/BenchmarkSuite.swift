/// One `splitsim-bench` subcommand: a named suite that parses its options and returns an exit
/// status.
struct BenchmarkSuite {
    let name: String
    let summary: String
    let run: ([String]) -> Int32
}
