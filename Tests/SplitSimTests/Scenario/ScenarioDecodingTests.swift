import SplitRouter
import Testing

@testable import SplitSim

@Suite("Scenario decoding")
struct ScenarioDecodingTests {
    @Test func refusesRpsBesideProfile() {
        #expect(
            ScenarioFixtures.problems(in: ScenarioFixtures.builtInWithRpsAndProfile) == [
                "traffic: both rps and profile are given; expected exactly one of them"
            ])
    }

    @Test func decodesTheBuiltInScenario() throws {
        let scenario = try BuiltInScenario.load()
        #expect(scenario.file == BuiltInScenario.file)
        #expect(scenario.name == "checkout: gateway smoke test vs weighted canaries")
        #expect(scenario.description?.hasPrefix("The gateway topology: ") == true)
        #expect(scenario.seed == 7)
        #expect(scenario.runs == 20)
        #expect(scenario.duration == .minutes(120))
        #expect(
            scenario.traffic
                == TrafficSpec(
                    rates: [
                        RatePoint(at: .zero, rps: 200), RatePoint(at: .minutes(30), rps: 400),
                        RatePoint(at: .minutes(90), rps: 200),
                    ],
                    users: 50_000,
                    headers: [HeaderShare(name: "x-canary", value: "true", share: 0.001)],
                    cookies: [CookieShare(name: "canary", value: "always", userShare: 0.01)]
                ))
        #expect(
            scenario.cluster
                == ClusterSpec(
                    replicas: 10, podStartup: .seconds(30), podShutdown: .seconds(30), podCapacityRps: 60,
                    podHourlyCost: 0.10
                ))
        #expect(
            scenario.versions
                == VersionsSpec(
                    stable: VersionSpec(errorRate: 0.001),
                    candidate: VersionSpec(errorRate: 0.001, fault: FaultSpec(errorRate: 0.2, users: 0.3, after: .zero))
                ))
        let analysis = AnalysisSpec(
            interval: .minutes(1), maxErrorRate: 0.01, minRequests: 50, failureLimit: 0,
            initialDelay: .seconds(90), afterPromotion: .minutes(10)
        )
        #expect(scenario.analysis == analysis)
        let header = HeaderMatch(name: "x-canary", value: "true")
        let smokeTest = SmokeTestSpec(requests: 200, rps: 5, coverage: 0.005)
        let tenMinutes = Step.pause(.minutes(10))
        let expected: [StrategySpec] = [
            StrategySpec(
                name: "ingress 5/20/50", analysis: analysis,
                kind: .serviceSplit(
                    ServiceSplitSpec(
                        router: .ingressNginx, weightTotal: 100, canaryReplicas: .matchWeight, header: header,
                        cookie: "canary",
                        steps: [.setWeight(5), tenMinutes, .setWeight(20), tenMinutes, .setWeight(50), tenMinutes]
                    ))),
            StrategySpec(
                name: "second Deployment", analysis: analysis,
                kind: .deploymentSplit(
                    DeploymentSplitSpec(
                        steps: [.setReplicas(1), .pause(.minutes(20)), .setReplicas(3), .pause(.minutes(20))]
                    ))),
            StrategySpec(
                name: "basic canary", analysis: analysis,
                kind: .replicaSetSplit(
                    ReplicaSetSplitSpec(
                        steps: [.setWeight(10), tenMinutes, .setWeight(50), tenMinutes], maxSurge: .percent(25),
                        maxUnavailable: .count(0)
                    ))),
            StrategySpec(
                name: "gateway + smoke test", analysis: analysis,
                kind: .gatewayRoute(
                    GatewayRouteSpec(
                        header: header, canaryReplicas: 1, smokeTest: smokeTest, approvalDelay: .zero,
                        maxSurge: .percent(25), maxUnavailable: .count(0)
                    ))),
            StrategySpec(
                name: "blue-green", analysis: analysis,
                kind: .blueGreen(
                    BlueGreenSpec(
                        previewReplicas: 10, smokeTest: smokeTest, autoPromotion: .minutes(10),
                        scaleDownDelay: .seconds(30)
                    ))),
            StrategySpec(
                name: "plain rolling update", analysis: analysis,
                kind: .rollingUpdate(
                    RollingUpdateSpec(
                        maxSurge: .percent(25), maxUnavailable: .percent(25)
                    ))),
            StrategySpec(
                name: "flagger 10/50", analysis: analysis,
                kind: .flagger(
                    FlaggerSpec(
                        router: .ingressNginx, interval: .minutes(1), threshold: 5,
                        progression: .stepWeight(10, maxWeight: 50)
                    ))),
        ]
        #expect(scenario.strategies.count == expected.count)
        for (decoded, wanted) in zip(scenario.strategies, expected) {
            #expect(decoded == wanted)
        }
        #expect(scenario.strategies.map(\.kind.name) == StrategyRegistry.standard.names)
    }

    @Test func appliesDefaults() throws {
        let scenario = try Scenario(decoding: ScenarioFixtures.scenario(), file: "x.json")
        #expect(scenario.seed == 1)
        #expect(scenario.runs == 10)
        #expect(scenario.duration == .minutes(60))
        #expect(scenario.description == nil)
        #expect(
            scenario.traffic
                == TrafficSpec(rates: [RatePoint(at: .zero, rps: 100)], users: 10_000, requestsPerConnection: 1))
        #expect(scenario.cluster == ClusterSpec(replicas: 4, podStartup: .seconds(30), podShutdown: .seconds(30)))
        #expect(scenario.versions == VersionsSpec())
        #expect(scenario.analysis == nil)
        #expect(scenario.strategies == [StrategySpec(name: "plain", kind: .rollingUpdate(RollingUpdateSpec()))])
    }

    @Test func appliesStrategyDefaults() throws {
        let text = ScenarioFixtures.scenario([
            (
                "strategies",
                #"""
                [{"name": "svc", "kind": "service-split", "steps": [{"setWeight": 10}]},
                 {"name": "gw", "kind": "gateway-route", "header": {"name": "x-canary"}},
                 {"name": "bg", "kind": "blue-green"},
                 {"name": "rs", "kind": "replicaset-split", "steps": [{"setWeight": 50}]},
                 {"name": "dep", "kind": "deployment-split", "steps": [{"setWeight": 50}, {"analysis": {}}]}]
                """#
            ), ("analysis", "{}"),
        ])
        let scenario = try Scenario(decoding: text, file: "x.json")
        #expect(
            scenario.analysis
                == AnalysisSpec(
                    interval: .minutes(1), maxErrorRate: 0.01, minRequests: 1, failureLimit: 0, initialDelay: .zero,
                    afterPromotion: .zero
                ))
        #expect(
            scenario.strategies.map(\.kind) == [
                .serviceSplit(
                    ServiceSplitSpec(
                        router: .ingressNginx, weightTotal: 100, canaryReplicas: .matchWeight, header: nil, cookie: nil,
                        steps: [.setWeight(10)], scaleDownDelay: .seconds(30), abortScaleDownDelay: .seconds(30)
                    )),
                .gatewayRoute(
                    GatewayRouteSpec(
                        header: HeaderMatch(name: "x-canary"), canaryReplicas: 1, smokeTest: nil, approvalDelay: .zero,
                        maxSurge: .percent(25), maxUnavailable: .percent(25)
                    )),
                .blueGreen(
                    BlueGreenSpec(previewReplicas: 4, smokeTest: nil, autoPromotion: nil, scaleDownDelay: .seconds(30))),
                .replicaSetSplit(
                    ReplicaSetSplitSpec(steps: [.setWeight(50)], maxSurge: .percent(25), maxUnavailable: .percent(25))),
                .deploymentSplit(DeploymentSplitSpec(steps: [.setWeight(50), .analysis(count: 1)])),
            ])
    }

    @Test func resolvesStrategyAnalysis() throws {
        let text = ScenarioFixtures.scenario([
            ("analysis", #"{"interval": "2m"}"#),
            (
                "strategies",
                #"""
                [{"name": "inherits", "kind": "rolling-update"},
                 {"name": "none", "kind": "rolling-update", "analysis": null},
                 {"name": "own", "kind": "rolling-update", "analysis": {"maxErrorRate": 0.05}}]
                """#
            ),
        ])
        let scenario = try Scenario(decoding: text, file: "x.json")
        #expect(
            scenario.strategies.map(\.analysis) == [
                AnalysisSpec(interval: .minutes(2)),
                nil,
                AnalysisSpec(maxErrorRate: 0.05),
            ])
        let withoutScenarioAnalysis = try Scenario(
            decoding: ScenarioFixtures.scenario([("analysis", "null")]), file: "x.json")
        #expect(withoutScenarioAnalysis.analysis == nil)
        #expect(withoutScenarioAnalysis.strategies[0].analysis == nil)
    }

    @Test func acceptsEveryStepAndValueForm() throws {
        let text = ScenarioFixtures.scenario([
            ("$schema", #""./scenario.schema.json""#),
            ("seed", "18446744073709551615"),
            ("duration", "5400"),
            ("analysis", "{}"),
            (
                "traffic",
                #"{"profile": [{"at": 0, "rps": 0}, {"at": "1h", "rps": 50}], "requestsPerConnection": 2.5, "callers": {"via": "clients"}}"#
            ),
            (
                "strategies",
                #"""
                [{"name": "gw api", "description": "relative weights", "kind": "service-split", "router": "gateway-api", "weightTotal": 1000000,
                  "canaryReplicas": 2, "header": {"name": "x-beta", "pattern": "^yes$"},
                  "steps": [{"setWeight": 500000}, {"pause": {"duration": "90s"}}, {"pause": 30}, {"analysis": {"count": 3}}]},
                 {"name": "nginx 1000", "kind": "service-split", "weightTotal": 1000, "steps": [{"setWeight": 1000}]},
                 {"name": "rs", "kind": "rolling-update", "maxSurge": 0, "maxUnavailable": "100%"}]
                """#
            ),
        ])
        let scenario = try Scenario(decoding: text, file: "x.json")
        #expect(scenario.seed == UInt64.max)
        #expect(scenario.duration == .minutes(90))
        #expect(scenario.traffic.rates == [RatePoint(at: .zero, rps: 0), RatePoint(at: .minutes(60), rps: 50)])
        #expect(scenario.traffic.requestsPerConnection == 2.5)
        #expect(scenario.traffic.rps(at: .minutes(59)) == 0)
        #expect(scenario.traffic.rps(at: .minutes(60)) == 50)
        guard let gateway = scenario.strategies[0].kind.settings(as: ServiceSplitSpec.self),
            let nginx = scenario.strategies[1].kind.settings(as: ServiceSplitSpec.self)
        else {
            Issue.record("expected two service-splits")
            return
        }
        #expect(scenario.strategies[0].description == "relative weights")
        #expect(gateway.router == .gatewayAPI)
        #expect(gateway.weightScale == 1_000_000)
        #expect(gateway.canaryReplicas == .fixed(2))
        #expect(gateway.header == HeaderMatch(name: "x-beta", pattern: "^yes$"))
        #expect(
            gateway.steps == [.setWeight(500_000), .pause(.seconds(90)), .pause(.seconds(30)), .analysis(count: 3)])
        #expect(nginx.weightScale == 1000)
        #expect(
            scenario.strategies[2].kind
                == .rollingUpdate(RollingUpdateSpec(maxSurge: .count(0), maxUnavailable: .percent(100))))
    }

    @Test func decodesBytesAndPointsAtTheFirstByteThatIsNotUTF8() throws {
        #expect(
            try Scenario(decoding: Array(ScenarioFixtures.scenario().utf8), file: "valid.json").file == "valid.json")

        #expect(
            throws: ScenarioError.malformedJSON(
                file: "binary.json", line: 2, column: 2, message: "invalid UTF-8; expected a UTF-8 text file")
        ) {
            try Scenario(decoding: [0x7B, 0x0A, 0x20, 0xFF, 0x7D], file: "binary.json")
        }

        let broken = Array("{\n  \"name\": \"x\"\n  \"runs\": 3\n}".utf8)
        do {
            _ = try Scenario(decoding: broken, file: "broken.json")
            Issue.record("expected malformed JSON")
        } catch {
            #expect(
                error.description
                    == "broken.json:3:3: malformed JSON: expected ',' or '}' after an object member, found '\"'")
        }
    }

    @Test func rendersEveryProblemOnItsOwnLine() {
        let error = ScenarioError.invalid(
            file: "scenarios/x.json",
            problems: [
                ScenarioProblem(path: JSONPath.root.key("runs"), message: "0 is out of range; expected 1...10000"),
                ScenarioProblem(
                    path: JSONPath.root.key("cluster").key("replica"),
                    message: "unknown key; did you mean \"replicas\"?"),
            ])
        #expect(
            error.description == """
                scenarios/x.json: runs: 0 is out of range; expected 1...10000
                scenarios/x.json: cluster.replica: unknown key; did you mean "replicas"?
                """)
    }
}
