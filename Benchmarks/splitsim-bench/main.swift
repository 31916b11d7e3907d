// splitsim-bench SUBCOMMAND [options]: each subcommand is one benchmark suite in its own file;
// register it here.
import Foundation

let suites: [BenchmarkSuite] = [
    BenchmarkSuite(
        name: "router", summary: "ns per pick and build cost of every routing policy", run: RouterBenchmark.run),
    BenchmarkSuite(
        name: "simulation",
        summary: "requests/s and peak RSS per strategy kind and caller model, then the router's picks",
        run: SimulationBenchmark.run),
    BenchmarkSuite(name: "sim", summary: "the same as simulation", run: SimulationBenchmark.run),
    BenchmarkSuite(
        name: "memory", summary: "peak RSS at 1M users and 10k rps for 1 h, 6 h and 24 h (no --repetitions)",
        run: MemoryBenchmark.run),
    BenchmarkSuite(
        name: "scaling", summary: "log-log slope of wall time over users, rps, duration and replicas",
        run: ScalingBenchmark.run),
]

// The child process of `memory`, one per duration; not for people, so not listed.
let childSuites = [BenchmarkSuite(name: "memory-one", summary: "", run: MemoryBenchmark.runOne)]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let suite = (suites + childSuites).first(where: { $0.name == name }) else {
    let list = suites.map { "  \($0.name.padding(toLength: 10, withPad: " ", startingAt: 0))  \($0.summary)" }
    FileHandle.standardError.write(
        Data(
            """
            usage: splitsim-bench SUBCOMMAND [--format text|json] [--repetitions N]
            subcommands:
            \(list.joined(separator: "\n"))

            """.utf8))
    exit(["-h", "--help", "help"].contains(arguments.first ?? "") ? 0 : 64)
}
exit(suite.run(Array(arguments.dropFirst())))
