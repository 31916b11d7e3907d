import SplitSim
import Testing

@Suite("Rolling update fenceposts")
struct RollingUpdateParametersTests {
    @Test(arguments: [
        // Kubernetes defaults: 25 % of 10 is 2.5, surge rounds up and unavailable down.
        (IntOrPercent.percent(25), IntOrPercent.percent(25), 10, 3, 2),
        (.percent(25), .percent(25), 1, 1, 0),
        (.percent(25), .percent(25), 4, 1, 1),
        // Both zero: unavailable becomes 1 so the rollout can move at all.
        (.count(0), .count(0), 10, 0, 1),
        (.percent(0), .percent(0), 10, 0, 1),
        // A percentage that rounds down to zero behaves the same.
        (.count(0), .percent(25), 3, 0, 1),
        (.count(0), .count(1), 3, 0, 1),
        (.percent(100), .count(0), 3, 3, 0),
        (.percent(10), .percent(10), 5, 1, 0),
    ])
    func resolveFenceposts(
        maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, replicas: Int, surge: Int, unavailable: Int
    ) {
        let resolved = RollingUpdateParameters.resolveFenceposts(
            maxSurge: maxSurge, maxUnavailable: maxUnavailable, replicas: replicas)
        #expect(resolved == RollingUpdateLimits(maxSurge: surge, maxUnavailable: unavailable))
    }

    @Test func limitsCapUnavailableAtReplicas() {
        let parameters = RollingUpdateParameters(maxSurge: .count(2), maxUnavailable: .count(5))
        #expect(parameters.limits(forReplicas: 3) == RollingUpdateLimits(maxSurge: 2, maxUnavailable: 3))
    }

    @Test func limitsOfAnEmptyRolloutAllowNoUnavailability() {
        #expect(
            RollingUpdateParameters.resolveFenceposts(maxSurge: .count(0), maxUnavailable: .count(0), replicas: 0)
                == RollingUpdateLimits(maxSurge: 0, maxUnavailable: 1))
        #expect(
            RollingUpdateParameters.defaults.limits(forReplicas: 0)
                == RollingUpdateLimits(maxSurge: 0, maxUnavailable: 0))
    }

    @Test func defaultsAreTwentyFivePercent() {
        #expect(
            RollingUpdateParameters.defaults
                == RollingUpdateParameters(maxSurge: .percent(25), maxUnavailable: .percent(25)))
    }
}
