import SplitRouter

/// What each mechanism can express, computed from the strategy and the cluster without
/// simulating: the smallest share, the share each step can really set, and warnings.
enum GranularityModel {
    /// The requested and effective share of each weight or replica step, and the smallest share.
    static func plan(for strategy: StrategySpec, replicas: Int) -> (
        minShare: Double, steps: [(label: String, requested: Double, effective: Double)]
    ) {
        switch strategy.kind {
        case .serviceSplit(let spec):
            let router = spec.router
            let steps = spec.steps.compactMap { step -> (String, Double, Double)? in
                guard case .setWeight(let weight) = step else { return nil }
                return (
                    "setWeight \(weight)", Double(weight) / Double(spec.weightScale),
                    router.effectiveShare(weight: Double(weight), weightTotal: spec.weightTotal)
                )
            }
            return (router.smallestShare(weightTotal: spec.weightTotal), steps)
        case .deploymentSplit(let spec):
            let steps = spec.steps.compactMap { step -> (String, Double, Double)? in
                switch step {
                case .setReplicas(let count):
                    let share = Double(count) / Double(count + replicas)
                    return ("setReplicas \(count)", share, share)
                case .setWeight(let weight):
                    let count = DeploymentSplitStrategy.canaryPods(forWeight: weight, replicas: replicas)
                    return ("setWeight \(weight)", Double(weight) / 100, Double(count) / Double(count + replicas))
                default:
                    return nil
                }
            }
            return (1 / Double(replicas + 1), steps)
        case .replicaSetSplit(let spec):
            let surge = spec.maxSurge.resolved(against: replicas, roundingUp: true)
            let steps = spec.steps.compactMap { step -> (String, Double, Double)? in
                guard case .setWeight(let weight) = step else { return nil }
                let counts = CanaryReplicaCalculator.approximateWeightedCounts(
                    replicas: replicas, weight: weight, maxSurge: surge)
                return ("setWeight \(weight)", Double(weight) / 100, counts.canaryShare)
            }
            let finest = CanaryReplicaCalculator.finestSplit(replicas: replicas, maxSurge: surge)?.canaryShare ?? 1
            return (finest, steps)
        case .gatewayRoute, .blueGreen:
            return (1, [])
        case .rollingUpdate:
            return (1 / Double(max(replicas, 1)), [])
        }
    }

    /// Plain-language warnings about what the strategy cannot do as written.
    static func warnings(for strategy: StrategySpec, scenario: Scenario) -> [String] {
        let replicas = scenario.cluster.replicas
        var warnings: [String] = []
        let plan = plan(for: strategy, replicas: replicas)
        for (index, step) in plan.steps.enumerated()
        where abs(step.effective - step.requested) > max(0.005, step.requested / 10) {
            let asked = ShareText.percent(step.requested)
            let got = ShareText.percent(step.effective)
            switch strategy.kind {
            case .serviceSplit(let spec):
                warnings.append(
                    "weight step \(index + 1) asks \(asked); \(spec.router.rawValue) can only set multiples of \(ShareText.percent(plan.minShare)), so it gets \(got)"
                )
            case .replicaSetSplit:
                warnings.append(
                    "weight step \(index + 1) asks \(asked); with \(replicas) replicas the closest pod split gives \(got)"
                )
            case .deploymentSplit:
                warnings.append(
                    "step \(index + 1) asks \(asked); \(replicas) stable pods allow only ratios such as \(got)")
            default:
                break
            }
        }
        if case .serviceSplit(let spec) = strategy.kind, case .fixed(let pods) = spec.canaryReplicas,
            let perPod = scenario.cluster.podCapacityRps
        {
            let peakRate = scenario.traffic.rates.map(\.rps).max() ?? 0
            for (index, step) in plan.steps.enumerated() where step.effective < 1 {
                let offered = peakRate * step.effective
                if offered > Double(pods) * perPod {
                    warnings.append(
                        "weight step \(index + 1) sends up to \(Int(offered.rounded())) requests/s to \(pods) canary pod(s) that serve \(Int((Double(pods) * perPod).rounded())): the canary overloads"
                    )
                    break
                }
            }
        }
        if case .serviceSplit(let spec) = strategy.kind, spec.router != .ingressNginx,
            spec.header != nil || spec.cookie != nil
        {
            warnings.append(
                "header and cookie rules are simulated for ingress-nginx only; with \(spec.router.rawValue) every request is split by weight"
            )
        }
        if strategy.analysis == nil, scenario.versions.candidate.fault != nil {
            warnings.append("no analysis: nothing in production can stop a faulty candidate")
        }
        return warnings
    }
}
