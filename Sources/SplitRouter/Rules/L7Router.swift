/// The L7 routers that split per request between a stable and a canary Service, and the
/// granularity each one can express.
///
/// A rollout step asks for a weight out of a total (`setWeight` out of `weightTotal`); what the
/// router can actually configure differs, which is the "share asked vs share set" the
/// simulator reports.
public enum L7Router: String, Sendable, Hashable, CaseIterable {
    /// ingress-nginx canary annotations: integer `canary-weight` out of `canary-weight-total`,
    /// where totals of 100 or less mean 100.
    case ingressNginx = "ingress-nginx"
    /// Gateway API HTTPRoute backendRefs: integer weights 0…1,000,000, share = w / Σw.
    case gatewayAPI = "gateway-api"
    /// Istio VirtualService as a rollout controller sets it: integer percentages, 1 % steps.
    case istio

    /// The largest weight total Gateway API can express with one backendRef per side.
    public static let gatewayAPIMaximumWeight = 1_000_000

    /// The total the router draws weights out of for a configured `weightTotal`.
    public func effectiveTotal(weightTotal: Int) -> Int {
        switch self {
        case .ingressNginx: max(weightTotal, 100)
        case .gatewayAPI: min(max(weightTotal, 1), Self.gatewayAPIMaximumWeight)
        case .istio: 100
        }
    }

    /// The smallest non-zero canary share the router can set.
    public func smallestShare(weightTotal: Int) -> Double {
        1 / Double(effectiveTotal(weightTotal: weightTotal))
    }

    /// The integer canary weight, out of ``effectiveTotal(weightTotal:)``, that the router
    /// configures when a step asks for `weight` out of `weightTotal`.
    ///
    /// ingress-nginx and Gateway API take the weight as given, rounded to an integer (so a
    /// weight out of a total ≤ 100 in ingress-nginx counts out of 100); Istio rounds the share
    /// to whole percent. NaN and negative weights give 0; weights above the total, the total.
    public func configuredWeight(weight: Double, weightTotal: Int) -> Int {
        let total = effectiveTotal(weightTotal: weightTotal)
        guard weight > 0 else { return 0 }
        let asked: Double =
            switch self {
            case .ingressNginx, .gatewayAPI: weight
            case .istio: weightTotal > 0 ? weight * 100 / Double(weightTotal) : 0
            }
        return Int(min(asked.rounded(), Double(total)))
    }

    /// The canary share the router realises when a step asks for `weight` out of `weightTotal`.
    public func effectiveShare(weight: Double, weightTotal: Int) -> Double {
        Double(configuredWeight(weight: weight, weightTotal: weightTotal))
            / Double(effectiveTotal(weightTotal: weightTotal))
    }

    /// The per-request split for `weight` out of `weightTotal`, with an exact integer threshold.
    public func split(weight: Double, weightTotal: Int) -> TwoWaySplit {
        TwoWaySplit(
            numerator: configuredWeight(weight: weight, weightTotal: weightTotal),
            denominator: effectiveTotal(weightTotal: weightTotal)
        )
    }
}
