/// A strategy an importer made from one manifest, before the scenario gives it a unique name.
struct ImportedStrategy {
    /// The name it asks for: the manifest's kind and name, `Rollout web`.
    var name: String
    /// The strategy's members after `name`: `description`, `kind` and the kind's keys.
    var members: [(String, JSONNode)]
    /// What it became, for the note that says so: `service-split via ingress-nginx, 6 steps`.
    var summary: String
}
