import Testing

@testable import SplitSim

/// HTTPRoute and VirtualService weights → service-split. Weights: kubernetes-sigs/gateway-api
/// apis/v1/shared_types.go (BackendRef.weight default 1, share w/Σw) and istio/api
/// networking/v1alpha3/virtual_service.proto (HTTPRouteDestination.weight, mirrorPercentage).
@Suite("import: HTTPRoute and VirtualService weights")
struct RouteWeightImportTests {
    @Test("an HTTPRoute's weighted backends, with a header rule to the canary as a setHeaderRoute step")
    func httpRoute() throws {
        let text = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: search
            spec:
              parentRefs:
              - name: public
              hostnames: [search.example.com]
              rules:
              - matches:
                - headers:
                  - name: x-search
                    value: next
                backendRefs:
                - name: search-canary
                  port: 80
              - backendRefs:
                - name: search-stable
                  port: 80
                  weight: 995
                - name: search-canary
                  port: 80
                  weight: 5
                timeouts:
                  request: 10s
              - matches:
                - path: {type: PathPrefix, value: /admin}
                backendRefs:
                - name: admin
            """
        let result = try ImportTestSupport.run(text, name: "search.yaml")
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "HTTPRoute search", "description": "HTTPRoute weights, from HTTPRoute search (search.yaml)",
                 "kind": "service-split", "router": "gateway-api", "weightTotal": 1000,
                 "steps": [{"setHeaderRoute": {"name": "x-search", "value": "next"}}, {"setWeight": 5}, {"pause": "10m"}]}
                """)
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.rules[2] of HTTPRoute search (search.yaml): only the weighted rule and header matches sent to the canary are simulated",
                "ignored spec.rules[1].timeouts of HTTPRoute search (search.yaml)",
            ])
        #expect(
            ImportTestSupport.notes(result, .assumed).dropFirst() == [
                "assumed HTTPRoute search (search.yaml): it holds the canary's weight until a person or a controller edits it; here the canary, sized to the weight, is promoted after 10m (--manual-pause)"
            ])
    }

    @Test("unset Gateway API weights are 1; with no backend named canary the last one is taken")
    func defaultWeights() throws {
        let text = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r}
            spec:
              rules:
              - backendRefs:
                - name: blue
                - name: green
            """
        let result = try ImportTestSupport.run(text)
        let strategy = try #require(try ImportTestSupport.strategies(of: result).first)
        try ImportTestSupport.expect(strategy["weightTotal"], is: "2")
        try ImportTestSupport.expect(strategy["steps"], is: #"[{"setWeight": 1}, {"pause": "10m"}]"#)
        #expect(
            ImportTestSupport.notes(result, .assumed).contains(
                "assumed spec.rules[0].backendRefs[1] of HTTPRoute r (m.yaml): no backend is named canary; the last one, green, is taken for the canary"
            ))
    }

    @Test("a VirtualService's weights in percent, its header route and its mirror to the canary")
    func virtualService() throws {
        let text = """
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - match:
                - headers:
                    end-user:
                      prefix: "qa."
                route:
                - destination: {host: reviews, subset: canary}
              - name: primary
                route:
                - destination: {host: reviews, subset: stable}
                  weight: 90
                - destination: {host: reviews, subset: canary}
                  weight: 10
                mirror: {host: reviews, subset: canary}
                mirrorPercentage: {value: 12.5}
                retries: {attempts: 3}
            """
        let result = try ImportTestSupport.run(text, name: "vs.yaml")
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "VirtualService reviews", "description": "VirtualService weights, from VirtualService reviews (vs.yaml)",
                 "kind": "service-split", "router": "istio",
                 "steps": [{"setHeaderRoute": {"name": "end-user", "pattern": "^qa\\\\."}}, {"setMirrorRoute": {"percentage": 13}},
                           {"setWeight": 10}, {"pause": "10m"}]}
                """)
        #expect(
            ImportTestSupport.notes(result, .assumed).dropFirst() == [
                "assumed spec.http[1].mirrorPercentage.value of VirtualService reviews (vs.yaml): a scenario mirrors whole percentages; 12.5 becomes 13",
                "assumed VirtualService reviews (vs.yaml): it holds the canary's weight until a person or a controller edits it; here the canary, sized to the weight, is promoted after 10m (--manual-pause)",
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                "ignored spec.http[1].retries of VirtualService reviews (vs.yaml)"
            ])
    }

    @Test("Istio weights that do not add up to 100 become percentages")
    func relativeIstioWeights() throws {
        let text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: v}
            spec:
              http:
              - route:
                - destination: {host: v-stable}
                  weight: 3
                - destination: {host: v-canary}
                  weight: 1
            """
        let result = try ImportTestSupport.run(text)
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first?["steps"], is: #"[{"setWeight": 25}, {"pause": "10m"}]"#)
        #expect(
            ImportTestSupport.notes(result, .assumed).contains(
                "assumed spec.http[0].route of VirtualService v (m.yaml): the weights add up to 4; splitsim's istio router counts in whole percent, so the canary's 1 becomes 25 %"
            ))
    }

    @Test("a route that does not split, and one whose weights are all 0")
    func noSplit() {
        let single =
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - backendRefs:\n    - name: a\n"
        #expect(
            ImportTestSupport.errorLines([("r.yaml", single)]) == [
                "no rollout strategy in r.yaml; expected a Rollout, a Flagger Canary, a Deployment, a canary Ingress, an HTTPRoute or a VirtualService"
            ])
        let zero = single + "      weight: 0\n    - name: b-canary\n      weight: 0\n"
        #expect(
            ImportTestSupport.errorLines([("r.yaml", zero)]) == [
                "r.yaml:6:5: HTTPRoute r: spec.rules[0]: every backend has weight 0; expected a weight above 0"
            ])
    }
}
