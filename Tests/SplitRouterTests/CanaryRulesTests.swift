import Testing

@testable import SplitRouter

@Suite struct CanaryRulesTests {
    static let headers = [
        HTTPField(name: "X-Canary", value: "always"),
        HTTPField(name: "x_canary", value: "never"),
        HTTPField(name: "X-Canary", value: "true"),
        HTTPField(name: "X-Other", value: "always"),
    ]
    static let cookies = [
        HTTPField(name: "canary", value: "always"),
        HTTPField(name: "canary", value: "never"),
        HTTPField(name: "canary", value: "maybe"),
    ]

    func decision(_ rules: CompiledCanaryRules, header: Int?, cookie: Int?) -> CanaryDecision {
        rules.decisions[rules.requestClass(header: header, cookie: cookie)]
    }

    @Test func headerAlwaysNeverThenCookieThenWeight() {
        let rules = IngressNginxCanaryRules(header: .init(name: "x-canary"), cookieName: "canary", weight: 10)
            .compiled(headers: Self.headers, cookies: Self.cookies)
        #expect(decision(rules, header: 0, cookie: 1) == .canary)
        #expect(decision(rules, header: 1, cookie: 0) == .stable)
        // "true" has no meaning without a value annotation: the cookie decides.
        #expect(decision(rules, header: 2, cookie: 0) == .canary)
        #expect(decision(rules, header: 2, cookie: 1) == .stable)
        #expect(decision(rules, header: 2, cookie: 2) == .weighted)
        // Another header's name is as if no header were sent.
        #expect(decision(rules, header: 3, cookie: nil) == .weighted)
        #expect(decision(rules, header: nil, cookie: nil) == .weighted)
        #expect(rules.requestClassCount == 5 * 4)
    }

    @Test func exactHeaderValueOverridesAlwaysAndNever() {
        let rules = IngressNginxCanaryRules(
            header: .init(name: "X-Canary", match: .exact("true")), cookieName: "canary"
        )
        .compiled(headers: Self.headers, cookies: Self.cookies)
        #expect(decision(rules, header: 2, cookie: 1) == .canary)
        #expect(decision(rules, header: 0, cookie: nil) == .weighted)
        #expect(decision(rules, header: 1, cookie: 0) == .canary)
    }

    @Test func headerPatternMatchesAnywhereAndBadPatternMeansStable() {
        let pattern = IngressNginxCanaryRules(header: .init(name: "X-Canary", match: .pattern("^tr")))
            .compiled(headers: Self.headers)
        #expect(decision(pattern, header: 2, cookie: nil) == .canary)
        #expect(decision(pattern, header: 0, cookie: nil) == .weighted)
        let unanchored = IngressNginxCanaryRules(header: .init(name: "X-Canary", match: .pattern("lway")))
            .compiled(headers: Self.headers)
        #expect(decision(unanchored, header: 0, cookie: nil) == .canary)
        let broken = IngressNginxCanaryRules(
            header: .init(name: "X-Canary", match: .pattern("(")), cookieName: "canary"
        )
        .compiled(headers: Self.headers, cookies: Self.cookies)
        #expect(decision(broken, header: 2, cookie: 0) == .stable)
        #expect(decision(broken, header: nil, cookie: 0) == .canary)
    }

    @Test func emptyValueAnnotationBehavesLikeAlwaysOrNever() {
        let rules = IngressNginxCanaryRules(header: .init(name: "X-Canary", match: .exact("")))
            .compiled(headers: Self.headers)
        #expect(decision(rules, header: 0, cookie: nil) == .canary)
    }

    @Test func forcedClassesIgnoreTheDraw() {
        let rules = IngressNginxCanaryRules(header: .init(name: "X-Canary"), weight: 50)
            .compiled(headers: Self.headers)
        let always = rules.requestClass(header: 0, cookie: nil)
        let never = rules.requestClass(header: 1, cookie: nil)
        for draw: UInt64 in [0, 1 << 63, .max] {
            #expect(rules.routesToCanary(requestClass: always, draw: draw))
            #expect(!rules.routesToCanary(requestClass: never, draw: draw))
        }
        #expect(rules.canaryShare(requestClass: always) == 1)
        #expect(rules.canaryShare(requestClass: rules.requestClass(header: nil, cookie: nil)) == 0.5)
    }

    @Test func outOfRangeIndicesCountAsAbsent() {
        let rules = IngressNginxCanaryRules(header: .init(name: "X-Canary")).compiled(headers: Self.headers)
        #expect(rules.requestClass(header: 99, cookie: -1) == rules.requestClass(header: nil, cookie: nil))
    }

    @Test(arguments: [(5, 100), (20, 50), (1, 1000), (333, 1000)])
    func weightIsOutOfTotalAndSmallTotalsMean100(weight: Int, weightTotal: Int) {
        let rules = IngressNginxCanaryRules(weight: weight, weightTotal: weightTotal)
        let effective = max(weightTotal, 100)
        #expect(rules.effectiveWeightTotal == effective)
        let compiled = rules.compiled()
        var generator = Xoshiro256StarStar(seed: UInt64(weight))
        var canary = 0
        let n = 200_000
        for _ in 0..<n where compiled.routesToCanary(requestClass: 0, using: &generator) {
            canary += 1
        }
        let share = Double(weight) / Double(effective)
        #expect(ChiSquare.fits([n - canary, canary], weights: [1 - share, share]))
    }

    @Test func l7GranularityFacts() {
        #expect(L7Router.ingressNginx.smallestShare(weightTotal: 100) == 0.01)
        #expect(L7Router.ingressNginx.smallestShare(weightTotal: 50) == 0.01)
        #expect(L7Router.ingressNginx.smallestShare(weightTotal: 1000) == 0.001)
        #expect(L7Router.ingressNginx.effectiveShare(weight: 5, weightTotal: 50) == 0.05)
        #expect(L7Router.ingressNginx.effectiveShare(weight: 2.5, weightTotal: 1000) == 0.003)
        #expect(L7Router.ingressNginx.effectiveShare(weight: 500, weightTotal: 100) == 1)
        #expect(L7Router.gatewayAPI.smallestShare(weightTotal: 1_000_000) == 0.000_001)
        #expect(L7Router.gatewayAPI.effectiveShare(weight: 1, weightTotal: 3) == 1.0 / 3)
        #expect(L7Router.gatewayAPI.effectiveTotal(weightTotal: 5_000_000) == 1_000_000)
        #expect(L7Router.istio.smallestShare(weightTotal: 1000) == 0.01)
        #expect(L7Router.istio.effectiveShare(weight: 4, weightTotal: 1000) == 0)
        #expect(L7Router.istio.effectiveShare(weight: 5, weightTotal: 1000) == 0.01)
        #expect(L7Router.istio.effectiveShare(weight: 33, weightTotal: 100) == 0.33)
        #expect(L7Router.istio.effectiveShare(weight: .nan, weightTotal: 100) == 0)
        #expect(L7Router.gatewayAPI.split(weight: 1, weightTotal: 4) == TwoWaySplit(numerator: 1, denominator: 4))
    }
}
