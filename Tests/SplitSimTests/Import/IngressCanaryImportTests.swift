import Testing

@testable import SplitSim

/// ingress-nginx canary Ingress → service-split. Annotation semantics:
/// kubernetes/ingress-nginx docs/user-guide/nginx-configuration/annotations.md (Canary):
/// canary-by-header-pattern is ignored when canary-by-header-value is set; totals up to 100
/// are ignored (rootfs/etc/nginx/lua/balancer.lua).
@Suite("import: ingress-nginx canary Ingress")
struct IngressCanaryImportTests {
    @Test("weight, weight total, header value and cookie; the pattern beside a value is ignored")
    func canaryIngress() throws {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: cart-canary
              annotations:
                kubernetes.io/ingress.class: nginx
                nginx.ingress.kubernetes.io/canary: "true"
                nginx.ingress.kubernetes.io/canary-weight: "25"
                nginx.ingress.kubernetes.io/canary-weight-total: "1000"
                nginx.ingress.kubernetes.io/canary-by-header: x-cart
                nginx.ingress.kubernetes.io/canary-by-header-value: beta
                nginx.ingress.kubernetes.io/canary-by-header-pattern: "^b.*"
                nginx.ingress.kubernetes.io/canary-by-cookie: cart_canary
                nginx.ingress.kubernetes.io/affinity: cookie
                nginx.ingress.kubernetes.io/rewrite-target: /
            spec:
              rules:
              - host: cart.example.com
            """
        let result = try ImportTestSupport.run(
            text, name: "cart.yaml", options: ImportOptions(manualPause: .minutes(45)))
        try ImportTestSupport.expect(
            try ImportTestSupport.strategies(of: result).first,
            is: """
                {"name": "Ingress cart-canary", "description": "ingress-nginx canary Ingress, from Ingress cart-canary (cart.yaml)",
                 "kind": "service-split", "router": "ingress-nginx", "weightTotal": 1000,
                 "header": {"name": "x-cart", "value": "beta"}, "cookie": "cart_canary",
                 "steps": [{"setWeight": 25}, {"pause": "45m"}]}
                """)
        #expect(
            ImportTestSupport.notes(result, .assumed).dropFirst() == [
                "assumed Ingress cart-canary (cart.yaml): it holds weight 25 of 1000 until a person edits it; here the canary, sized to the weight, is promoted after 45m (--manual-pause)"
            ])
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                #"ignored metadata.annotations["nginx.ingress.kubernetes.io/canary-by-header-pattern"] of Ingress cart-canary (cart.yaml): ingress-nginx ignores canary-by-header-pattern when canary-by-header-value is set"#,
                #"ignored metadata.annotations["nginx.ingress.kubernetes.io/affinity"] of Ingress cart-canary (cart.yaml): sticky sessions are the base scenario's traffic.sessionAffinity"#,
            ])
    }

    @Test("a header pattern alone, weight 0: the header rule and the weight-0 caveat")
    func patternAtWeightZero() throws {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: c
              annotations:
                nginx.ingress.kubernetes.io/canary: "true"
                nginx.ingress.kubernetes.io/canary-by-header: x-user
                nginx.ingress.kubernetes.io/canary-by-header-pattern: "^qa-"
            """
        let result = try ImportTestSupport.run(text)
        let strategy = try #require(try ImportTestSupport.strategies(of: result).first)
        try ImportTestSupport.expect(strategy["header"], is: #"{"name": "x-user", "pattern": "^qa-"}"#)
        try ImportTestSupport.expect(strategy["steps"], is: #"[{"setWeight": 0}, {"pause": "10m"}]"#)
        #expect(strategy["weightTotal"] == nil)
        #expect(
            ImportTestSupport.notes(result, .assumed).last
                == "assumed Ingress c (m.yaml): at weight 0 ingress-nginx already routes header and cookie matches to the canary; a scenario turns those rules on with the first weight above 0"
        )
    }

    @Test("an Ingress without the canary annotation splits nothing")
    func mainIngress() throws {
        let result = try ImportTestSupport.run(
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: main}\n---\n"
                + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n")
        #expect(result.strategyCount == 1)
        #expect(
            ImportTestSupport.notes(result, .ignored) == [
                #"ignored Ingress main (m.yaml): not a canary Ingress (no nginx.ingress.kubernetes.io/canary: "true"); only a canary Ingress splits traffic"#
            ])
    }

    @Test("annotation values must be strings; weights whole numbers in range")
    func malformed() {
        func ingress(_ annotations: String) -> [(String, String)] {
            [
                (
                    "i.yaml",
                    "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: c\n  annotations:\n"
                        + "    nginx.ingress.kubernetes.io/canary: \"true\"\n\(annotations)\n"
                )
            ]
        }
        #expect(
            ImportTestSupport.errorLines(ingress("    nginx.ingress.kubernetes.io/canary-weight: 10")) == [
                #"i.yaml:7:48: Ingress c: metadata.annotations["nginx.ingress.kubernetes.io/canary-weight"]: expected a string (quote numbers and booleans), found a number"#
            ])
        #expect(
            ImportTestSupport.errorLines(ingress("    nginx.ingress.kubernetes.io/canary-weight: \"150\"")) == [
                #"i.yaml:7:48: Ingress c: metadata.annotations["nginx.ingress.kubernetes.io/canary-weight"]: "150" is not a whole number in 0...100"#
            ])
    }
}
