/// A parameter study: a scenario and the cartesian product of the values of its axes.
///
/// The plan is a pure function of the scenario text and the axes, so every shard that reads
/// it agrees on the ids, the order and the seeds (each point keeps the scenario's seed unless
/// an axis varies `seed`: points differ only by what the study varies).
public struct SweepPlan: Sendable {
    /// The most points one plan may hold: beyond it, the study needs splitting anyway.
    public static let pointLimit = 100_000

    /// The scenario file the plan varies, as named on the command line.
    public let file: String
    /// The scenario's text, carried in every plan line so that a shard needs nothing else.
    public let scenarioText: String
    /// The varied paths, outermost (slowest-varying) first.
    public let axes: [SweepAxis]
    /// The number of points: the product of the axes' value counts.
    public let count: Int
    /// A hash of the scenario text and the axes, so that a merge never mixes two plans.
    public let fingerprint: String
    private let base: JSONNode

    /// Plans the study and checks that every point's scenario decodes.
    ///
    /// - Throws: ``SweepError`` for a path that cannot be set, a point whose scenario is
    ///   invalid (naming the point and the scenario path), or too many points.
    /// - Complexity: O(*p* · *s*) for *p* points of a scenario of size *s*.
    public init(file: String, scenarioText: String, axes: [SweepAxis]) throws(SweepError) {
        let base: JSONNode
        do {
            base = try ScenarioSyntax(file: file).parse(scenarioText, file: file)
        } catch {
            throw .invalidPoint(id: "base", error)
        }
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= Self.pointLimit else {
                throw .tooManyPoints(overflow ? Int.max : product, limit: Self.pointLimit)
            }
            count = product
        }
        self.file = file
        self.scenarioText = scenarioText
        self.axes = axes
        self.count = count
        self.base = base
        var hasher = FNV1a()
        hasher.combine(scenarioText)
        for axis in axes {
            hasher.combine(axis.path)
            for value in axis.values { hasher.combine(value) }
        }
        fingerprint = hasher.hex
        for index in 0..<count { _ = try scenario(for: point(index)) }
    }

    /// The point at `index`: the last axis varies fastest.
    public func point(_ index: Int) -> SweepPoint {
        var rest = index
        var values: [(path: String, value: String)] = []
        for axis in axes.reversed() {
            values.append((axis.path, axis.values[rest % axis.values.count]))
            rest /= axis.values.count
        }
        return SweepPoint(index: index, vary: values.reversed())
    }

    /// The scenario at `point`: the base with every axis's value set.
    public func scenario(for point: SweepPoint) throws(SweepError) -> Scenario {
        var root = base
        for (axis, value) in zip(axes, point.vary) {
            do {
                root = try root.setting(SweepAxis.node(for: value.value), at: axis.components)
            } catch {
                throw .badVary("--vary \(axis.path)=\(axis.values.joined(separator: ",")): \(error.description)")
            }
        }
        do {
            return try Scenario(decoding: root, file: "\(file) at \(point.id)")
        } catch {
            throw .invalidPoint(id: point.id, error)
        }
    }
}

/// FNV-1a, 64 bits: a stable hash across processes and platforms (Swift's `Hasher` is seeded
/// per process), enough to tell two plans apart.
struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        state ^= 0xff
        state = state &* 0x0000_0100_0000_01b3
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
