// splitsim-bench SUBCOMMAND [options]: each subcommand is one benchmark suite in its own file;
// register it here.
import Foundation

let suites: [BenchmarkSuite] = [
    BenchmarkSuite(
        name: "router", summary: "ns per pick and build cost of every routing policy", run: RouterBenchmark.run),
    BenchmarkSuite(
        name: "simulation", summary: "ns per simulated request through the whole engine", run: SimulationBenchmark.run),
    BenchmarkSuite(name: "sim", summary: "the same as simulation", run: SimulationBenchmark.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let suite = suites.first(where: { $0.name == name }) else {
    let list = suites.map { "  \($0.name)  \($0.summary)" }.joined(separator: "\n")
    FileHandle.standardError.write(
        Data(
            """
            usage: splitsim-bench SUBCOMMAND [--format text|json] [--repetitions N]
            subcommands:
            \(list)

            """.utf8))
    exit(["-h", "--help", "help"].contains(arguments.first ?? "") ? 0 : 64)
}
exit(suite.run(Array(arguments.dropFirst())))
