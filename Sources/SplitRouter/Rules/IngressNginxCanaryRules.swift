/// The canary annotations of one ingress-nginx canary Ingress, with the precedence of
/// `route_to_alternative_balancer` in `rootfs/etc/nginx/lua/balancer.lua`: header, then cookie,
/// then weight.
///
/// Evaluating regular expressions and string compares per request would dominate a simulation,
/// so the rules are compiled against the finite set of headers and cookies the simulated
/// requests can carry; see ``compiled(headers:cookies:)``.
public struct IngressNginxCanaryRules: Sendable, Hashable {
    /// How `canary-by-header` matches the header's value.
    public enum HeaderMatch: Sendable, Hashable {
        /// No value or pattern annotation: `always` → canary, `never` → stable, anything else
        /// falls through to the cookie.
        case alwaysOrNever
        /// `canary-by-header-value`: exactly this value → canary, anything else falls through.
        case exact(String)
        /// `canary-by-header-pattern`: a value the regular expression matches anywhere in →
        /// canary, anything else falls through; a pattern that does not compile sends the
        /// request to stable, because `ngx.re.match` returns an error and the Lua code returns
        /// `false` on it.
        case pattern(String)
    }

    /// `canary-by-header` with `canary-by-header-value` or `canary-by-header-pattern`.
    public struct HeaderRule: Sendable, Hashable {
        /// The header name.
        public var name: String
        /// How the header's value is matched.
        public var match: HeaderMatch

        /// Creates a header rule.
        public init(name: String, match: HeaderMatch = .alwaysOrNever) {
            self.name = name
            self.match = match
        }
    }

    /// The header rule; `nil` when `canary-by-header` is not set.
    public var header: HeaderRule?

    /// `canary-by-cookie`: the cookie whose value `always` or `never` decides; `nil` when not set.
    public var cookieName: String?

    /// `canary-weight`: requests out of ``effectiveWeightTotal`` that go to the canary.
    public var weight: Int

    /// `canary-weight-total` as configured (default 100).
    public var weightTotal: Int

    /// Creates the rules; a header with an empty value or pattern behaves like
    /// ``HeaderMatch/alwaysOrNever``, as the Lua code checks for a non-empty annotation.
    public init(
        header: HeaderRule? = nil,
        cookieName: String? = nil,
        weight: Int = 0,
        weightTotal: Int = 100
    ) {
        self.header = header
        self.cookieName = cookieName
        self.weight = weight
        self.weightTotal = weightTotal
    }

    /// The total the weight is drawn out of: totals of 100 or less are ignored and mean 100.
    public var effectiveWeightTotal: Int { max(weightTotal, 100) }

    /// The share of undecided requests that go to the canary: `math.random(total) <= weight`.
    public var weightedSplit: TwoWaySplit {
        TwoWaySplit(numerator: weight, denominator: effectiveWeightTotal)
    }

    /// Compiles the rules for requests that carry at most one of `headers` and at most one of
    /// `cookies`; a request is then described by the indices into these lists.
    ///
    /// Fields whose name differs from the rule's header (compared case-insensitively, with `-`
    /// and `_` alike, as nginx's `$http_` variables see them) or cookie (exact, as
    /// `$cookie_` does) count as absent. The regular expression is compiled once and run once
    /// per distinct header value.
    ///
    /// - Complexity: O((H + 1)·(C + 1)) plus one match per header.
    public func compiled(headers: [HTTPField] = [], cookies: [HTTPField] = []) -> CompiledCanaryRules {
        let headerDecisions = [Optional<CanaryDecision>.none] + headers.map(headerDecision(for:))
        let cookieDecisions = [Optional<CanaryDecision>.none] + cookies.map(cookieDecision(for:))
        var decisions: [CanaryDecision] = []
        decisions.reserveCapacity(headerDecisions.count * cookieDecisions.count)
        for headerDecision in headerDecisions {
            for cookieDecision in cookieDecisions {
                decisions.append(headerDecision ?? cookieDecision ?? .weighted)
            }
        }
        return CompiledCanaryRules(
            decisions: decisions,
            cookieStride: cookieDecisions.count,
            headerCount: headers.count,
            cookieCount: cookies.count,
            weightedSplit: weightedSplit
        )
    }

    /// The header rule's verdict for a request carrying `field`; `nil` falls through.
    private func headerDecision(for field: HTTPField) -> CanaryDecision? {
        guard let header, Self.nginxVariableName(field.name) == Self.nginxVariableName(header.name) else {
            return nil
        }
        switch header.match {
        case .exact(let expected) where !expected.isEmpty:
            return field.value == expected ? .canary : nil
        case .pattern(let pattern) where !pattern.isEmpty:
            guard let regex = try? Regex(pattern) else { return .stable }
            return field.value.contains(regex) ? .canary : nil
        case .alwaysOrNever, .exact, .pattern:
            switch field.value {
            case "always": return .canary
            case "never": return .stable
            default: return nil
            }
        }
    }

    /// The cookie rule's verdict for a request carrying `field`; `nil` falls through.
    private func cookieDecision(for field: HTTPField) -> CanaryDecision? {
        guard let cookieName, field.name == cookieName else { return nil }
        switch field.value {
        case "always": return .canary
        case "never": return .stable
        default: return nil
        }
    }

    /// nginx names the variable of header `X-Canary` `$http_x_canary`.
    private static func nginxVariableName(_ header: String) -> String {
        String(header.lowercased().map { $0 == "-" ? "_" : $0 })
    }
}
