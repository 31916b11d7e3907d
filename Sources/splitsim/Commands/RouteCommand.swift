import SplitReport
import SplitRouter

/// `splitsim route`: how a routing policy of the router core distributes requests over
/// backends.
enum RouteCommand: Command {
    static let name = "route"
    static let summary = "Show how a routing policy distributes requests over backends"
    static let help = """
        Usage: splitsim route --policy random|alias|smooth-wrr|edf|ring-hash|maglev|split-clients
                              --backends a=5,b=1,c=1 [--count N] [--seed S] [--keys K1,K2,...]
                              [--format text|json]

        Routes --count requests with one policy and prints the backend each one went to, one
        name per line.

        Policies:
          random         weighted random by binary search over cumulative weights
          alias          weighted random by Vose's alias table (constant time per pick)
          smooth-wrr     nginx's smooth weighted round robin (integer weights)
          edf            Envoy's earliest-deadline-first weighted round robin
          ring-hash      consistent hashing on a ketama-style ring, by key
          maglev         Maglev consistent hashing (table size 65537), by key
          split-clients  nginx split_clients: MurmurHash2 of the key into percentage buckets

        Options:
          --policy P         the policy (required)
          --backends LIST    NAME=VALUE entries separated by commas (required). VALUE is a
                             weight (a non-negative number; integers for smooth-wrr). For
                             split-clients it is a percentage with at most two decimals, with or
                             without %, or * for the rest: a=0.5%,b=50,c=*. Keys that no
                             bucket takes (no * and less than 100 %) print as "-" (null in JSON).
          --count N          requests to route, 1...\(maximumCount) (default \(defaultCount), or
                             the number of --keys)
          --seed S           seed of the random policies (default 1)
          --keys K1,K2,...   keys for ring-hash, maglev and split-clients, used in order and
                             repeated if --count is larger (default user-1, user-2, ...)
          --format text|json text prints one backend per line; json prints
                             {"picks": [...], "counts": {...}} with counts in backend order

        Examples:
          splitsim route --policy smooth-wrr --backends a=5,b=1,c=1 --count 7
          splitsim route --policy split-clients --backends canary=5%,stable=* --count 1000 --format json

        """

    static let maximumCount = 10_000_000
    static let defaultCount = 10

    private static let options = ["--policy", "--backends", "--count", "--seed", "--keys", "--format"]

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let policy = try arguments.choice("--policy", as: RoutingPolicyName.self)
        let backendsText = try arguments.value(of: "--backends")
        let count = try arguments.integer("--count", in: 1...maximumCount)
        let seed = try arguments.unsignedInteger("--seed") ?? 1
        let keysText = try arguments.value(of: "--keys")
        let format = try arguments.choice("--format", as: TextOrJSON.self) ?? .text
        if let extra = try arguments.positionals(known: options).first {
            throw arguments.usage("unexpected argument \"\(extra)\"; route takes options only")
        }
        guard let policy else {
            let names = RoutingPolicyName.allCases.map(\.rawValue)
            throw arguments.usage("--policy: missing; expected one of \(names.joined(separator: ", "))")
        }
        guard let backendsText else {
            throw arguments.usage("--backends: missing; expected NAME=VALUE entries such as a=5,b=1,c=1")
        }
        let backends: BackendList
        do {
            backends = try BackendList(parsing: backendsText)
        } catch {
            throw arguments.usage("--backends: \(error)")
        }
        var keys: [String]?
        if let keysText {
            guard policy.picksByKey else {
                throw arguments.usage(
                    "--keys: \(policy.rawValue) does not pick by key;"
                        + " expected --policy ring-hash, maglev or split-clients")
            }
            let parsed = keysText.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !parsed.contains(where: \.isEmpty) else {
                throw arguments.usage("--keys: \"\(keysText)\" has an empty key; expected keys separated by commas")
            }
            keys = parsed
        }
        let requests = count ?? keys?.count ?? defaultCount

        let picks: [Int?]
        do {
            picks = try route(policy: policy, backends: backends, requests: requests, seed: seed, keys: keys)
        } catch let error as BackendListError {
            throw arguments.usage("--backends: \(error)")
        } catch let error as RoutingConfigurationError {
            throw arguments.usage("--backends: \(error)")
        } catch {
            throw arguments.usage("--backends: \(error)")
        }
        Console.write(format == .json ? json(picks, names: backends.names) : text(picks, names: backends.names))
    }

    /// Builds the policy and routes `requests` requests; `nil` marks a key no bucket took.
    private static func route(
        policy: RoutingPolicyName, backends: BackendList, requests: Int, seed: UInt64, keys: [String]?
    ) throws -> [Int?] {
        let key: (Int) -> String = { index in keys.map { $0[index % $0.count] } ?? "user-\(index + 1)" }
        switch policy {
        case .random:
            return draw(try CumulativeTable(weights: backends.weights()), requests: requests, seed: seed)
        case .alias:
            return draw(try AliasTable(weights: backends.weights()), requests: requests, seed: seed)
        case .smoothWeightedRoundRobin:
            return draw(
                try SmoothWeightedRoundRobin(weights: backends.integerWeights()), requests: requests, seed: seed)
        case .earliestDeadlineFirst:
            return draw(try EDFScheduler(weights: backends.weights()), requests: requests, seed: seed)
        case .ringHash:
            let ring = try RingHash(names: backends.names, weights: backends.weights())
            return (0..<requests).map { ring.pick(forKey: key($0)) }
        case .maglev:
            let maglev = try Maglev(names: backends.names, weights: backends.weights())
            return (0..<requests).map { maglev.pick(forKey: key($0)) }
        case .splitClients:
            let split = try SplitClients(shares: backends.splitClientsShares())
            return (0..<requests).map { split.pick(forKey: key($0)) }
        }
    }

    private static func draw<P: WeightedPicker>(_ picker: P, requests: Int, seed: UInt64) -> [Int?] {
        var picker = picker
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<requests).map { _ in picker.pick(using: &generator) }
    }

    private static func text(_ picks: [Int?], names: [String]) -> String {
        var output = ""
        for pick in picks {
            output += (pick.map { names[$0] } ?? "-") + "\n"
        }
        return output
    }

    private static func json(_ picks: [Int?], names: [String]) -> String {
        var counts = Array(repeating: 0, count: names.count)
        for case let pick? in picks { counts[pick] += 1 }
        let document = JSONWriter.Value.object([
            ("picks", .array(picks.map { pick in pick.map { .string(names[$0]) } ?? .null })),
            ("counts", .object(zip(names, counts).map { ($0, .integer($1)) })),
        ])
        return JSONWriter.render(document) + "\n"
    }
}
