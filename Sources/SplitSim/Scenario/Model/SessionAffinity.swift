/// Whether a user is pinned to a pod (`traffic.sessionAffinity`).
public enum SessionAffinity: String, CaseIterable, Hashable, Sendable {
    /// Every request or connection is balanced afresh.
    case none
    /// kube-proxy pins a client IP to a pod (Service `sessionAffinity: ClientIP`): for `clients`
    /// a user, for `cluster-ip` a calling pod. A proxy talks to pod IPs and never sees it.
    case clientIP = "client-ip"
    /// The proxy pins each user to the pod its cookie names (ingress-nginx `affinity: cookie`).
    case cookie
}
