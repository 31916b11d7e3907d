/// One point of a sweep plan: a value for every axis.
public struct SweepPoint: Sendable, Equatable {
    /// A stable id from the index alone, e.g. `p0007`: shards and merges agree on it.
    public var id: String
    /// The 0-based index in the plan; shard `I` of `N` runs the points with `index % N == I`.
    public var index: Int
    /// Every axis's path with this point's value, in axis order.
    public var vary: [(path: String, value: String)]

    /// Creates a point.
    public init(index: Int, vary: [(path: String, value: String)]) {
        self.id = Self.id(index)
        self.index = index
        self.vary = vary
    }

    /// `p` and the index with at least four digits.
    public static func id(_ index: Int) -> String {
        let digits = String(index)
        return "p" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func == (lhs: SweepPoint, rhs: SweepPoint) -> Bool {
        lhs.index == rhs.index && lhs.vary.map(\.path) == rhs.vary.map(\.path)
            && lhs.vary.map(\.value) == rhs.vary.map(\.value)
    }
}
