import Testing

@testable import SplitSim

/// One broken scenario and the exact problems it must produce.
struct BrokenScenario: CustomTestStringConvertible, Sendable {
    var label: String
    var text: String
    var problems: [String]

    init(_ label: String, _ text: String, _ problems: [String]) {
        self.label = label
        self.text = text
        self.problems = problems
    }

    var testDescription: String { label }
}

private typealias F = ScenarioFixtures

/// A scenario whose only strategy has `kind` and the given extra members (raw JSON, no braces).
private func strategy(_ kind: String, _ members: String) -> String {
    F.scenario(strategy: #"{"name": "s", "kind": "\#(kind)", \#(members)}"#)
}

@Suite("Scenario validation")
struct ScenarioValidationTests {
    static let topLevel: [BrokenScenario] = [
        BrokenScenario("root not an object", "[1]", ["$: expected an object, found an array"]),
        BrokenScenario(
            "missing required keys", "{}",
            [
                "name: missing required key; expected a string",
                "cluster: missing required key; expected an object",
                "traffic: missing required key; expected an object",
                "strategies: missing required key; expected a non-empty array of strategies",
            ]),
        BrokenScenario(
            "unknown top-level key", F.scenario([("sead", "3")]), [#"sead: unknown key; did you mean "seed"?"#]),
        BrokenScenario(
            "unknown key without suggestion", F.scenario([("colour", "3")]),
            [
                "colour: unknown key; expected one of $schema, name, description, seed, runs, duration, traffic, cluster, versions, analysis, priorities, maxFalseAbortRate, strategies"
            ]),
        BrokenScenario(
            "empty name", F.scenario([("name", #""""#)]), ["name: empty string; expected a non-empty string"]),
        BrokenScenario("name not a string", F.scenario([("name", "3")]), ["name: expected a string, found a number"]),
        BrokenScenario(
            "negative seed", F.scenario([("seed", "-1")]),
            ["seed: -1 is out of range; expected 0...18446744073709551615"]),
        BrokenScenario(
            "seed too large", F.scenario([("seed", "18446744073709551616")]),
            [
                "seed: 18446744073709551616 is out of range; expected 0...18446744073709551615"
            ]),
        BrokenScenario(
            "fractional seed", F.scenario([("seed", "1.5")]),
            [
                "seed: 1.5 is not a whole number; expected an integer 0...18446744073709551615"
            ]),
        BrokenScenario(
            "seed as string", F.scenario([("seed", #""7""#)]),
            [
                "seed: expected an integer 0...18446744073709551615, found a string"
            ]),
        BrokenScenario("zero runs", F.scenario([("runs", "0")]), ["runs: 0 is out of range; expected 1...10000"]),
        BrokenScenario(
            "fractional runs", F.scenario([("runs", "2.5")]),
            ["runs: 2.5 is not a whole number; expected an integer 1...10000"]),
        BrokenScenario(
            "bad duration", F.scenario([("duration", #""2 hours""#)]),
            [
                #"duration: "2 hours" is not a duration; expected a duration such as "90s", "5m", "1h30m", "250ms" or a number of seconds"#
            ]),
        BrokenScenario(
            "negative duration", F.scenario([("duration", #""-5m""#)]),
            [
                #"duration: "-5m" is negative; expected a duration of at least 0s"#
            ]),
        BrokenScenario(
            "negative numeric duration", F.scenario([("duration", "-60")]),
            [
                "duration: -60 is negative; expected a duration of at least 0s"
            ]),
        BrokenScenario(
            "zero duration", F.scenario([("duration", #""0s""#)]),
            [
                #"duration: "0s" is zero; expected a duration greater than 0s"#
            ]),
        // Issue 16: exactly 9000000000 was refused with "expected at most 9000000000 seconds".
        BrokenScenario(
            "a duration past the bound it states", F.scenario([("duration", "9000000000")]),
            [
                "duration: 9000000000 is too long; expected at most 1000000000 seconds (about 31 years)"
            ]),
        BrokenScenario(
            "a duration string past the bound", F.scenario([("duration", #""300000h""#)]),
            [
                #"duration: "300000h" is too long; expected at most 1000000000 seconds (about 31 years)"#
            ]),
        BrokenScenario(
            "absurd duration", F.scenario([("duration", "1e12")]),
            [
                "duration: 1e12 is too long; expected at most 1000000000 seconds (about 31 years)"
            ]),
        BrokenScenario(
            "duration of the wrong type", F.scenario([("duration", "true")]),
            [
                #"duration: expected a duration such as "90s", "5m", "1h30m", "250ms" or a number of seconds, found a boolean"#
            ]),
        BrokenScenario(
            "empty strategies", F.scenario([("strategies", "[]")]),
            ["strategies: empty list; expected at least one strategy"]),
        BrokenScenario(
            "strategies not an array", F.scenario([("strategies", "{}")]),
            [
                "strategies: expected a non-empty array of strategies, found an object"
            ]),
    ]

    static let traffic: [BrokenScenario] = [
        BrokenScenario(
            "rps as string", F.scenario([("traffic", #"{"rps": "400"}"#)]),
            ["traffic.rps: expected a number, found a string"]),
        // Issue 16: 1e-12 requests/s trapped converting the time between requests to Int64.
        BrokenScenario(
            "rps below one request in 11.6 days", F.scenario([("traffic", #"{"rps": 1e-12}"#)]),
            [
                "traffic.rps: 1e-12 is out of range; expected 1e-06...1000000 requests/s"
            ]),
        BrokenScenario(
            "a profile point below the smallest rate",
            F.scenario([("traffic", #"{"profile": [{"at": "0s", "rps": 1e-9}]}"#)]),
            [
                "traffic.profile[0].rps: 1e-9 is out of range; expected 0 or 1e-06...1000000 requests/s"
            ]),
        BrokenScenario(
            "negative rps", F.scenario([("traffic", #"{"rps": -5}"#)]),
            [
                "traffic.rps: -5 is out of range; expected 1e-06...1000000 requests/s"
            ]),
        BrokenScenario(
            "rps and profile", F.scenario([("traffic", #"{"rps": 5, "profile": [{"at": "0s", "rps": 1}]}"#)]),
            [
                "traffic: both rps and profile are given; expected exactly one of them"
            ]),
        BrokenScenario(
            "neither rps nor profile", F.scenario([("traffic", #"{"users": 5}"#)]),
            [
                "traffic: neither rps nor profile is given; expected exactly one of them"
            ]),
        BrokenScenario(
            "profile not starting at zero", F.scenario([("traffic", #"{"profile": [{"at": "5m", "rps": 1}]}"#)]),
            [
                #"traffic.profile[0].at: the first point is at 5m; expected "0s" so the rate is defined from the start"#
            ]),
        BrokenScenario(
            "profile times not increasing",
            F.scenario([
                (
                    "traffic",
                    #"""
                    {"profile": [{"at": "0s", "rps": 1}, {"at": "30m", "rps": 2}, {"at": "30m", "rps": 3}, {"at": "10m", "rps": 3}]}
                    """#
                )
            ]),
            [
                "traffic.profile[2].at: 30m is not after the previous point (30m); expected increasing times",
                "traffic.profile[3].at: 10m is not after the previous point (30m); expected increasing times",
            ]),
        BrokenScenario(
            "profile beyond the end",
            F.scenario([("traffic", #"{"profile": [{"at": "0s", "rps": 1}, {"at": "2h", "rps": 2}]}"#)]),
            [
                "traffic.profile[1].at: 2h is not before the end of the scenario (1h); expected a time within duration"
            ]),
        BrokenScenario(
            "empty profile", F.scenario([("traffic", #"{"profile": []}"#)]),
            [
                #"traffic.profile: empty profile; expected at least one {"at", "rps"} point"#
            ]),
        BrokenScenario(
            "profile point missing rps", F.scenario([("traffic", #"{"profile": [{"at": "0s"}]}"#)]),
            [
                "traffic.profile[0].rps: missing required key; expected a rate 0 or 1e-06...1000000 requests/s"
            ]),
        BrokenScenario(
            "zero users", F.scenario([("traffic", #"{"rps": 5, "users": 0}"#)]),
            [
                "traffic.users: 0 is out of range; expected 1...100000000"
            ]),
        BrokenScenario(
            "requestsPerConnection below one", F.scenario([("traffic", #"{"rps": 5, "requestsPerConnection": 0.5}"#)]),
            [
                "traffic.requestsPerConnection: 0.5 is out of range; expected 1...1000000"
            ]),
        BrokenScenario(
            "header shares above one",
            F.scenario([
                (
                    "traffic",
                    #"""
                    {"rps": 5, "headers": [{"name": "a", "value": "1", "share": 0.6}, {"name": "b", "value": "1", "share": 0.5}]}
                    """#
                )
            ]), ["traffic.headers: the share values add up to 1.1; expected at most 1"]),
        BrokenScenario(
            "cookie share not a fraction",
            F.scenario([
                (
                    "traffic",
                    #"""
                    {"rps": 5, "cookies": [{"name": "c", "value": "always", "userShare": 1.5}]}
                    """#
                )
            ]), ["traffic.cookies[0].userShare: 1.5 is out of range; expected a fraction 0...1"]),
        BrokenScenario(
            "header share with a typo",
            F.scenario([
                (
                    "traffic",
                    #"""
                    {"rps": 5, "headers": [{"name": "a", "value": "1", "shares": 0.1}]}
                    """#
                )
            ]),
            [
                "traffic.headers[0].share: missing required key; expected a fraction 0...1",
                #"traffic.headers[0].shares: unknown key; did you mean "share"?"#,
            ]),
    ]

    static let clusterAndVersions: [BrokenScenario] = [
        BrokenScenario(
            "misspelt replicas", F.scenario([("cluster", #"{"replica": 4}"#)]),
            [
                // A missing key is reported where its object starts, so before the object's members.
                "cluster.replicas: missing required key; expected an integer 1...10000",
                #"cluster.replica: unknown key; did you mean "replicas"?"#,
            ]),
        BrokenScenario(
            "negative replicas", F.scenario([("cluster", #"{"replicas": -1}"#)]),
            [
                "cluster.replicas: -1 is out of range; expected 1...10000"
            ]),
        BrokenScenario(
            "fractional replicas", F.scenario([("cluster", #"{"replicas": 2.5}"#)]),
            [
                "cluster.replicas: 2.5 is not a whole number; expected an integer 1...10000"
            ]),
        BrokenScenario(
            "negative pod startup", F.scenario([("cluster", #"{"replicas": 2, "podStartup": "-30s"}"#)]),
            [
                #"cluster.podStartup: "-30s" is negative; expected a duration of at least 0s"#
            ]),
        BrokenScenario(
            "zero capacity", F.scenario([("cluster", #"{"replicas": 2, "podCapacityRps": 0}"#)]),
            [
                "cluster.podCapacityRps: 0 is out of range; expected 1e-06...1000000 requests/s"
            ]),
        BrokenScenario(
            "error rate above one", F.scenario([("versions", #"{"stable": {"errorRate": 1.2}}"#)]),
            [
                "versions.stable.errorRate: 1.2 is out of range; expected a fraction 0...1"
            ]),
        BrokenScenario(
            "negative fault share",
            F.scenario([("versions", #"{"candidate": {"fault": {"errorRate": 0.1, "users": -0.1}}}"#)]),
            [
                "versions.candidate.fault.users: -0.1 is out of range; expected a fraction 0...1"
            ]),
        BrokenScenario(
            "fault on the stable version", F.scenario([("versions", #"{"stable": {"fault": {"errorRate": 0.1}}}"#)]),
            [
                "versions.stable.fault: unknown key; expected one of errorRate"
            ]),
        BrokenScenario(
            "fault without error rate", F.scenario([("versions", #"{"candidate": {"fault": {"users": 0.5}}}"#)]),
            [
                "versions.candidate.fault.errorRate: missing required key; expected a fraction 0...1"
            ]),
        BrokenScenario(
            "zero analysis interval", F.scenario([("analysis", #"{"interval": 0}"#)]),
            [
                "analysis.interval: 0 is shorter than 1s; expected at least 1s"
            ]),
        // Issue 16: an interval of 1e-9 s hung (3.6·10¹² measurements per hour).
        BrokenScenario(
            "analysis interval of a nanosecond", F.scenario([("analysis", #"{"interval": 1e-9}"#)]),
            [
                "analysis.interval: 1e-9 is shorter than 1s; expected at least 1s"
            ]),
        BrokenScenario(
            "scrape interval under a second", F.scenario([("analysis", #"{"metric": {"scrapeInterval": "100ms"}}"#)]),
            [
                #"analysis.metric.scrapeInterval: "100ms" is shorter than 1s; expected at least 1s"#
            ]),
        BrokenScenario(
            "negative failure limit", F.scenario([("analysis", #"{"failureLimit": -1}"#)]),
            [
                "analysis.failureLimit: -1 is out of range; expected 0...1000000"
            ]),
    ]

    static let strategies: [BrokenScenario] = [
        BrokenScenario(
            "missing kind", F.scenario(strategy: #"{"name": "s"}"#),
            [
                #"strategies[0].kind: missing required key; expected one of "service-split", "deployment-split", "replicaset-split", "gateway-route", "blue-green", "rolling-update", "flagger""#
            ]),
        BrokenScenario(
            "misspelt kind", F.scenario(strategy: #"{"name": "s", "kind": "blue-gren"}"#),
            [
                #"strategies[0].kind: "blue-gren" is not a known strategy kind; did you mean "blue-green"?"#
            ]),
        BrokenScenario(
            "unknown kind still checks keys",
            F.scenario(strategy: #"{"name": "s", "kind": "canary", "roter": "istio"}"#),
            [
                #"strategies[0].kind: "canary" is not a known strategy kind; expected one of "service-split", "deployment-split", "replicaset-split", "gateway-route", "blue-green", "rolling-update", "flagger""#,
                #"strategies[0].roter: unknown key; did you mean "router"?"#,
            ]),
        BrokenScenario(
            "strategy not an object", F.scenario(strategy: "3"), ["strategies[0]: expected an object, found a number"]),
        BrokenScenario(
            "duplicate names",
            F.scenario([
                (
                    "strategies",
                    #"""
                    [{"name": "a", "kind": "rolling-update"}, {"name": "b", "kind": "rolling-update"}, {"name": "a", "kind": "blue-green"}]
                    """#
                )
            ]), [#"strategies[2].name: "a" is already the name of strategies[0]; expected unique names"#]),
        BrokenScenario(
            "key of another kind", strategy("rolling-update", #""router": "istio""#),
            [
                "strategies[0].router: unknown key; expected one of name, description, kind, analysis, maxSurge, maxUnavailable"
            ]),
        BrokenScenario(
            "steps on blue-green", strategy("blue-green", #""steps": [{"setWeight": 10}]"#),
            [
                "strategies[0].steps: blue-green takes no steps; expected no steps key (it switches all traffic at once)"
            ]),
        BrokenScenario(
            "steps on rolling-update", strategy("rolling-update", #""steps": []"#),
            [
                "strategies[0].steps: rolling-update takes no steps; expected no steps key (it replaces pods without pausing)"
            ]),
        BrokenScenario(
            "steps on gateway-route",
            strategy("gateway-route", #""header": {"name": "x"}, "steps": [{"pause": "1m"}]"#),
            [
                "strategies[0].steps: gateway-route takes no steps; expected no steps key (only header traffic reaches the canary copy, then a rolling update moves production)"
            ]),
        BrokenScenario(
            "gateway-route without header", strategy("gateway-route", #""canaryReplicas": 1"#),
            [
                "strategies[0].header: missing required key; expected an object"
            ]),
        BrokenScenario(
            "missing steps", strategy("replicaset-split", #""maxSurge": 1"#),
            [
                "strategies[0].steps: missing required key; expected a non-empty array of steps"
            ]),
        BrokenScenario(
            "empty steps", strategy("service-split", #""steps": []"#),
            [
                "strategies[0].steps: empty list; expected at least one step"
            ]),
        BrokenScenario(
            "setWeight above 100", strategy("service-split", #""steps": [{"setWeight": 140}]"#),
            [
                "strategies[0].steps[0].setWeight: 140 is out of range; expected 0...100"
            ]),
        BrokenScenario(
            "setWeight above a raised nginx total",
            strategy("service-split", #""weightTotal": 1000, "steps": [{"setWeight": 1001}]"#),
            [
                "strategies[0].steps[0].setWeight: 1001 is out of range; expected 0...1000 (out of weightTotal 1000)"
            ]),
        BrokenScenario(
            "nginx total below 100 still means 100",
            strategy("service-split", #""weightTotal": 50, "steps": [{"setWeight": 101}]"#),
            [
                "strategies[0].steps[0].setWeight: 101 is out of range; expected 0...100"
            ]),
        BrokenScenario(
            "setWeight above a gateway-api total",
            strategy("service-split", #""router": "gateway-api", "weightTotal": 10, "steps": [{"setWeight": 11}]"#),
            [
                "strategies[0].steps[0].setWeight: 11 is out of range; expected 0...10 (out of weightTotal 10)"
            ]),
        BrokenScenario(
            "gateway-api total too large",
            strategy("service-split", #""router": "gateway-api", "weightTotal": 1000001, "steps": [{"setWeight": 1}]"#),
            [
                "strategies[0].weightTotal: 1000001 is out of range; expected 1...1000000"
            ]),
        BrokenScenario(
            "istio with a weight total",
            strategy("service-split", #""router": "istio", "weightTotal": 1000, "steps": [{"setWeight": 1}]"#),
            [
                "strategies[0].weightTotal: istio weights are whole percentages; expected 100 or no weightTotal"
            ]),
        BrokenScenario(
            "setWeight in percent for replicaset-split",
            strategy("replicaset-split", #""steps": [{"setWeight": 101}]"#),
            [
                "strategies[0].steps[0].setWeight: 101 is out of range; expected 0...100"
            ]),
        BrokenScenario(
            "fractional setWeight", strategy("service-split", #""steps": [{"setWeight": 2.5}]"#),
            [
                "strategies[0].steps[0].setWeight: 2.5 is not a whole number; expected an integer 0...100"
            ]),
        BrokenScenario(
            "unknown router", strategy("service-split", #""router": "nginx", "steps": [{"setWeight": 1}]"#),
            [
                #"strategies[0].router: "nginx" is not a known router; expected one of "ingress-nginx", "gateway-api", "istio""#
            ]),
        BrokenScenario(
            "setReplicas in a service-split", strategy("service-split", #""steps": [{"setReplicas": 2}]"#),
            [
                "strategies[0].steps[0].setReplicas: setReplicas is only for deployment-split; expected one of setWeight, pause, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute"
            ]),
        BrokenScenario(
            "setReplicas in a replicaset-split", strategy("replicaset-split", #""steps": [{"setReplicas": 2}]"#),
            [
                "strategies[0].steps[0].setReplicas: setReplicas is only for deployment-split; expected one of setWeight, pause, analysis"
            ]),
        BrokenScenario(
            "setReplicas above the bound", strategy("deployment-split", #""steps": [{"setReplicas": 41}]"#),
            [
                "strategies[0].steps[0].setReplicas: 41 is out of range; expected 0...40 (at most 10 × cluster.replicas)"
            ]),
        BrokenScenario(
            "canaryReplicas above the bound",
            strategy("service-split", #""canaryReplicas": 100, "steps": [{"setWeight": 1}]"#),
            [
                #"strategies[0].canaryReplicas: 100 is out of range; expected 1...40 (at most 10 × cluster.replicas) or "match-weight""#
            ]),
        BrokenScenario(
            "canaryReplicas misspelt",
            strategy("service-split", #""canaryReplicas": "match-weigth", "steps": [{"setWeight": 1}]"#),
            [
                #"strategies[0].canaryReplicas: "match-weigth" is not a replica count; did you mean "match-weight"?"#
            ]),
        BrokenScenario(
            "previewReplicas zero", strategy("blue-green", #""previewReplicas": 0"#),
            [
                "strategies[0].previewReplicas: 0 is out of range; expected 1...40 (at most 10 × cluster.replicas)"
            ]),
        BrokenScenario(
            "misspelt step", strategy("service-split", #""steps": [{"setweight": 5}, {"pasue": "1m"}]"#),
            [
                #"strategies[0].steps[0].setweight: unknown step; did you mean "setWeight"?"#,
                #"strategies[0].steps[1].pasue: unknown step; did you mean "pause"?"#,
            ]),
        BrokenScenario(
            "step with two keys", strategy("replicaset-split", #""steps": [{"setWeight": 5, "pause": "1m"}]"#),
            [
                "strategies[0].steps[0]: a step with 2 keys (setWeight, pause); expected exactly one of setWeight, pause, analysis"
            ]),
        BrokenScenario(
            "empty step", strategy("replicaset-split", #""steps": [{}]"#),
            [
                "strategies[0].steps[0]: an empty step; expected exactly one of setWeight, pause, analysis"
            ]),
        BrokenScenario(
            "step not an object", strategy("replicaset-split", #""steps": [5]"#),
            [
                #"strategies[0].steps[0]: expected a step object such as {"setWeight": 10} or {"pause": "5m"}, found a number"#
            ]),
        BrokenScenario(
            "pause without duration", strategy("service-split", #""steps": [{"setWeight": 5}, {"pause": {}}]"#),
            [
                #"strategies[0].steps[1].pause: a pause without a duration would wait forever for a manual promotion; expected a duration such as "10m""#
            ]),
        BrokenScenario(
            "null pause", strategy("service-split", #""steps": [{"pause": null}]"#),
            [
                #"strategies[0].steps[0].pause: a pause without a duration would wait forever for a manual promotion; expected a duration such as "10m""#
            ]),
        BrokenScenario(
            "pause with a bad duration",
            strategy("service-split", #""steps": [{"pause": {"duration": "10 minutes"}}]"#),
            [
                #"strategies[0].steps[0].pause.duration: "10 minutes" is not a duration; expected a duration such as "90s", "5m", "1h30m", "250ms" or a number of seconds"#
            ]),
        BrokenScenario(
            "analysis step without analysis", strategy("service-split", #""steps": [{"analysis": {"count": 2}}]"#),
            [
                #"strategies[0].steps[0].analysis: the strategy has no analysis to run; expected an "analysis" object on the strategy or the scenario"#
            ]),
        BrokenScenario(
            "analysis step with zero count",
            F.scenario(
                strategy: #"{"name": "s", "kind": "replicaset-split", "steps": [{"analysis": {"count": 0}}]}"#,
                extra: [("analysis", "{}")]
            ), ["strategies[0].steps[0].analysis.count: 0 is out of range; expected 1...1000"]),
        BrokenScenario(
            "percentage without percent sign", strategy("rolling-update", #""maxSurge": "25""#),
            [
                #"strategies[0].maxSurge: "25" is not a percentage; expected an integer (25) or a string with a percent sign ("25%")"#
            ]),
        BrokenScenario(
            "maxUnavailable above 100%", strategy("rolling-update", #""maxUnavailable": "150%""#),
            [
                #"strategies[0].maxUnavailable: "150%" is out of range; expected "0%"..."100%""#
            ]),
        BrokenScenario(
            "negative percentage", strategy("rolling-update", #""maxSurge": "-5%""#),
            [
                #"strategies[0].maxSurge: "-5%" is out of range; expected "0%"..."1000%""#
            ]),
        BrokenScenario(
            "fractional percentage", strategy("rolling-update", #""maxSurge": "2.5%""#),
            [
                #"strategies[0].maxSurge: "2.5%" is not a whole percentage; expected "0%"..."1000%""#
            ]),
        BrokenScenario(
            "negative maxUnavailable",
            strategy("deployment-split", #""maxUnavailable": -1, "steps": [{"setReplicas": 1}]"#),
            [
                #"strategies[0].maxUnavailable: -1 is out of range; expected 0...10000 or a percentage such as "25%""#
            ]),
        BrokenScenario(
            "both zero", strategy("rolling-update", #""maxSurge": 0, "maxUnavailable": "0%""#),
            [
                "strategies[0]: maxSurge and maxUnavailable are both 0; expected at least one of them above 0 so the update can progress"
            ]),
        BrokenScenario(
            "header with value and pattern",
            strategy("gateway-route", #""header": {"name": "x", "value": "1", "pattern": "^1$"}"#),
            [
                "strategies[0].header: both value and pattern are given; expected one of them (ingress-nginx ignores the pattern when a value is set)"
            ]),
        BrokenScenario(
            "header without name", strategy("gateway-route", #""header": {"value": "1"}"#),
            [
                "strategies[0].header.name: missing required key; expected a string"
            ]),
        BrokenScenario(
            "smoke test coverage above one", strategy("blue-green", #""smokeTest": {"coverage": 2}"#),
            [
                "strategies[0].smokeTest.coverage: 2 is out of range; expected a fraction 0...1"
            ]),
        // Issue 16: a smoke test at 1e-300 requests/s trapped (its length overflowed SimDuration).
        BrokenScenario(
            "smoke test slower than a request in 11.6 days", strategy("blue-green", #""smokeTest": {"rps": 1e-300}"#),
            [
                "strategies[0].smokeTest.rps: 1e-300 is out of range; expected 1e-06...1000000 requests/s"
            ]),
        BrokenScenario(
            "strategy analysis of the wrong type", strategy("blue-green", #""analysis": "1m""#),
            [
                "strategies[0].analysis: expected an object, found a string"
            ]),
    ]

    @Test(arguments: topLevel)
    func reportsTopLevelProblems(_ broken: BrokenScenario) {
        #expect(F.problems(in: broken.text) == broken.problems)
    }

    @Test(arguments: traffic)
    func reportsTrafficProblems(_ broken: BrokenScenario) {
        #expect(F.problems(in: broken.text) == broken.problems)
    }

    @Test(arguments: clusterAndVersions)
    func reportsClusterVersionAndAnalysisProblems(_ broken: BrokenScenario) {
        #expect(F.problems(in: broken.text) == broken.problems)
    }

    @Test(arguments: strategies)
    func reportsStrategyProblems(_ broken: BrokenScenario) {
        #expect(F.problems(in: broken.text) == broken.problems)
    }

    @Test func reportsEveryProblemAtOnceInFileOrder() throws {
        let text = """
            {
              "name": "three problems",
              "runs": 0,
              "traffic": {"rps": "fast"},
              "cluster": {"replica": 3, "replicas": 3},
              "strategies": [{"name": "r", "kind": "rolling-update"}]
            }
            """
        do {
            _ = try Scenario(decoding: text, file: "scenarios/x.json")
            Issue.record("expected problems")
        } catch {
            #expect(
                error.description == """
                    scenarios/x.json: runs: 0 is out of range; expected 1...10000
                    scenarios/x.json: traffic.rps: expected a number, found a string
                    scenarios/x.json: cluster.replica: unknown key; did you mean "replicas"?
                    """)
            guard case .invalid(_, let problems) = error else {
                Issue.record("expected an invalid scenario")
                return
            }
            #expect(
                problems.map(\.position) == [
                    SourcePosition(line: 3, column: 11), SourcePosition(line: 4, column: 22),
                    SourcePosition(line: 5, column: 15),
                ])
        }
    }

    @Test func reportsMalformedJSONWithFileLineAndColumn() {
        let text = "{\n  \"name\": \"x\",\n  \"cluster\": {\"replicas\": 3\n  \"traffic\": {}\n}"
        #expect(
            F.problems(in: text) == [
                "x.json:4:3: malformed JSON: expected ',' or '}' after an object member, found '\"'"
            ])
        let duplicate = "{\"name\": \"a\", \"name\": \"b\"}"
        #expect(
            F.problems(in: duplicate) == [
                "x.json:1:15: malformed JSON: duplicate key name; first defined at line 1, column 2"
            ])
    }
}
