import Foundation

/// `splitsim-bench memory`: the peak resident memory of one run of the headline service-split
/// workload at 1,000,000 users and 10,000 rps, for 1 h, 6 h and 24 h of simulated time.
///
/// Memory should grow with users and pods, never with simulated time, so the 24 h to 1 h
/// ratio is the figure to watch. Each duration runs in a child process (`memory-one`), because
/// a process's peak only ever grows: in one process every duration would report the largest.
enum MemoryBenchmark {
    static let durations = [
        (name: "1h", seconds: 3_600), (name: "6h", seconds: 21_600), (name: "24h", seconds: 86_400),
    ]

    /// The weight holds for the whole run, so that only the duration differs; ten pods of
    /// 2,000 rps each keep 10,000 rps, and the 10 % canary pod, under capacity.
    static func scenario(durationSeconds: Int) -> BenchScenario {
        BenchScenario(
            strategy: BenchScenario.serviceSplit(pause: "48h"), users: 1_000_000, rps: 10_000,
            durationSeconds: durationSeconds,
            podCapacityRps: 2_000)
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = BenchmarkOptions.parse(arguments, suite: "memory", repetitions: nil) else { return 64 }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var report = ThroughputReport()
        var checksum = 0.0
        for duration in durations {
            let child = Process()
            child.executableURL = executable
            child.arguments = ["memory-one", duration.name]
            let output = Pipe()
            child.standardOutput = output
            do {
                try child.run()
            } catch {
                FileHandle.standardError.write(
                    Data("splitsim-bench memory: cannot run \(executable.path): \(error)\n".utf8))
                return 70
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard child.terminationStatus == 0, fields.count == 4 else {
                FileHandle.standardError.write(
                    Data("splitsim-bench memory: memory-one \(duration.name) failed: \(text)\n".utf8))
                return 70
            }
            let nsPerRequest = fields[2] / max(fields[1], 1)
            report.rows.append(
                .init(
                    name: "memory / service-split 1M users 10k rps \(duration.name)", requests: Int(fields[1]),
                    nsPerRequest: nsPerRequest, medianNsPerRequest: nsPerRequest, peakRSSBytes: Int(fields[0])))
            checksum += fields[3]
        }
        let ratio = Double(report.rows.last!.peakRSSBytes) / Double(report.rows[0].peakRSSBytes)
        report.summaries.append(
            .init(key: "peakRSSRatio24hTo1h", label: "peak RSS 24h / 1h (flat in duration: about 1)", value: ratio))
        let heading = "peak RSS of one run per child process; ns per request of that one run"
        FileHandle.standardOutput.write(Data(report.render(options.format, heading: heading).utf8))
        FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
        return 0
    }

    /// `memory-one 1h|6h|24h`, run by ``run(_:)``: one run of that duration, then one line of
    /// `peakRSSBytes requests nanoseconds checksum`.
    static func runOne(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1, let duration = durations.first(where: { $0.name == arguments[0] }) else {
            let names = durations.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("splitsim-bench memory-one: expected one of \(names)\n".utf8))
            return 64
        }
        guard let scenario = scenario(durationSeconds: duration.seconds).decoded(suite: "memory-one") else {
            return 70
        }
        let timing = SimulationTiming(scenario, repetitions: 1, warmUp: false)
        let run = timing.runs[0]
        print("\(ResidentMemory.peakBytes()) \(Int(run.requests)) \(Int(run.nanoseconds)) \(timing.checksum)")
        return 0
    }
}
