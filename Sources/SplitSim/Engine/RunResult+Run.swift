extension RunResult {
    /// The figures of a finished run.
    init<Timer>(of state: RunState<Timer>, strategy: StrategySpec, scenario: Scenario) {
        let metrics = state.metrics
        let record = state.record
        let seconds = { (nanoseconds: Int64) in Double(nanoseconds) / 1e9 }
        let podSeconds = metrics.podNanoseconds / 1e9
        let baseline = Double(scenario.cluster.replicas) * scenario.duration.seconds
        var realized: [Double?] = []
        for (index, step) in strategy.kind.steps.enumerated() where step.setsShare {
            let slot = index + 1
            if slot < metrics.stepTraffic.count, metrics.stepTraffic[slot].requests > 0 {
                realized.append(
                    Double(metrics.stepTraffic[slot].candidate) / Double(metrics.stepTraffic[slot].requests))
            } else {
                realized.append(nil)
            }
        }
        var detection: Double?
        if let detected = record.detectedAt, let started = record.faultStartedAt {
            detection = seconds(max(0, detected - started))
        }
        var rollback: Double?
        if let detected = record.detectedAt, let unreachable = record.candidateUnreachableAt {
            rollback = seconds(unreachable - detected)
        }
        self.init(
            outcome: record.outcome == .incomplete && record.fullTrafficAt != nil ? .promoted : record.outcome,
            candidateUserRequests: Double(metrics.candidateRequests),
            failedUserRequests: Double(metrics.failedCandidateRequests),
            usersExposed: Double(metrics.exposedUsers.count),
            usersFailed: Double(metrics.failedUsers.count),
            detectionSeconds: detection,
            rollbackSeconds: rollback,
            escaped: state.errors.hasFault && record.fullTrafficAt != nil,
            smokeRequests: Double(metrics.smokeRequests),
            mirroredRequests: Double(metrics.mirroredRequests),
            podSeconds: podSeconds,
            extraPodSeconds: podSeconds - baseline,
            peakPods: Double(metrics.peakPods),
            money: podSeconds / 3600 * scenario.cluster.podHourlyCost,
            underCapacitySeconds: seconds(metrics.underCapacityNanoseconds),
            noReadyPodSeconds: seconds(metrics.noReadyPodNanoseconds),
            capacityFailedRequests: Double(metrics.capacityFailedRequests),
            stableRequests: Double(metrics.stableRequests),
            refusedRequests: Double(metrics.refusedRequests),
            durationSeconds: seconds(record.finishedAt ?? state.duration),
            usersSawBoth: Double(
                record.usersSawBothAtFinish ?? metrics.exposedUsers.intersectionCount(with: metrics.stableUsers)),
            realizedShares: realized,
            analysisMeasurements: record.analysisMeasurements,
            measurementsWithData: record.measurementsWithData,
            requests: Double(metrics.requests),
            trace: state.trace
        )
    }
}
