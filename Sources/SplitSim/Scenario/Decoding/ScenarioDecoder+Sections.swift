extension ScenarioDecoder {
    /// The largest user population accepted.
    static let maximumUsers = 100_000_000

    /// Decodes a whole scenario document; the result is meaningful only when no problem was found.
    /// A document that is not an object gets that one problem, not one per missing key.
    mutating func decodeScenario(_ root: JSONNode, file: String, registry: StrategyRegistry) -> Scenario {
        guard let fields = fields(of: root, at: .root, as: .scenario) else {
            return Scenario(
                file: file, name: "", traffic: TrafficSpec(rates: []), cluster: ClusterSpec(replicas: 1), strategies: []
            )
        }
        _ = string(fields["$schema"], allowEmpty: true)
        let name = string(fields["name"], required: true) ?? ""
        let description = string(fields["description"], allowEmpty: true)
        let seed = unsignedInteger(fields["seed"]) ?? Scenario.defaultSeed
        let runs = integer(fields["runs"], in: 1...10_000) ?? Scenario.defaultRuns
        let durationField = fields["duration"]
        let parsedDuration = duration(durationField, positive: true)
        let duration = parsedDuration ?? Scenario.defaultDuration
        // Profile times are checked against the duration only when it is known to be right.
        let knownDuration = durationField.node == nil ? duration : parsedDuration
        let cluster = decodeCluster(fields["cluster"])
        let traffic = decodeTraffic(fields["traffic"], duration: knownDuration)
        let versions = decodeVersions(fields["versions"])
        let analysis = decodeOptionalAnalysis(fields["analysis"]) ?? nil
        let context = StrategyContext(replicas: cluster.replicas, analysis: analysis, registry: registry)
        let strategies = decodeStrategies(fields["strategies"], context: context)
        var scenario = Scenario(
            file: file, name: name, description: description, seed: seed, runs: runs, duration: duration,
            traffic: traffic, cluster: cluster.spec, versions: versions, analysis: analysis, strategies: strategies
        )
        scenario.decisionPolicy = decodeDecisionPolicy(fields)
        return scenario
    }

    // MARK: Cluster

    /// The cluster, and its replica count when that was valid (bounds elsewhere depend on it).
    mutating func decodeCluster(_ field: Field) -> (spec: ClusterSpec, replicas: Int?) {
        guard let fields = object(field, as: .cluster, required: true) else {
            return (ClusterSpec(replicas: 1), nil)
        }
        let replicas = integer(fields["replicas"], in: 1...Self.maximumReplicas, required: true)
        let spec = ClusterSpec(
            replicas: replicas ?? 1,
            podStartup: duration(fields["podStartup"]) ?? ClusterSpec.defaultPodStartup,
            podShutdown: duration(fields["podShutdown"]) ?? ClusterSpec.defaultPodShutdown,
            podCapacityRps: rate(fields["podCapacityRps"]),
            podHourlyCost: number(fields["podHourlyCost"], atLeast: 0, atMost: 1_000_000) ?? 0,
            podStartupJitter: number(fields["podStartupJitter"], atLeast: 0, atMost: 0.9)
                ?? ClusterSpec.defaultPodTimingJitter,
            podShutdownJitter: number(fields["podShutdownJitter"], atLeast: 0, atMost: 0.9)
                ?? ClusterSpec.defaultPodTimingJitter,
            currency: string(fields["currency"]) ?? ClusterSpec.defaultCurrency
        )
        return (spec, replicas)
    }

    // MARK: Traffic

    /// The traffic; `duration` is the scenario's when valid, to check profile times against.
    mutating func decodeTraffic(_ field: Field, duration: SimDuration?) -> TrafficSpec {
        guard let fields = object(field, as: .traffic, required: true) else { return TrafficSpec(rates: []) }
        let rpsField = fields["rps"]
        let profileField = fields["profile"]
        var rates: [RatePoint] = []
        switch (rpsField.node, profileField.node) {
        case (.some, .some):
            report("both rps and profile are given; expected exactly one of them", at: fields.path, fields.position)
        case (nil, nil):
            report("neither rps nor profile is given; expected exactly one of them", at: fields.path, fields.position)
        case (.some, nil):
            if let rps = rate(rpsField) {
                rates = [RatePoint(at: .zero, rps: rps)]
            }
        case (nil, .some):
            rates = decodeProfile(profileField, duration: duration)
        }
        let headers = decodeHeaderShares(fields["headers"])
        let cookies = decodeCookieShares(fields["cookies"])
        let callers = decodeCallers(fields["callers"])
        let perConnectionField = fields["requestsPerConnection"]
        let requestsPerConnection = number(perConnectionField, atLeast: 1, atMost: 1_000_000)
        if requestsPerConnection != nil, !callers.isClients, let node = perConnectionField.node {
            report(
                "requestsPerConnection is the length of a client's own connection; expected \"callers\": "
                    + "{\"via\": \"clients\"} with it, or no requestsPerConnection (a proxy balances every request)",
                at: perConnectionField.path, node.position)
        }
        let affinityField = fields["sessionAffinity"]
        let affinity = choice(affinityField, as: SessionAffinity.self, noun: "session affinity") ?? .none
        if let node = affinityField.node {
            switch (affinity, callers) {
            case (.clientIP, .proxy):
                report(
                    "client-ip affinity is kube-proxy's (Service sessionAffinity: ClientIP), and a proxy talks to pod IPs; "
                        + "expected \"cookie\" or \"none\" with proxy callers", at: affinityField.path, node.position)
            case (.cookie, .clients), (.cookie, .clusterIP):
                report(
                    "cookie affinity needs a proxy that reads the cookie; expected \"client-ip\" or \"none\" with "
                        + "clients and cluster-ip callers", at: affinityField.path, node.position)
            case (.none, _), (.clientIP, .clients), (.clientIP, .clusterIP), (.cookie, .proxy):
                break
            }
        }
        return TrafficSpec(
            rates: rates,
            users: integer(fields["users"], in: 1...Self.maximumUsers) ?? TrafficSpec.defaultUsers,
            requestsPerConnection: requestsPerConnection ?? TrafficSpec.defaultRequestsPerConnection,
            headers: headers,
            cookies: cookies,
            callers: callers,
            sessionAffinity: affinity
        )
    }

    /// `traffic.callers`: who balances requests over a Service's pods; a proxy by default.
    private mutating func decodeCallers(_ field: Field) -> CallersSpec {
        guard let fields = object(field, as: .callers) else { return .default }
        let via = choice(fields["via"], as: CallersSpec.Via.self, noun: "caller model", required: true)
        let accepted: [CallersSpec.Via: [String]] = [
            .proxy: ["via", "endpointDelay"], .clients: ["via", "idleTimeout"],
            .clusterIP: [
                "via", "instances", "connectionsPerInstance", "maxRequestsPerConnection", "maxConnectionAge",
                "idleTimeout",
            ],
        ]
        if let via, let keys = accepted[via] {
            for member in fields.members where !keys.contains(member.key) {
                report(
                    "\(member.key) does not apply to \(via.rawValue) callers; expected only \(keys.joined(separator: ", "))",
                    at: fields.path.key(member.key), member.keyPosition)
            }
        }
        switch via {
        case .clients:
            return .clients(idleTimeout: duration(fields["idleTimeout"]) ?? CallersSpec.defaultClientIdleTimeout)
        case .clusterIP:
            let pool = ConnectionPoolSpec(
                instances: integer(fields["instances"], in: 1...10_000) ?? ConnectionPoolSpec.defaultInstances,
                connectionsPerInstance: integer(fields["connectionsPerInstance"], in: 1...1_000)
                    ?? ConnectionPoolSpec.defaultConnectionsPerInstance,
                maxRequestsPerConnection: integer(fields["maxRequestsPerConnection"], in: 0...1_000_000_000)
                    ?? ConnectionPoolSpec.defaultMaxRequestsPerConnection,
                maxConnectionAge: duration(fields["maxConnectionAge"]) ?? .zero,
                idleTimeout: duration(fields["idleTimeout"]) ?? ConnectionPoolSpec.defaultIdleTimeout)
            if pool.connections > 1_000_000,
                let node = fields["instances"].node ?? fields["connectionsPerInstance"].node
            {
                report(
                    "\(pool.connections) connections in the pool; expected instances × connectionsPerInstance at most 1000000",
                    at: fields.path, node.position)
            }
            return .clusterIP(pool)
        case .proxy, nil:
            return .proxy(endpointDelay: duration(fields["endpointDelay"]) ?? CallersSpec.defaultEndpointDelay)
        }
    }

    /// A rate profile: points from `"0s"` on, times strictly increasing and before the end.
    private mutating func decodeProfile(_ field: Field, duration: SimDuration?) -> [RatePoint] {
        guard let elements = array(field, expecting: "an array of {\"at\", \"rps\"} points") else { return [] }
        guard let profileNode = field.node else { return [] }
        if elements.isEmpty {
            report("empty profile; expected at least one {\"at\", \"rps\"} point", at: field.path, profileNode.position)
        }
        var points: [RatePoint] = []
        var previous: SimDuration?
        for (index, element) in elements.enumerated() {
            let path = field.path.index(index)
            guard let point = fields(of: element, at: path, as: .ratePoint) else { continue }
            let atField = point["at"]
            let at = self.duration(atField, required: true)
            let rps = rate(point["rps"], allowsZero: true, required: true)
            if let at, let atNode = atField.node {
                if index == 0 && at != .zero {
                    report(
                        "the first point is at \(at); expected \"0s\" so the rate is defined from the start",
                        at: atField.path, atNode.position)
                } else if let previous, at <= previous {
                    report(
                        "\(at) is not after the previous point (\(previous)); expected increasing times",
                        at: atField.path, atNode.position)
                } else if let duration, at >= duration {
                    report(
                        "\(at) is not before the end of the scenario (\(duration)); expected a time within duration",
                        at: atField.path, atNode.position)
                }
                previous = at
            }
            if let at, let rps { points.append(RatePoint(at: at, rps: rps)) }
        }
        return points
    }

    private mutating func decodeHeaderShares(_ field: Field) -> [HeaderShare] {
        let elements = array(field, expecting: "an array of {\"name\", \"value\", \"share\"} objects") ?? []
        var shares: [HeaderShare] = []
        for (index, element) in elements.enumerated() {
            guard let fields = fields(of: element, at: field.path.index(index), as: .headerShare) else { continue }
            let name = string(fields["name"], required: true)
            let value = string(fields["value"], required: true, allowEmpty: true)
            let share = fraction(fields["share"], required: true)
            if let name, let value, let share { shares.append(HeaderShare(name: name, value: value, share: share)) }
        }
        checkShareSum(shares.map(\.share), field: field, noun: "share")
        return shares
    }

    private mutating func decodeCookieShares(_ field: Field) -> [CookieShare] {
        let elements = array(field, expecting: "an array of {\"name\", \"value\", \"userShare\"} objects") ?? []
        var shares: [CookieShare] = []
        for (index, element) in elements.enumerated() {
            guard let fields = fields(of: element, at: field.path.index(index), as: .cookieShare) else { continue }
            let name = string(fields["name"], required: true)
            let value = string(fields["value"], required: true, allowEmpty: true)
            let share = fraction(fields["userShare"], required: true)
            if let name, let value, let share { shares.append(CookieShare(name: name, value: value, userShare: share)) }
        }
        checkShareSum(shares.map(\.userShare), field: field, noun: "userShare")
        return shares
    }

    /// Shares describe disjoint groups of requests or users, so together they cannot exceed 1.
    private mutating func checkShareSum(_ shares: [Double], field: Field, noun: String) {
        let sum = shares.reduce(0, +)
        // A little slack so that 0.1 + 0.2 + 0.7 written in decimal is not refused.
        if sum > 1 + 1e-9, let node = field.node {
            report(
                "the \(noun) values add up to \(Self.format(sum)); expected at most 1", at: field.path, node.position)
        }
    }

    // MARK: Decision

    /// `priorities` (each figure once) and `maxFalseAbortRate`.
    mutating func decodeDecisionPolicy(_ fields: Fields) -> DecisionPolicy {
        var policy = DecisionPolicy()
        let field = fields["priorities"]
        let names = DecisionPolicy.Priority.allCases.map(\.rawValue).joined(separator: ", ")
        if let elements = array(field, expecting: "an array of figures (\(names))") {
            var priorities: [DecisionPolicy.Priority] = []
            for (index, element) in elements.enumerated() {
                let item = Field(node: element, path: field.path.index(index), parentPosition: fields.position)
                guard let priority = choice(item, as: DecisionPolicy.Priority.self, noun: "priority") else { continue }
                if priorities.contains(priority) {
                    report(
                        "\(priority.rawValue) is listed twice; expected each figure once", at: item.path,
                        element.position)
                }
                priorities.append(priority)
            }
            if !priorities.isEmpty { policy.priorities = priorities }
        }
        policy.maxFalseAbortRate = fraction(fields["maxFalseAbortRate"]) ?? DecisionPolicy.defaultMaxFalseAbortRate
        return policy
    }

    // MARK: Versions

    mutating func decodeVersions(_ field: Field) -> VersionsSpec {
        guard let fields = object(field, as: .versions) else { return VersionsSpec() }
        var versions = VersionsSpec()
        if let stable = object(fields["stable"], as: .stableVersion) {
            versions.stable.errorRate = fraction(stable["errorRate"]) ?? 0
        }
        if let candidate = object(fields["candidate"], as: .candidateVersion) {
            versions.candidate.errorRate = fraction(candidate["errorRate"]) ?? 0
            if let fault = object(candidate["fault"], as: .fault) {
                versions.candidate.fault = FaultSpec(
                    errorRate: fraction(fault["errorRate"], required: true) ?? 0,
                    users: fraction(fault["users"]) ?? 1,
                    after: duration(fault["after"]) ?? .zero
                )
            }
        }
        return versions
    }

    // MARK: Analysis

    /// An `analysis` key that may be absent (outer nil), `null` (inner nil) or an object.
    mutating func decodeOptionalAnalysis(_ field: Field) -> AnalysisSpec?? {
        guard let node = field.node else { return nil }
        if case .null = node.value { return .some(nil) }
        guard let fields = fields(of: node, at: field.path, as: .analysis) else { return .some(nil) }
        let maxErrorRate = fraction(fields["maxErrorRate"]) ?? AnalysisSpec.defaultMaxErrorRate
        let failErrorRate = fraction(fields["failErrorRate"])
        if let failErrorRate, failErrorRate < maxErrorRate, let node = fields["failErrorRate"].node {
            report(
                "failErrorRate \(Self.format(failErrorRate)) is below maxErrorRate \(Self.format(maxErrorRate)); expected at least maxErrorRate (rates between the two are inconclusive)",
                at: fields["failErrorRate"].path, node.position)
        }
        var metric = MetricSpec()
        if let metricFields = object(fields["metric"], as: .metric) {
            metric.scrapeInterval =
                duration(metricFields["scrapeInterval"], atLeast: Self.minimumInterval) ?? metric.scrapeInterval
            metric.window = duration(metricFields["window"], atLeast: Self.minimumInterval) ?? metric.window
        }
        return AnalysisSpec(
            interval: duration(fields["interval"], atLeast: Self.minimumInterval) ?? AnalysisSpec.defaultInterval,
            count: integer(fields["count"], in: 0...1_000_000) ?? 0,
            maxErrorRate: maxErrorRate,
            failErrorRate: failErrorRate,
            minRequests: integer(fields["minRequests"], in: 0...1_000_000_000) ?? AnalysisSpec.defaultMinRequests,
            noData: choice(fields["noData"], as: NoDataPolicy.self, noun: "noData policy") ?? .error,
            failureLimit: integer(fields["failureLimit"], in: 0...1_000_000) ?? 0,
            inconclusiveLimit: integer(fields["inconclusiveLimit"], in: 0...1_000_000) ?? 0,
            consecutiveErrorLimit: integer(fields["consecutiveErrorLimit"], in: 0...1_000_000)
                ?? AnalysisSpec.defaultConsecutiveErrorLimit,
            initialDelay: duration(fields["initialDelay"]) ?? .zero,
            metric: metric,
            background: boolean(fields["background"]) ?? true,
            afterPromotion: duration(fields["afterPromotion"]) ?? .zero
        )
    }
}
