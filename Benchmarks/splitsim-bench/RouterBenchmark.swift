import Foundation
import SplitRouter

/// `splitsim-bench router`: nanoseconds per pick, and build cost, for every routing policy at
/// several backend counts.
///
/// Every pick includes drawing its random number (or key hash) from xoshiro256**, because the
/// simulator pays for that too. Each batch folds its picks into a checksum that is printed at
/// the end, so the optimizer cannot drop the work.
enum RouterBenchmark {
    static let backendCounts = [2, 3, 8, 100, 10_000]

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = BenchmarkOptions.parse(arguments, suite: "router", repetitions: 7) else { return 64 }
        do {
            let (report, checksum) = try measure(repetitions: options.repetitions)
            FileHandle.standardOutput.write(Data(report.render(options.format).utf8))
            FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("splitsim-bench router: cannot build a policy: \(error)\n".utf8))
            return 70
        }
    }

    /// Measures every policy at every backend count; the `sim` suite reports the same picks.
    ///
    /// - Returns: the rows, and the checksum of all the work, which the caller must print.
    static func measure(repetitions: Int) throws(RoutingConfigurationError) -> (report: RouterReport, checksum: UInt64)
    {
        var stopwatch = Stopwatch(repetitions: repetitions)
        var report = RouterReport()
        try measureAll(into: &report, with: &stopwatch)
        return (report, stopwatch.checksum)
    }

    /// Skewed integer weights 1…10, except {5, 1, 1} for three backends (nginx's example).
    static func weights(_ count: Int) -> [Int] {
        count == 3 ? [5, 1, 1] : (0..<count).map { $0 * 7 % 10 + 1 }
    }

    static func names(_ count: Int) -> [String] {
        (0..<count).map { "backend-\($0)" }
    }

    private static func measureAll(into report: inout RouterReport, with stopwatch: inout Stopwatch)
        throws(RoutingConfigurationError)
    {
        let share = 0.05
        let build = stopwatch.measure { count in
            var sum: UInt64 = 0
            for index in 0..<count { sum &+= TwoWaySplit(candidateShare: share + Double(index & 1) * 0.01).threshold }
            return sum
        }
        let split = TwoWaySplit(candidateShare: share)
        report.rows.append(
            .init(
                name: "two-way", backends: 2,
                pick: stopwatch.measure { count in
                    var generator = Xoshiro256StarStar(seed: 1)
                    var canary: UInt64 = 0
                    for _ in 0..<count where split.picksCandidate(generator.next()) { canary &+= 1 }
                    return canary
                }, build: build))

        for count in backendCounts {
            let weights = weights(count).map(Double.init)
            try measureRandom(AliasTable.self, name: "alias", weights: weights, into: &report, with: &stopwatch)
            try measureRandom(
                CumulativeTable.self, name: "cumulative", weights: weights, into: &report, with: &stopwatch)
        }
        for count in backendCounts {
            let weights = weights(count)
            try measureRotation(name: "smooth-wrr", backends: count, into: &report, with: &stopwatch) {
                () throws(RoutingConfigurationError) in
                try SmoothWeightedRoundRobin(weights: weights)
            }
        }
        for count in backendCounts {
            let weights = weights(count).map(Double.init)
            try measureRotation(name: "edf", backends: count, into: &report, with: &stopwatch) {
                () throws(RoutingConfigurationError) in
                try EDFScheduler(weights: weights)
            }
        }
        for count in backendCounts {
            let weights = weights(count).map(Double.init)
            let names = names(count)
            try measureKeyed(name: "ring-hash", backends: count, into: &report, with: &stopwatch) {
                () throws(RoutingConfigurationError) in
                try RingHash(names: names, weights: weights)
            }
            try measureKeyed(name: "maglev", backends: count, into: &report, with: &stopwatch) {
                () throws(RoutingConfigurationError) in
                try Maglev(names: names, weights: weights)
            }
        }
        for count in backendCounts {
            try measureSplitClients(backends: count, into: &report, with: &stopwatch)
        }
        try measureCanaryRules(into: &report, with: &stopwatch)
    }

    /// Times building a policy; a failed build ends the suite.
    private static func measureBuild<P>(
        with stopwatch: inout Stopwatch,
        _ make: () throws(RoutingConfigurationError) -> P,
        fingerprint: (P) -> Int
    ) throws(RoutingConfigurationError) -> (P, Stopwatch.Measurement) {
        let policy = try make()
        let measurement = stopwatch.measure { count in
            var sum: UInt64 = 0
            for _ in 0..<count {
                if let built = try? make() { sum &+= UInt64(truncatingIfNeeded: fingerprint(built)) }
            }
            return sum
        }
        return (policy, measurement)
    }

    private static func measureRandom<P: WeightedPicker & Sendable>(
        _ type: P.Type,
        name: String,
        weights: [Double],
        into report: inout RouterReport,
        with stopwatch: inout Stopwatch
    ) throws(RoutingConfigurationError) where P: RandomWeighted {
        let (policy, build) = try measureBuild(
            with: &stopwatch,
            { () throws(RoutingConfigurationError) in
                try P(weights: weights)
            }, fingerprint: \.backendCount)
        let pick = stopwatch.measure { count in
            var generator = Xoshiro256StarStar(seed: 2)
            var sum: UInt64 = 0
            for _ in 0..<count { sum &+= UInt64(truncatingIfNeeded: policy.pick(draw: generator.next())) }
            return sum
        }
        report.rows.append(.init(name: name, backends: weights.count, pick: pick, build: build))
    }

    private static func measureRotation<P: WeightedPicker>(
        name: String,
        backends: Int,
        into report: inout RouterReport,
        with stopwatch: inout Stopwatch,
        _ make: () throws(RoutingConfigurationError) -> P
    ) throws(RoutingConfigurationError) {
        let (policy, build) = try measureBuild(with: &stopwatch, make, fingerprint: \.backendCount)
        let pick = stopwatch.measure { count in
            var rotation = policy
            var generator = Xoshiro256StarStar(seed: 3)
            var sum: UInt64 = 0
            for _ in 0..<count { sum &+= UInt64(truncatingIfNeeded: rotation.pick(using: &generator)) }
            return sum
        }
        report.rows.append(.init(name: name, backends: backends, pick: pick, build: build))
    }

    private static func measureKeyed<P: KeyedPicker>(
        name: String,
        backends: Int,
        into report: inout RouterReport,
        with stopwatch: inout Stopwatch,
        _ make: () throws(RoutingConfigurationError) -> P
    ) throws(RoutingConfigurationError) {
        let (policy, build) = try measureBuild(with: &stopwatch, make, fingerprint: \.backendCount)
        let pick = stopwatch.measure { count in
            var generator = Xoshiro256StarStar(seed: 4)
            var sum: UInt64 = 0
            for _ in 0..<count { sum &+= UInt64(truncatingIfNeeded: policy.pick(forHash: generator.next())) }
            return sum
        }
        report.rows.append(.init(name: name, backends: backends, pick: pick, build: build))
    }

    private static func measureSplitClients(
        backends: Int,
        into report: inout RouterReport,
        with stopwatch: inout Stopwatch
    ) throws(RoutingConfigurationError) {
        let each = 10_000 / backends
        let shares = Array(repeating: SplitClients.Share.hundredthsOfPercent(each), count: backends - 1) + [.remainder]
        let (policy, build) = try measureBuild(
            with: &stopwatch,
            { () throws(RoutingConfigurationError) in
                try SplitClients(shares: shares)
            }, fingerprint: \.backendCount)
        let pick = stopwatch.measure { count in
            var generator = Xoshiro256StarStar(seed: 5)
            var sum: UInt64 = 0
            for _ in 0..<count {
                let hash = UInt32(truncatingIfNeeded: generator.next() >> 32)
                sum &+= UInt64(truncatingIfNeeded: policy.pick(forHash: hash) ?? 0)
            }
            return sum
        }
        report.rows.append(.init(name: "split-clients", backends: backends, pick: pick, build: build))
    }

    /// Header value rule plus cookie plus weight; one request in ten carries the header or cookie.
    private static func measureCanaryRules(into report: inout RouterReport, with stopwatch: inout Stopwatch)
        throws(RoutingConfigurationError)
    {
        let rules = IngressNginxCanaryRules(
            header: .init(name: "X-Canary", match: .pattern("^(true|yes)$")),
            cookieName: "canary",
            weight: 5
        )
        let headers = ["true", "false", "always", "yes"].map { HTTPField(name: "X-Canary", value: $0) }
        let cookies = ["always", "never"].map { HTTPField(name: "canary", value: $0) }
        let (compiled, build) = try measureBuild(
            with: &stopwatch,
            { () throws(RoutingConfigurationError) in
                rules.compiled(headers: headers, cookies: cookies)
            }, fingerprint: \.requestClassCount)
        var classGenerator = Xoshiro256StarStar(seed: 6)
        let classes = (0..<1024).map { _ in
            let header = classGenerator.uniform(below: 40)
            let cookie = classGenerator.uniform(below: 40)
            return compiled.requestClass(
                header: header < headers.count ? header : nil, cookie: cookie < cookies.count ? cookie : nil)
        }
        let pick = stopwatch.measure { count in
            var generator = Xoshiro256StarStar(seed: 7)
            var canary: UInt64 = 0
            classes.withUnsafeBufferPointer { classes in
                for index in 0..<count
                where compiled.routesToCanary(requestClass: classes[index & 1023], draw: generator.next()) {
                    canary &+= 1
                }
            }
            return canary
        }
        report.rows.append(.init(name: "ingress-nginx-rules", backends: 2, pick: pick, build: build))
    }
}
