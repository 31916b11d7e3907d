import SplitRouter

/// How requests divide between the versions while each request's version and pod are drawn
/// independently of every other request and of time, as an L7 split or a balancing proxy
/// draws them.
///
/// Then a Poisson stream of requests splits into independent Poisson streams (Poisson
/// thinning): the candidate's requests, at the candidate's share of the rate, and each user
/// class's stable requests. The request path serves the candidate's one by one and only
/// counts the stable ones, which change no figure one by one.
struct RequestSplit {
    /// Per user class: the share of all requests that come from the class and reach the candidate.
    private(set) var candidate: [Double]
    /// Per user class: the share of all requests that come from the class and reach stable.
    private(set) var stable: [Double]
    /// Whether the classes are the cookie classes (L7 routing) or one class of all users.
    let byCookie: Bool
    /// The share of all requests that reach the candidate.
    let candidateShare: Double
    /// Cumulative thresholds that pick the class of a candidate request from a draw.
    private var classThresholds: [UInt64] = []
    /// The candidate pods a candidate request can reach.
    private let pods: [Int32]
    /// Cumulative thresholds that pick one of `pods` from a draw; empty when uniform.
    private var podThresholds: [UInt64] = []

    /// The split of an L7 proxy: per request, the header, the user's cookie, then the weight.
    ///
    /// - Parameters:
    ///   - routing: the per-request routing in force.
    ///   - traffic: the scenario's header shares and users.
    ///   - classes: the users by cookie value id.
    ///   - candidatePods: the canary's ready pods, over which the proxy balances uniformly; with
    ///     none, the proxy keeps every request on stable.
    init(routing: RoutingState, traffic: TrafficModel, classes: UserClasses, candidatePods: [Int32]) {
        var headerShares: [Double] = []
        var below: UInt64 = 0
        for threshold in traffic.headerThresholds {
            headerShares.append(Double(threshold - below) * 0x1.0p-64)
            below = threshold
        }
        headerShares.insert(1 - Double(below) * 0x1.0p-64, at: 0)
        var candidate: [Double] = []
        var stable: [Double] = []
        for cookie in 0..<classes.count {
            let classShare = Double(classes.size(of: cookie)) / Double(traffic.users)
            var reaches = 0.0
            if !candidatePods.isEmpty {
                for (header, share) in headerShares.enumerated() {
                    reaches += share * routing.candidateProbability(header: header, cookie: cookie)
                }
            }
            candidate.append(classShare * reaches)
            stable.append(classShare * (1 - reaches))
        }
        self.init(candidate: candidate, stable: stable, byCookie: true, pods: candidatePods, weights: [])
    }

    /// The split of callers that send each request to a pod drawn from a fixed distribution.
    ///
    /// - Parameters:
    ///   - pods: each pod a request can reach with its probability; they sum to 1.
    ///   - endpoints: which pods run the candidate.
    init(pods: [(pod: Int32, probability: Double)], endpoints: ServiceEndpoints) {
        let candidatePods = pods.filter { endpoints.isCandidate($0.pod) }
        let share = candidatePods.reduce(0) { $0 + $1.probability }
        self.init(
            candidate: [share], stable: [max(0, 1 - share)], byCookie: false, pods: candidatePods.map(\.pod),
            weights: candidatePods.map(\.probability))
    }

    private init(candidate: [Double], stable: [Double], byCookie: Bool, pods: [Int32], weights: [Double]) {
        self.candidate = candidate
        self.stable = stable
        self.byCookie = byCookie
        self.pods = pods
        candidateShare = candidate.reduce(0, +)
        if candidate.count > 1 && candidateShare > 0 {
            classThresholds = Self.cumulativeThresholds(candidate.map { $0 / candidateShare })
        }
        let totalWeight = weights.reduce(0, +)
        if weights.count > 1 && totalWeight > 0 && Set(weights).count > 1 {
            podThresholds = Self.cumulativeThresholds(weights.map { $0 / totalWeight })
        }
    }

    /// Thresholds below which a 64-bit draw picks each entry or an earlier one; the last is
    /// `UInt64.max`, so that rounding never leaves a draw unassigned.
    private static func cumulativeThresholds(_ probabilities: [Double]) -> [UInt64] {
        var cumulative = 0.0
        var thresholds = probabilities.map { probability in
            cumulative += probability
            return TwoWaySplit(candidateShare: min(cumulative, 1)).threshold
        }
        thresholds[thresholds.count - 1] = .max
        return thresholds
    }

    /// The class of a candidate request.
    ///
    /// - Complexity: O(*c*) for *c* classes, usually 1 or 2.
    @inline(__always)
    func candidateClass(using generator: inout Xoshiro256StarStar) -> Int {
        guard !classThresholds.isEmpty else { return 0 }
        let draw = generator.next()
        return classThresholds.firstIndex { draw < $0 } ?? classThresholds.count - 1
    }

    /// The candidate pod that serves a candidate request.
    ///
    /// - Complexity: O(*p*) for *p* candidate pods when their probabilities differ, else O(1).
    @inline(__always)
    func candidatePod(using generator: inout Xoshiro256StarStar) -> Int32 {
        guard !podThresholds.isEmpty else { return pods[generator.uniform(below: pods.count)] }
        let draw = generator.next()
        return pods[podThresholds.firstIndex { draw < $0 } ?? pods.count - 1]
    }
}
