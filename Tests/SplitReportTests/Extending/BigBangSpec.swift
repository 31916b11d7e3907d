import SplitSim

/// A toy strategy kind, written the way docs/architecture.md tells a newcomer to add one: the
/// candidate starts at full size beside stable, and after `delay` the Service switches to it
/// all at once; a failed analysis switches back. Only public API of SplitSim is used.
struct BigBangSpec: StrategyKindSpec {
    static let kindName = "big-bang"
    static let schemaDefinition = "bigBang"
    static let keys = ["delay"]

    /// How long the candidate runs idle before the switch.
    var delay: SimDuration

    static func decode(_ fields: inout StrategyFields) -> BigBangSpec {
        BigBangSpec(delay: fields.duration("delay", required: true) ?? .zero)
    }

    func makeStrategy(replicas: Int) -> Strategy {
        Strategy(delay: delay.nanoseconds, replicas: replicas)
    }

    func granularity(replicas: Int) -> GranularityPlan {
        GranularityPlan(minShare: 1)
    }

    struct Strategy: RolloutStrategy {
        enum Timer: Sendable {
            case switchDue
        }

        let delay: Int64
        let replicas: Int
        private var stable = 0
        private var candidate = 0
        private var switched = false

        init(delay: Int64, replicas: Int) {
            self.delay = delay
            self.replicas = replicas
        }

        mutating func begin(_ release: inout ReleaseControl<Timer>) {
            stable = release.addReplicaSet(named: "old", version: .stable)
            candidate = release.addReplicaSet(named: "new", version: .candidate)
            release.addRunningPods(replicas, to: stable)
            release.selectForService([stable])
            release.scale(candidate, to: replicas)
            release.schedule(.switchDue, after: delay)
        }

        mutating func handle(_ event: ReleaseEvent<Timer>, _ release: inout ReleaseControl<Timer>) {
            switch event {
            case .timer(.switchDue):
                guard !release.isAborted, release.readyPods(in: candidate) == replicas else {
                    release.schedule(.switchDue, after: 1_000_000_000)
                    return
                }
                switched = true
                release.selectForService([candidate])
                // With `analysis.afterPromotion`, the external watchdog starts here.
                release.candidateTookFullTraffic()
                release.scale(stable, to: 0)
            case .podGone:
                let gone = release.isAborted ? candidate : stable
                if switched && release.cluster.replicaSets[gone].existing == 0 { release.finish() }
            case .backgroundAnalysisEnded(let purpose, let phase) where phase != .inconclusive:
                release.abort(AbortReason(.analysis(purpose, phase), .switchBack))
                release.scale(stable, to: replicas)
            case .podReady:
                if release.isAborted && release.readyPods(in: stable) == replicas {
                    release.selectForService([stable])
                    release.scale(candidate, to: 0)
                }
            case .backgroundAnalysisEnded, .analysisFinished, .smokeTestFinished:
                break
            }
        }
    }
}
