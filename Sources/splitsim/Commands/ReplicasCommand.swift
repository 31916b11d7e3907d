import SplitSim

/// `splitsim replicas`: the replica counts an Argo Rollouts canary controller asks for in
/// one reconcile of a given state, as Argo Rollouts' `utils/replicaset/canary.go` computes them.
enum ReplicasCommand: Command {
    static let name = "replicas"
    static let summary = "Compute the rollout controller's replica counts for one reconcile"
    static let help = """
        Usage: splitsim replicas --replicas R --weight W [--max-surge X] [--max-unavailable Y]
                                 [--stable SPEC/AVAILABLE] [--canary SPEC/AVAILABLE]
                                 [--older SPEC/AVAILABLE] [--traffic-routing] [--format text|json]

        Prints the stable and canary pod counts that one reconcile of an Argo Rollouts canary
        asks for, given the rollout's current state. Without a traffic router (a basic canary)
        the weight is realised by pod counts alone, within maxSurge and maxUnavailable; with
        --traffic-routing the canary gets ceil(W·R/100) pods and the stable set keeps all R.

        Options:
          --replicas R               spec.replicas of the rollout (required)
          --weight W                 current setWeight in percent, 0...100 (required)
          --max-surge X              pods above R, a count or a percentage (default 25%)
          --max-unavailable Y        pods below R that may be unavailable (default 25%)
          --stable SPEC/AVAILABLE    the stable ReplicaSet (default R/R)
          --canary SPEC/AVAILABLE    the canary ReplicaSet (default 0/0)
          --older SPEC/AVAILABLE     an older ReplicaSet; repeat for each one
          --traffic-routing          the rollout has a traffic router (ingress, mesh)
          --format text|json         text explains the decision; json prints
                                     {"stable": N, "canary": M} (default text)

        Example: splitsim replicas --replicas 10 --weight 20 --max-surge 1 --max-unavailable 0

        """

    /// Upper bound of every count, as Kubernetes stores them in 32 bits. Argo's own arithmetic
    /// on them is 32-bit too and may wrap; ``CanaryReplicaCalculator`` reproduces that.
    private static let largestCount = Int(Int32.max)

    private static let options = [
        "--replicas", "--weight", "--max-surge", "--max-unavailable", "--stable", "--canary", "--older",
        "--traffic-routing", "--format",
    ]

    static func run(_ arguments: inout ArgumentList) throws(CLIError) {
        let replicas = try arguments.integer("--replicas", in: 0...largestCount)
        let weight = try arguments.integer("--weight", in: 0...100)
        let maxSurge = try intOrPercent("--max-surge", in: &arguments) ?? RollingUpdateParameters.defaults.maxSurge
        let maxUnavailable =
            try intOrPercent("--max-unavailable", in: &arguments)
            ?? RollingUpdateParameters.defaults.maxUnavailable
        let stable = try arguments.value(of: "--stable").map { text throws(CLIError) in
            try replicaSet(text, flag: "--stable", in: arguments)
        }
        let canary =
            try arguments.value(of: "--canary").map { text throws(CLIError) in
                try replicaSet(text, flag: "--canary", in: arguments)
            } ?? .empty
        let older = try arguments.values(of: "--older").map { text throws(CLIError) in
            try replicaSet(text, flag: "--older", in: arguments)
        }
        let trafficRouting = arguments.flag("--traffic-routing")
        let format = try arguments.choice("--format", as: TextOrJSON.self) ?? .text
        if let extra = try arguments.positionals(known: options).first {
            throw arguments.usage("unexpected argument \"\(extra)\"; replicas takes options only")
        }
        guard let replicas else {
            throw arguments.usage("--replicas: missing; expected an integer in 0...\(largestCount)")
        }
        guard let weight else {
            throw arguments.usage("--weight: missing; expected an integer in 0...100")
        }
        guard !(maxSurge.isZero && maxUnavailable.isZero) else {
            throw arguments.usage("--max-surge and --max-unavailable: both are 0; expected at least one above 0")
        }

        let state = CanaryRolloutState(
            replicas: replicas, weight: weight, maxSurge: maxSurge, maxUnavailable: maxUnavailable,
            stable: stable, canary: canary, older: older)
        let counts =
            trafficRouting
            ? CanaryReplicaCalculator.trafficRoutedCounts(replicas: replicas, weight: weight)
            : CanaryReplicaCalculator.basicCanaryCounts(for: state)
        if format == .json {
            Console.write("{\"stable\": \(counts.stable), \"canary\": \(counts.canary)}\n")
        } else {
            Console.write(
                trafficRouting
                    ? routedExplanation(of: state, counts: counts) : basicExplanation(of: state, counts: counts))
        }
    }

    // MARK: - Parsing

    /// Reads an optional `maxSurge`-style value: a count such as `3` or a percentage such as `25%`.
    ///
    /// A count is an `int32` in Kubernetes' `IntOrString`, so at most ``largestCount``; a
    /// percentage is a string that Argo Rollouts parses with Go's `strconv.Atoi`, so any
    /// 64-bit value is one the controller acts on (utils/replicaset/replicaset.go `resolveFenceposts`).
    private static func intOrPercent(_ flag: String, in arguments: inout ArgumentList) throws(CLIError) -> IntOrPercent?
    {
        guard let text = try arguments.value(of: flag) else { return nil }
        let isPercent = text.hasSuffix("%")
        guard let number = count(isPercent ? String(text.dropLast()) : text, atMost: isPercent ? Int.max : largestCount)
        else {
            throw arguments.usage(
                "\(flag): \"\(text)\" is not valid; expected a count such as 1 or a percentage such as 25%")
        }
        return isPercent ? .percent(number) : .count(number)
    }

    /// Parses `SPEC/AVAILABLE`, e.g. `10/8`. AVAILABLE may exceed SPEC: a ReplicaSet being
    /// scaled down keeps its available pods until they terminate, and Argo's reconcile sees that.
    private static func replicaSet(_ text: String, flag: String, in arguments: ArgumentList) throws(CLIError)
        -> ReplicaSetState
    {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let spec = count(parts[0]), let available = count(parts[1]) else {
            throw arguments.usage(
                "\(flag): \"\(text)\" is not valid; expected SPEC/AVAILABLE, two counts such as 10/8")
        }
        return ReplicaSetState(spec: spec, available: available)
    }

    /// A non-negative decimal count no larger than `limit` (``largestCount`` unless told), or nil.
    private static func count(_ text: some StringProtocol, atMost limit: Int = largestCount) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(text), number <= limit
        else { return nil }
        return number
    }

    // MARK: - Text output

    private static func basicExplanation(of state: CanaryRolloutState, counts: CanaryReplicaCounts) -> String {
        let limits = state.limits
        let target = CanaryReplicaCalculator.approximateWeightedCounts(
            replicas: state.replicas, weight: state.weight, maxSurge: limits.maxSurge)
        var candidates: [CanaryReplicaCounts] = []
        CanaryReplicaCalculator.forEachSplitCandidate(
            replicas: state.replicas, weight: state.weight, maxSurge: limits.maxSurge
        ) { candidate in
            if !candidates.contains(candidate) { candidates.append(candidate) }
        }
        var text =
            "Argo Rollouts basic canary (no traffic router), \(state.replicas) replicas at weight \(state.weight) %\n"
        text +=
            "  limits:   maxSurge \(state.maxSurge) -> \(limits.maxSurge), maxUnavailable \(state.maxUnavailable)"
            + " -> \(limits.maxUnavailable): at most \(state.replicas + limits.maxSurge) pods,"
            + " at least \(state.replicas - limits.maxUnavailable) available\n"
        if state.replicas == 0 {
            text += "  target:   no pods\n"
        } else if candidates.isEmpty {
            text +=
                "  target:   canary/total \(split(target)); no candidate split is allowed, so all pods stay stable\n"
        } else {
            text +=
                "  target:   canary/total \(split(target)), the closest to \(state.weight) % among "
                + candidates.map(split).joined(separator: ", ") + "\n"
        }
        text +=
            "  now:      stable \(state.stable.spec) (\(state.stable.available) available),"
            + " canary \(state.canary.spec) (\(state.canary.available) available)"
        let olderPods = state.older.reduce(0) { $0 + $1.spec }
        if !state.older.isEmpty {
            text += ", older ReplicaSets \(olderPods) (\(state.older.reduce(0) { $0 + $1.available }) available)"
        }
        text += "\n"
        if olderPods > 0 {
            text += "  older ReplicaSets still hold pods, so nothing else scales down in this reconcile\n"
        }
        text += "  desired:  stable \(counts.stable), canary \(counts.canary)\n"
        return text
    }

    private static func routedExplanation(of state: CanaryRolloutState, counts: CanaryReplicaCounts) -> String {
        """
        Argo Rollouts canary with a traffic router, \(state.replicas) replicas at weight \(state.weight) %
          canary:   ceil(\(state.weight) x \(state.replicas) / 100) = \(counts.canary) pods
          stable:   all \(state.replicas) pods stay, because the router, not the pod counts, splits the traffic
          desired:  stable \(counts.stable), canary \(counts.canary)

        """
    }

    /// `2/11 (18.2 %)`: canary pods out of all pods, and that share to a tenth of a percent.
    private static func split(_ counts: CanaryReplicaCounts) -> String {
        let total = max(counts.total, 1)
        let tenths = (counts.canary * 1000 + total / 2) / total
        return "\(counts.canary)/\(counts.total) (\(tenths / 10).\(tenths % 10) %)"
    }
}
