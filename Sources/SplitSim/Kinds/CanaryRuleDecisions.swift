import SplitRouter

extension HeaderMatch {
    /// The ingress-nginx header rule this match stands for: an exact value, a pattern, or the
    /// name alone (`always` and `never`).
    var canaryRule: IngressNginxCanaryRules.HeaderRule {
        if let value { return .init(name: name, match: .exact(value)) }
        if let pattern { return .init(name: name, match: .pattern(pattern)) }
        return .init(name: name)
    }
}

extension ReleaseControl {
    /// The verdicts of `rules` for each request class of the scenario's header and cookie
    /// values, in the order ``routePerRequest(weight:decisions:mirror:)`` takes them.
    ///
    /// - Complexity: O(*h* · *c*) for *h* header and *c* cookie values.
    func decisions(by rules: IngressNginxCanaryRules) -> [CanaryDecision] {
        let headers = requestHeaders
        let cookies = requestCookies
        let compiled = rules.compiled(headers: headers, cookies: cookies)
        var decisions: [CanaryDecision] = []
        for header in 0...headers.count {
            for cookie in 0...cookies.count {
                let requestClass = compiled.requestClass(
                    header: header == 0 ? nil : header - 1, cookie: cookie == 0 ? nil : cookie - 1)
                decisions.append(compiled.decisions[requestClass])
            }
        }
        return decisions
    }
}
