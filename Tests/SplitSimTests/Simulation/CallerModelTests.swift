import Testing

@testable import SplitSim

/// Who balances a request: a proxy balances each request over the endpoints it knows of and
/// learns of changes `endpointDelay` later; clients keep their own connections.
///
/// ingress-nginx syncs its upstream endpoints from the EndpointSlices once a second
/// (rootfs/etc/nginx/lua/balancer.lua, `sync_backends` every 1 s) and picks per request;
/// Envoy gets endpoints by EDS and balances per request (DESIGN §1.2).
@Suite struct CallerModelTests {
    static let proxy = #"{"via": "proxy", "endpointDelay": "1s"}"#

    /// Runs the scenario's only strategy once, cut off after `duration`.
    static func run(_ strategy: String, callers: String, duration: String, rps: Double = 200) throws -> RunResult {
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 10, rps: rps, users: 20_000, callers: callers, duration: duration,
            startup: "30s", shutdown: "30s")
        return ScenarioFixture.run(scenario)
    }

    // One canary pod beside 10 stable behind a proxy: every request is balanced over 11
    // endpoints, so the step realises 1/11 (about 240,000 requests in 20 minutes: 4σ ≈ 0.0024).
    @Test func aSecondDeploymentBehindAProxyRealisesItsPodRatio() throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "20m"}]}"#
        let result = try Self.run(strategy, callers: Self.proxy, duration: "30m")
        let realized = try #require(result.realizedShares.first ?? nil)
        #expect(abs(realized - 1.0 / 11.0) <= 0.005)
        #expect(abs(realized - 1.0 / 11.0) <= ScenarioFixture.binomialBound(share: 1.0 / 11.0, trials: 240_000))
    }

    // The same split with 400 clients that each keep their connection for about 1000
    // requests (2,000 s at half a request per second each): in a 5-minute step about 14 % of
    // them reconnect, so the canary realises well under a fifth of its pod ratio.
    @Test func theSameSplitWithLongClientConnectionsStaysFarBelow() throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "5m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 10, rps: 200, users: 400, requestsPerConnection: 1000, duration: "10m",
            startup: "30s", shutdown: "30s")
        let realized = try #require(ScenarioFixture.run(scenario).realizedShares.first ?? nil)
        #expect(realized < 1.0 / 11.0 / 5)
    }

    // A new endpoint takes requests only once the proxy learnt of it: the canary pod is ready
    // at 30 s, the proxy balances over it from 31 s on.
    @Test func aProxyLearnsOfANewPodAfterItsEndpointDelay() throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "20m"}]}"#
        let before = try Self.run(strategy, callers: Self.proxy, duration: "30999ms")
        #expect(before.candidateUserRequests == 0)
        let after = try Self.run(strategy, callers: Self.proxy, duration: "36s")
        #expect(after.candidateUserRequests > 0)
        let immediate = try Self.run(
            strategy, callers: #"{"via": "proxy", "endpointDelay": "0s"}"#, duration: "30999ms")
        #expect(immediate.candidateUserRequests > 0)
    }

    // Blue-green behind a proxy: the preview is ready at 30 s and the switch comes at 90 s
    // (autoPromotion 1m). From endpointDelay + 1 s after it, every request reaches green: the
    // requests between two cut-offs of the same run are all candidate requests.
    @Test func aBlueGreenSwitchBehindAProxyMovesAllRequestsWithinTheDelay() throws {
        let strategy = #"{"name": "bg", "kind": "blue-green", "autoPromotion": "1m", "scaleDownDelay": "10m"}"#
        let early = try Self.run(strategy, callers: Self.proxy, duration: "92s")
        let late = try Self.run(strategy, callers: Self.proxy, duration: "152s")
        let requests = late.requests - early.requests
        let candidate = late.candidateUserRequests - early.candidateUserRequests
        #expect(requests > 10_000)
        #expect(candidate / requests >= 0.99)
        // Until the proxy learns of the switch, blue serves everything.
        let atSwitch = try Self.run(strategy, callers: Self.proxy, duration: "90999ms")
        #expect(atSwitch.candidateUserRequests == 0)
    }

    // The same switch with clients that keep their connections: the old pods keep serving
    // until they are scaled down and their connections close.
    @Test func aBlueGreenSwitchWithPinnedClientsLeavesRequestsOnBlue() throws {
        let strategy = #"{"name": "bg", "kind": "blue-green", "autoPromotion": "1m", "scaleDownDelay": "10m"}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 10, rps: 200, users: 40, requestsPerConnection: 1000, duration: "152s",
            startup: "30s", shutdown: "30s")
        let early = try ScenarioFixture.make(
            strategy: strategy, replicas: 10, rps: 200, users: 40, requestsPerConnection: 1000, duration: "92s",
            startup: "30s", shutdown: "30s")
        let late = ScenarioFixture.run(scenario)
        let first = ScenarioFixture.run(early)
        let share = (late.candidateUserRequests - first.candidateUserRequests) / (late.requests - first.requests)
        #expect(share < 0.5)
    }

    // Clients whose connections would last 1000 requests, but whose users send only every
    // 200 s on average (20,000 users at 100 requests/s): with nginx's 75 s keepalive_timeout
    // most connections close in the silence (e^(-75/200) ≈ 69 % of requests find theirs
    // closed), so a new pod gets a good part of its pod share; without the timeout it gets
    // almost nothing.
    @Test func idleClientConnectionsCloseAndReopenToTheNewPod() throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "10m"}]}"#
        func realized(_ idle: String) throws -> Double {
            let scenario = try ScenarioFixture.make(
                strategy: strategy, replicas: 10, rps: 100, users: 20_000,
                callers: #"{"via": "clients", "idleTimeout": "\#(idle)"}, "requestsPerConnection": 1000"#,
                duration: "15m", startup: "30s", shutdown: "30s")
            return try #require(ScenarioFixture.run(scenario).realizedShares.first ?? nil)
        }
        let withTimeout = try realized("75s")
        let without = try realized("0s")
        #expect(withTimeout > 0.05 && withTimeout < 1.0 / 11.0 + 0.01)
        #expect(without < 0.01)
    }

    // In-cluster callers behind a ClusterIP: 20 × 4 connections pinned by kube-proxy.
    static func pool(maxRequests: Int) -> String {
        #"{"via": "cluster-ip", "instances": 20, "connectionsPerInstance": 4, "maxRequestsPerConnection": \#(maxRequests), "maxConnectionAge": "0s", "idleTimeout": "0s"}"#
    }

    // Recycled every 100 requests (40 s at 2.5 requests/s per connection), the pool's
    // connections reopen through kube-proxy and the canary converges to its pod ratio. With 80
    // connections the share moves in steps of 1/80, so the 20-minute mean is within a point.
    @Test func aRecycledPoolConvergesToThePodRatio() throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "20m"}]}"#
        let result = try Self.run(strategy, callers: Self.pool(maxRequests: 100), duration: "30m")
        let realized = try #require(result.realizedShares.first ?? nil)
        #expect(abs(realized - 1.0 / 11.0) <= 0.01)
    }

    // Without recycling no existing connection ever reopens, so the new pod gets nothing:
    // the classic gRPC-behind-ClusterIP imbalance (kubernetes/kubernetes#38456).
    @Test func aPoolWithoutRecyclingStarvesTheNewPod() throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "20m"}]}"#
        let result = try Self.run(strategy, callers: Self.pool(maxRequests: 0), duration: "30m")
        #expect(result.realizedShares.first == 0)
        // Once promotion deletes the old pods, every connection reopens to the new ones.
        #expect(result.outcome == .promoted)
        #expect(result.candidateUserRequests > 0)
    }

    // Blue-green behind a pool without recycling: the switch moves nothing; the old pods keep
    // serving until they are scaled down (scaleDownDelay 2m) and gone (podShutdown 30 s), then
    // every connection reopens to green.
    @Test func aBlueGreenSwitchBehindAPoolWaitsForTheOldPodsToGo() throws {
        let strategy = #"{"name": "bg", "kind": "blue-green", "autoPromotion": "1m", "scaleDownDelay": "2m"}"#
        let callers = Self.pool(maxRequests: 0)
        let afterSwitch = try Self.run(strategy, callers: callers, duration: "200s")
        #expect(afterSwitch.candidateUserRequests == 0)
        // Switch at 90 s, blue scaled down at 210 s, gone at 240 s.
        let beforeGone = try Self.run(strategy, callers: callers, duration: "239s")
        #expect(beforeGone.candidateUserRequests == 0)
        let later = try Self.run(strategy, callers: callers, duration: "300s")
        let justGone = try Self.run(strategy, callers: callers, duration: "241s")
        #expect(later.candidateUserRequests - justGone.candidateUserRequests == later.requests - justGone.requests)
    }

    // Session affinity pins a user to a pod: ingress-nginx's cookie affinity behind a proxy,
    // a Service's sessionAffinity: ClientIP for clients that reconnect on every request. Users
    // that reached a stable pod before the canary existed stay there, so nobody sees both
    // versions while the step lasts; without affinity most users flip between them.
    @Test(arguments: [
        (#"{"via": "proxy", "endpointDelay": "1s"}, "sessionAffinity": "cookie""#, true),
        (#"{"via": "proxy", "endpointDelay": "1s"}"#, false),
        (#"{"via": "clients", "idleTimeout": "0s"}, "requestsPerConnection": 1, "sessionAffinity": "client-ip""#, true),
        (#"{"via": "clients", "idleTimeout": "0s"}, "requestsPerConnection": 1"#, false),
        (#"{"via": "cluster-ip", "maxRequestsPerConnection": 10}, "sessionAffinity": "client-ip""#, true),
    ])
    func sessionAffinityPinsUsers(callers: String, pinned: Bool) throws {
        let strategy =
            #"{"name": "pods", "kind": "deployment-split", "steps": [{"setReplicas": 1}, {"pause": "20m"}]}"#
        let scenario = try ScenarioFixture.make(
            strategy: strategy, replicas: 10, rps: 100, users: 2_000, callers: callers, duration: "10m",
            startup: "30s", shutdown: "30s")
        let result = ScenarioFixture.run(scenario)
        let realized = try #require(result.realizedShares.first ?? nil)
        if pinned && !callers.contains("cluster-ip") {
            #expect(result.usersSawBoth == 0)
            // Only users whose first request came after the canary was ready can stick to it.
            #expect(realized < 1.0 / 11.0 / 2)
        } else if pinned {
            // Every calling pod stays on the stable pod it was pinned to, however often its
            // connections recycle; without affinity they would reach the canary within seconds.
            #expect(realized == 0)
        } else {
            #expect(result.usersSawBoth > 1_000)
        }
    }

    @Test func sessionAffinityMustSuitTheCallers() {
        for (callers, affinity, message) in [
            (#"{"via": "proxy"}"#, "client-ip", "client-ip affinity is kube-proxy's"),
            (#"{"via": "clients"}"#, "cookie", "cookie affinity needs a proxy that reads the cookie"),
        ] {
            let text = """
                {"name": "x", "traffic": {"rps": 5, "callers": \(callers), "sessionAffinity": "\(affinity)"},
                 "cluster": {"replicas": 2}, "strategies": [{"name": "r", "kind": "rolling-update"}]}
                """
            #expect {
                try Scenario(decoding: text, file: "x.json")
            } throws: { error in
                "\(error)".contains("traffic.sessionAffinity: \(message)")
            }
        }
    }

    @Test func requestsPerConnectionNeedsClientCallers() {
        let text = """
            {"name": "x", "traffic": {"rps": 5, "requestsPerConnection": 10}, "cluster": {"replicas": 2},
             "strategies": [{"name": "r", "kind": "rolling-update"}]}
            """
        #expect {
            try Scenario(decoding: text, file: "x.json")
        } throws: { error in
            "\(error)".contains(
                #"x.json: traffic.requestsPerConnection: requestsPerConnection is the length of a client's own connection; expected "callers": {"via": "clients"} with it"#
            )
        }
    }

    @Test func callerKeysAreCheckedAgainstTheModel() {
        let text = """
            {"name": "x", "traffic": {"rps": 5, "callers": {"via": "clients", "endpointDelay": "2s"}},
             "cluster": {"replicas": 2}, "strategies": [{"name": "r", "kind": "rolling-update"}]}
            """
        #expect {
            try Scenario(decoding: text, file: "x.json")
        } throws: { error in
            "\(error)".contains(
                "traffic.callers.endpointDelay: endpointDelay does not apply to clients callers; expected only via")
        }
        let pool = """
            {"name": "x", "traffic": {"rps": 5, "callers": {"via": "cluster-ip", "endpointDelay": "1s"}},
             "cluster": {"replicas": 2}, "strategies": [{"name": "r", "kind": "rolling-update"}]}
            """
        #expect {
            try Scenario(decoding: pool, file: "x.json")
        } throws: { error in
            "\(error)".contains(
                "traffic.callers.endpointDelay: endpointDelay does not apply to cluster-ip callers; expected only via, instances"
            )
        }
    }
}
