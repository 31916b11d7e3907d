import Foundation
import SplitReport
import SplitSim

/// The shape of one strategy's object in `compare --format json`, known before anything is
/// simulated: the JSON renderer's output for a made-up strategy whose every figure was produced.
///
/// `--assert` checks its paths against it, so that a misspelt path is a usage error before a
/// long comparison rather than after. Where the shape holds `null` or an empty list (a figure
/// the made-up strategy cannot fill), whatever follows is checked only against the real report.
enum StrategyJSONShape {
    /// The strategy object, parsed back from the renderer's text.
    static func object() -> Any? {
        guard let figure = SummaryStatistics([1]) else { return nil }
        let strategy = StrategyComparison(
            name: "shape", kind: "shape",
            outcome: .init(promoted: 1, aborted: 0, paused: 0, incomplete: 0),
            granularity: Granularity(
                minCandidateShare: 1,
                steps: [StepGranularity(label: "shape", requested: 1, effective: 1, realized: figure)]),
            exposure: .init(
                candidateUserRequests: figure, failedUserRequests: figure, usersExposed: figure, usersFailed: figure,
                detectionSeconds: figure, rollbackSeconds: figure, escaped: 0, smokeRequests: figure,
                mirroredRequests: figure),
            cost: .init(
                podSeconds: figure, extraPodSeconds: figure, peakPods: figure, money: figure,
                underCapacitySeconds: figure),
            availability: .init(
                underCapacitySeconds: figure, noReadyPodSeconds: figure, capacityFailedRequests: figure),
            durationSeconds: figure, usersSawBoth: figure, warnings: [])
        let scenario = ScenarioComparison(
            name: "shape", description: nil, file: "shape.json", runs: 1, seed: 1, replicas: 1, durationSeconds: 1,
            strategies: [strategy])
        let text = JSONReport.render([scenario], version: SplitsimCommandLine.version)
        return ReportJSON.strategies(in: text)?.first?.object
    }
}

/// The `compare --format json` document read back with Foundation, for `--assert`.
enum ReportJSON {
    /// One strategy of one scenario of the report.
    struct Strategy {
        /// The scenario's file, as the report names it.
        var file: String
        var name: String
        /// The strategy's object, as `JSONSerialization` returns it.
        var object: Any
    }

    /// Every strategy of every scenario, in report order; nil when `text` is not a report.
    static func strategies(in text: String) -> [Strategy]? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let scenarios = root["scenarios"] as? [[String: Any]]
        else { return nil }
        var result: [Strategy] = []
        for scenario in scenarios {
            guard let strategies = scenario["strategies"] as? [[String: Any]] else { return nil }
            let file = scenario["file"] as? String ?? ""
            for strategy in strategies {
                result.append(Strategy(file: file, name: strategy["name"] as? String ?? "", object: strategy))
            }
        }
        return result
    }
}
