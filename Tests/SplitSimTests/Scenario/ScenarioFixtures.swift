@testable import SplitSim

/// Scenario texts shared by the tests; kept inline because the test target declares no resources.
enum ScenarioFixtures {
    /// The built-in scenario with a plain `rps` beside its `profile`, which a file must not combine.
    static let builtInWithRpsAndProfile = BuiltInScenario.text.replacing(
        #""profile": "#, with: #""rps": 400, "profile": "#, maxReplacements: 1)

    /// A small valid scenario with the given top-level members replacing (or adding to) the
    /// defaults; a `nil` value removes the member. Values are raw JSON.
    static func scenario(_ overrides: [(String, String?)] = []) -> String {
        var members: [(String, String)] = [
            ("name", #""test""#),
            ("traffic", #"{"rps": 100}"#),
            ("cluster", #"{"replicas": 4}"#),
            ("strategies", #"[{"name": "plain", "kind": "rolling-update"}]"#),
        ]
        for (key, value) in overrides {
            let existing = members.firstIndex { $0.0 == key }
            switch (existing, value) {
            case (let index?, let value?): members[index].1 = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
        return "{\n" + members.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// A small valid scenario whose only strategy is `strategy` (raw JSON).
    static func scenario(strategy: String, extra: [(String, String?)] = []) -> String {
        scenario([("strategies", "[\(strategy)]")] + extra)
    }

    /// The problems decoding `text` reports, one rendered line each without the file name;
    /// empty when the scenario is valid. A malformed-JSON error renders as its single line.
    static func problems(in text: String) -> [String] {
        do {
            _ = try Scenario(decoding: text, file: "x.json")
            return []
        } catch {
            switch error {
            case .invalid(_, let problems): return problems.map(\.description)
            default: return error.lines
            }
        }
    }
}
