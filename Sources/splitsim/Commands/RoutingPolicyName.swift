/// The policies `splitsim route --policy` can run; each raw value is its spelling on the command line.
enum RoutingPolicyName: String, CaseIterable {
    case random
    case alias
    case smoothWeightedRoundRobin = "smooth-wrr"
    case earliestDeadlineFirst = "edf"
    case ringHash = "ring-hash"
    case maglev
    case splitClients = "split-clients"

    /// True for the policies that pick by a key (`--keys`) rather than by weight alone.
    var picksByKey: Bool {
        switch self {
        case .ringHash, .maglev, .splitClients: true
        case .random, .alias, .smoothWeightedRoundRobin, .earliestDeadlineFirst: false
        }
    }
}
