import Testing

@testable import SplitSim

@Suite struct AnalysisMonitorTests {
    @Test func measuresEachWindowAndFailsAboveTheLimit() {
        var monitor = AnalysisMonitor(interval: 60, maxErrorRate: 0.05, minRequests: 20, failureLimit: 1)
        monitor.startWindow(requests: 0, failures: 0)
        #expect(monitor.measure(requests: 10, failures: 5) == .inconclusive(requests: 10))
        #expect(monitor.measure(requests: 110, failures: 6) == .passed(errorRate: 0.01, requests: 100))
        #expect(monitor.measure(requests: 210, failures: 16) == .failed(errorRate: 0.1, requests: 100))
        #expect(!monitor.hasFailed)
        #expect(monitor.measure(requests: 310, failures: 26) == .failed(errorRate: 0.1, requests: 100))
        #expect(monitor.hasFailed)
    }

    @Test func anErrorRateEqualToTheThresholdPasses() {
        var monitor = AnalysisMonitor(interval: 60, maxErrorRate: 0.1, minRequests: 1, failureLimit: 0)
        #expect(monitor.measure(requests: 100, failures: 10) == .passed(errorRate: 0.1, requests: 100))
    }
}
