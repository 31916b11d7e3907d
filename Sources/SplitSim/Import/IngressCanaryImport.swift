/// An ingress-nginx canary `Ingress` (networking.k8s.io/v1 with
/// `nginx.ingress.kubernetes.io/canary: "true"`) as a `service-split` with router
/// `ingress-nginx`: its weight, weight total, header and cookie rules.
///
/// A canary Ingress holds one weight until a person edits it, so the strategy sets that weight,
/// pauses for the manual pause and promotes. An Ingress without the canary annotation is the
/// main one, which splits nothing.
struct IngressCanaryImport: ManifestImporter {
    let groups = ["networking.k8s.io", "extensions"]
    let kind = "Ingress"
    let readsOtherManifests = false

    func strategies(from document: ManifestDocument, in context: inout ImportContext)
        throws(ImportError) -> [ImportedStrategy]
    {
        var fields = ManifestFields(document)
        // Hosts, paths, TLS and the backend Services wire the Ingress up.
        fields.skip(["spec"])
        let path = ManifestFields.path("metadata.annotations")
        let annotations = NginxCanaryAnnotations(
            try fields.stringMap(path) ?? [], at: path, prefix: NginxCanaryAnnotations.prefix, completingNames: false)
        guard annotations.isCanary else {
            context.note(
                .ignored, of: document,
                "not a canary Ingress (no nginx.ingress.kubernetes.io/canary: \"true\"); only a canary Ingress splits traffic"
            )
            return []
        }
        let total = try annotations.integer("canary-weight-total", in: 1...1_000_000, of: fields)
        // ingress-nginx ignores totals up to 100: the weight is then out of 100.
        let scale = max(total ?? 100, 100)
        let weight = try annotations.integer("canary-weight", in: 0...scale, of: fields) ?? 0
        var members: [(String, JSONNode)] = [
            (
                "description",
                ImportTree.string("ingress-nginx canary Ingress, from \(document.label) (\(document.fileName))")
            ),
            ("kind", ImportTree.string("service-split")),
            ("router", ImportTree.string("ingress-nginx")),
        ]
        if let total { members.append(("weightTotal", ImportTree.integer(total))) }
        let header = annotations.header(noting: &context, of: document)
        if let header { members.append(("header", header)) }
        if let cookie = annotations.cookie { members.append(("cookie", ImportTree.string(cookie))) }
        annotations.noteIgnored(in: &context, of: document)
        let manual = context.options.manualPause.description
        context.note(
            .assumed, of: document,
            "it holds weight \(weight) of \(scale) until a person edits it; here the canary, sized to the weight, is promoted after \(manual) (--manual-pause)"
        )
        if weight == 0 && (header != nil || annotations.cookie != nil) {
            context.note(
                .assumed, of: document,
                "at weight 0 ingress-nginx already routes header and cookie matches to the canary; a scenario turns those rules on with the first weight above 0"
            )
        }
        members.append(
            (
                "steps",
                ImportTree.array([
                    ImportTree.step("setWeight", ImportTree.integer(weight)),
                    ImportTree.step("pause", ImportTree.string(manual)),
                ])
            ))
        context.noteUnread(fields)
        return [
            ImportedStrategy(
                name: document.label, members: members, summary: "service-split via ingress-nginx, weight \(weight)")
        ]
    }
}
