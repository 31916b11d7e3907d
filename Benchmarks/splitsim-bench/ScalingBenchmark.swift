import Foundation

/// `splitsim-bench scaling`: how the wall time of the headline service-split workload grows
/// with users, rate, simulated duration and replicas, one factor at a time over ×100, as the
/// least-squares slope of log(seconds) over log(factor): 1 is linear, 0 is flat.
///
/// The base is 100,000 users at 10,000 rps for 4 h on 10 pods, so that the smallest point (15
/// minutes, or 1,000 rps) still takes tens of milliseconds. Pods serve up to 10⁶ rps each, so
/// capacity never binds, and the 10 % weight holds for the whole run at every point. Each
/// factor is measured with a healthy candidate, whose requests are counted per second, and with
/// a faulty one, whose requests are served one by one.
enum ScalingBenchmark {
    enum Factor: String, CaseIterable {
        case users
        case rps
        case duration
        case replicas

        /// The values, the base's in the middle; durations in seconds.
        var values: [Int] {
            switch self {
            case .users: [10_000, 100_000, 1_000_000]
            case .rps: [1_000, 10_000, 100_000]
            case .duration: [900, 3_600, 14_400]
            case .replicas: [10, 100, 1_000]
            }
        }

        /// The base scenario with this factor at `value`, with the given candidate version.
        func scenario(_ value: Int, candidate: String) -> BenchScenario {
            var scenario = BenchScenario(
                strategy: BenchScenario.serviceSplit(pause: "48h"), rps: 10_000, durationSeconds: 14_400,
                podCapacityRps: 1_000_000, candidate: candidate)
            switch self {
            case .users: scenario.users = value
            case .rps: scenario.rps = value
            case .duration: scenario.durationSeconds = value
            case .replicas: scenario.replicas = value
            }
            return scenario
        }
    }

    /// One measured point: the fastest run at one value of the factor.
    struct Point {
        var value: Int
        var seconds: Double
        var requests: Double
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = BenchmarkOptions.parse(arguments, suite: "scaling", repetitions: 3) else { return 64 }
        var results: [(name: String, points: [Point])] = []
        var checksum = 0.0
        let candidates = [("", BenchScenario.healthyCandidate), (", faulty candidate", BenchScenario.faultyCandidate)]
        for (suffix, candidate) in candidates {
            for factor in Factor.allCases {
                var points: [Point] = []
                for value in factor.values {
                    guard let scenario = factor.scenario(value, candidate: candidate).decoded(suite: "scaling") else {
                        return 70
                    }
                    // No warm-up run: a cold first run can only lose the minimum to a warm one.
                    let timing = SimulationTiming(scenario, repetitions: options.repetitions, warmUp: false)
                    checksum += timing.checksum
                    points.append(
                        Point(value: value, seconds: timing.minimumSeconds, requests: timing.runs[0].requests))
                }
                results.append((factor.rawValue + suffix, points))
            }
        }
        let output: String
        switch options.format {
        case .json:
            let items = results.map { result in
                let points = result.points.map {
                    "{\"value\": \($0.value), \"seconds\": \(String(format: "%.6f", $0.seconds))}"
                }
                return "    {\"name\": \"scaling / \(result.name)\", "
                    + "\"slope\": \(String(format: "%.3f", slope(result.points))), \"points\": ["
                    + points.joined(separator: ", ") + "]}"
            }
            output = "{\"results\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
        case .text:
            let rows = results.flatMap { result in
                result.points.map { point in
                    [
                        "scaling / \(result.name)", "\(point.value)", String(format: "%.4f", point.seconds),
                        String(format: "%.0f", point.requests),
                        String(format: "%.2f", point.seconds * 1e9 / point.requests),
                    ]
                }
            }
            let table = TextTable(header: ["factor", "value", "seconds", "requests", "ns/req"], rows: rows).lines
            let slopes = results.map { "\($0.name) \(String(format: "%.2f", slope($0.points)))" }
            output =
                ([
                    "min wall time of \(options.repetitions) runs per point; base 100000 users, 10000 rps, "
                        + "14400 s (duration values in seconds), 10 replicas; one factor varied at a time"
                ] + table + ["log-log slopes: " + slopes.joined(separator: ", ")]).joined(separator: "\n") + "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
        return 0
    }

    /// The least-squares slope of log(seconds) over log(value).
    static func slope(_ points: [Point]) -> Double {
        let x = points.map { log(Double($0.value)) }
        let y = points.map { log($0.seconds) }
        let meanX = x.reduce(0, +) / Double(x.count)
        let meanY = y.reduce(0, +) / Double(y.count)
        let covariance = zip(x, y).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
        let variance = x.map { ($0 - meanX) * ($0 - meanX) }.reduce(0, +)
        return covariance / variance
    }
}
