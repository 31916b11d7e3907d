/// A Kubernetes `Deployment` (apps/v1): its rolling update becomes a `rolling-update`
/// strategy, the baseline; `Recreate` is not simulated.
///
/// Defaults follow kubernetes `pkg/apis/apps/v1/defaults.go`: 1 replica, `RollingUpdate`
/// with 25 % surge and 25 % unavailability.
struct DeploymentImport: ManifestImporter {
    let groups = ["apps"]
    let kind = "Deployment"
    let readsOtherManifests = false

    /// What a Deployment's spec says about how it rolls.
    struct Rollout {
        var replicas: Int
        /// The rolling update's budget, or nil for `Recreate`.
        var budget: (maxSurge: IntOrPercent, maxUnavailable: IntOrPercent)?
    }

    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
    {
        let rollout = try Self.rollout(of: document, in: &context, noting: true)
        context.requestReplicas(rollout.replicas, by: document)
        guard let budget = rollout.budget else { return [] }
        let members: [(String, JSONNode)] = [
            (
                "description",
                ImportTree.string("Kubernetes rolling update, from \(document.label) (\(document.fileName))")
            ),
            ("kind", ImportTree.string("rolling-update")),
            ("maxSurge", ImportTree.podCount(budget.maxSurge)),
            ("maxUnavailable", ImportTree.podCount(budget.maxUnavailable)),
        ]
        return [ImportedStrategy(name: document.label, members: members, summary: "rolling-update")]
    }

    /// Reads the replicas and the update strategy of the Deployment `document`, noting what
    /// it ignores when `noting`; a Flagger Canary reads its target this way too.
    static func rollout(of document: ManifestDocument, in context: inout ImportContext, noting: Bool)
        throws(ImportError)
        -> Rollout
    {
        var fields = ManifestFields(document)
        // The pod template and the history kept have no bearing on how traffic moves.
        fields.skip(["spec.selector", "spec.template", "spec.revisionHistoryLimit"])
        let replicas =
            try fields.integer(ManifestFields.path("spec.replicas"), in: 1...ScenarioDecoder.maximumReplicas) ?? 1
        let typePath = ManifestFields.path("spec.strategy.type")
        let type = try fields.string(typePath) ?? "RollingUpdate"
        let budgetPath = ManifestFields.path("spec.strategy.rollingUpdate")
        var rollout = Rollout(replicas: replicas, budget: nil)
        switch type {
        case "RollingUpdate":
            let surge = try fields.intOrPercent(budgetPath.key("maxSurge"), maximumPercent: 1_000) ?? .percent(25)
            let unavailable =
                try fields.intOrPercent(budgetPath.key("maxUnavailable"), maximumPercent: 100) ?? .percent(25)
            if surge.isZero && unavailable.isZero {
                throw fields.failure(
                    budgetPath, "maxSurge and maxUnavailable are both 0; expected at least one above 0")
            }
            rollout.budget = (surge, unavailable)
        case "Recreate" where noting:
            context.note(
                .ignored, typePath, of: document,
                "Recreate stops every old pod before a new one starts, which splitsim does not simulate")
        case "Recreate":
            break
        default:
            throw fields.failure(
                typePath, "\(JSONPath.quoted(type)) is not a strategy; expected RollingUpdate or Recreate")
        }
        if noting { context.noteUnread(fields) }
        return rollout
    }

}
