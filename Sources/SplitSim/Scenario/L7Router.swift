/// The proxy that splits requests for a service-split, which fixes how weights are expressed.
public enum L7Router: String, CaseIterable, Hashable, Sendable {
    /// ingress-nginx canary annotations: weight out of `weightTotal` (totals ≤ 100 mean 100),
    /// header → cookie → weight precedence.
    case ingressNginx = "ingress-nginx"
    /// Gateway API HTTPRoute: relative integer weights, share = weight / total.
    case gatewayAPI = "gateway-api"
    /// Istio VirtualService as a controller sets it: integer percentages.
    case istio
}
