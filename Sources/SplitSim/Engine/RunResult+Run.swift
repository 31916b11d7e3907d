extension RunResult {
    /// The figures of a finished run.
    init<Timer>(of state: RunState<Timer>, strategy: StrategySpec, scenario: Scenario) {
        let metrics = state.metrics
        let record = state.record
        let seconds = { (nanoseconds: Int64) in Double(nanoseconds) / 1e9 }
        let podSeconds = metrics.podNanoseconds / 1e9
        let baseline = Double(scenario.cluster.replicas) * scenario.duration.seconds
        var realized: [Double?] = []
        var peaks: [ShareWindows.Peak?] = []
        for (index, step) in strategy.kind.steps.enumerated() where step.setsShare {
            let slot = index + 1
            peaks.append(metrics.shareWindows.peak { $0.slot == slot })
            if slot < metrics.stepTraffic.count, metrics.stepTraffic[slot].requests > 0 {
                realized.append(
                    Double(metrics.stepTraffic[slot].candidate) / Double(metrics.stepTraffic[slot].requests))
            } else {
                realized.append(nil)
            }
        }
        // From the first faulty user request; a fault caught before any user met it took 0 s.
        var detection: Double?
        if let detected = record.detectedAt {
            detection = record.faultStartedAt.map { seconds(max(0, detected - $0)) } ?? 0
        }
        // Until production could not reach the candidate, draining connections included; 0
        // when production never reached it.
        var rollback: Double?
        if let detected = record.detectedAt {
            if metrics.candidateRequests == 0 {
                rollback = 0
            } else if let unreachable = record.candidateUnreachableAt {
                rollback = seconds(max(0, unreachable - detected))
            }
        }
        let users = Double(max(scenario.traffic.users, 1))
        self.init(
            outcome: record.outcome == .incomplete && record.fullTrafficAt != nil ? .promoted : record.outcome,
            candidateUserRequests: Double(metrics.candidateRequests),
            failedUserRequests: Double(metrics.failedCandidateRequests),
            usersExposed: Double(metrics.exposedUsers.count),
            usersFailed: Double(metrics.failedUsers.count),
            detectionSeconds: detection,
            rollbackSeconds: rollback,
            escaped: state.errors.hasFault && state.faultActive && record.candidateReachableAtEnd
                && metrics.candidateRequests > 0,
            excessFailedUserRequests: Double(metrics.excessFailedCandidateRequests),
            baselineFailedUserRequests: Double(metrics.failedCandidateRequests - metrics.excessFailedCandidateRequests),
            usersExposedShare: Double(metrics.exposedUsers.count) / users,
            usersFailedShare: Double(metrics.failedUsers.count) / users,
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
            stepPeaks: peaks,
            peakCandidateShare: metrics.shareWindows.peak(where: \.beforePromotion)?.share,
            analysisMeasurements: record.analysisMeasurements,
            measurementsWithData: record.measurementsWithData,
            abortedWithoutData: record.abortedWithoutData,
            requests: Double(metrics.requests),
            trace: state.trace,
            record: record,
            candidateRequestSpan: metrics.candidateRequests > 0
                ? metrics.firstCandidateRequestAt...metrics.lastCandidateRequestAt : nil
        )
    }
}
