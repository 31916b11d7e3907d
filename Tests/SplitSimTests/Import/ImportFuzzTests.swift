import Testing

@testable import SplitSim

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The importer on mutated manifests: it imports them or reports an ``ImportError``, and
/// never traps or hangs. Half the inputs are YAML texts with characters edited; the other
/// half are manifest trees with a value replaced, a member dropped or a key renamed to
/// another kind's, since those reach the importers rather than the reader.
@Suite("import: mutated manifests")
struct ImportFuzzTests {
    private static let seeds: [String] = [
        RolloutImportTests.routed,
        FlaggerCanaryImportTests.podinfo,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: bg}
        spec:
          replicas: 3
          strategy:
            blueGreen:
              activeService: a
              previewReplicaCount: 1
              autoPromotionEnabled: false
              prePromotionAnalysis:
                templates:
                - templateName: t
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: t}
        spec:
          metrics:
          - name: m
            interval: 1m
            count: 3
            successCondition: len(result) == 0 || result[0] >= 0.95
            failureCondition: result[0] < 0.5
            provider:
              prometheus: {query: q}
        """,
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: c
          annotations:
            nginx.ingress.kubernetes.io/canary: "true"
            nginx.ingress.kubernetes.io/canary-weight: "20"
            nginx.ingress.kubernetes.io/canary-by-header: x-c
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r}
        spec:
          rules:
          - backendRefs:
            - {name: r-stable, weight: 9}
            - {name: r-canary, weight: 1}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: v}
        spec:
          http:
          - route:
            - destination: {host: v, subset: stable}
              weight: 80
            - destination: {host: v, subset: canary}
              weight: 20
            mirror: {host: v, subset: canary}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          replicas: 4
          strategy:
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
        """,
    ]

    /// Keys of the manifests' fields, so that renamed keys land on real ones.
    private static let keys = [
        "setWeight", "pause", "duration", "analysis", "templates", "templateName", "setCanaryScale", "replicas",
        "weight", "setHeaderRoute", "match", "setMirrorRoute", "percentage", "trafficRouting", "nginx", "istio",
        "plugins", "maxTrafficWeight", "maxSurge", "maxUnavailable", "iterations", "stepWeights", "stepWeight",
        "maxWeight", "threshold", "interval", "count", "metrics", "thresholdRange", "min", "provider", "mirror",
        "backendRefs", "route", "headers", "canary", "blueGreen", "kind", "apiVersion", "metadata", "name", "spec",
    ]

    /// Values that probe ranges and types.
    private static let values = [
        "0", "-1", "1e3", "0.5", "1000001", "99999999999999999999", "\"25%\"", "\"2000%\"", "\"\"", "\"10m\"",
        "\"-5s\"", "\"{{args.x}}\"", "true", "null", "[]", "{}", "[1, 2]", #"{"exact": "x"}"#,
        #"[{"templateName": "t"}]"#, "\"Deployment\"", "\"List\"",
    ]

    /// Mutated inputs per seed; with four seeds the test reads 2,400.
    private static let mutationsPerSeed = 600

    @Test(.timeLimit(.minutes(1)))
    func mutatedManifestsImportOrFail() throws {
        var random = MutationRandom(state: 0x1A4D_5EED)
        var imported = 0
        var rejected = 0
        var messages = Set<String>()
        // CPU time of this thread, so that other tests running beside it do not count.
        let start = Self.threadCPUSeconds()
        let trees = try Self.seeds.map { try YAMLReader.documents(parsing: $0) }
        for (seed, documents) in zip(Self.seeds, trees) {
            for round in 0..<Self.mutationsPerSeed {
                var manifests = ManifestSet()
                do {
                    if round.isMultiple(of: 2) {
                        var scalars = Array(seed.unicodeScalars)
                        for _ in 0...random.below(3) { Self.edit(&scalars, &random) }
                        var text = ""
                        text.unicodeScalars.append(contentsOf: scalars)
                        try manifests.add(text: text, file: "m.yaml")
                    } else {
                        for var document in documents {
                            for _ in 0...random.below(3) { try Self.mutate(&document, &random) }
                            try manifests.add(document: document, file: "m.json")
                        }
                    }
                    // ManifestImport validates the scenario it makes, or throws.
                    let result = try ManifestImport(manifests)
                    #expect(result.strategyCount >= 1)
                    imported += 1
                } catch let error as ImportError {
                    rejected += 1
                    #expect(!error.lines.isEmpty)
                    if case .invalidScenario(let lines) = error {
                        #expect(lines.allSatisfy { $0.contains(" (from ") }, "\(lines)")
                    }
                    messages.insert(String(error.description.prefix(60)))
                }
            }
        }
        let elapsed = Self.threadCPUSeconds() - start
        #expect(imported + rejected == Self.seeds.count * Self.mutationsPerSeed)
        // Both outcomes must be common, or the mutations are too weak (or too strong) to test anything.
        #expect(imported > 300)
        #expect(rejected > 1_000)
        #expect(messages.count > 40)
        #expect(elapsed < 2, "mutation run took \(elapsed) s of CPU")
    }

    /// The CPU time this thread has used, in seconds.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// One character edit: delete, insert, duplicate a stretch, or overwrite.
    private static func edit(_ scalars: inout [Unicode.Scalar], _ random: inout MutationRandom) {
        let alphabet = Array(":-#'\"[]{}0123456789 \n%.ab".unicodeScalars)
        let at = random.below(scalars.count + 1)
        switch random.below(4) {
        case 0:
            scalars.removeSubrange(at..<min(scalars.count, at + 1 + random.below(6)))
        case 1:
            scalars.insert(contentsOf: (0...random.below(3)).map { _ in random.pick(alphabet) }, at: at)
        case 2:
            let copy = Array(scalars[at..<min(scalars.count, at + 1 + random.below(30))])
            scalars.insert(contentsOf: copy, at: random.below(scalars.count + 1))
        default:
            if at < scalars.count { scalars[at] = random.pick(alphabet) }
        }
    }

    /// One tree edit at a random node: replace its value, drop a member, or rename a key.
    private static func mutate(_ node: inout JSONNode, _ random: inout MutationRandom) throws {
        var nodeCount = 0
        count(node, &nodeCount)
        var target = random.below(nodeCount)
        let choice = random.below(3)
        let replacement = try JSONNode(parsing: random.pick(values))
        let key = random.pick(keys)
        edit(&node, &target, choice: choice, replacement: replacement, key: key)
    }

    private static func count(_ node: JSONNode, _ total: inout Int) {
        total += 1
        for child in node.elements ?? [] { count(child, &total) }
        for member in node.members ?? [] { count(member.value, &total) }
    }

    /// Applies the edit to the node `target` counts down to, in pre-order.
    private static func edit(
        _ node: inout JSONNode, _ target: inout Int, choice: Int, replacement: JSONNode, key: String
    ) {
        if target == 0 {
            target = -1
            switch (choice, node.value) {
            case (1, .object(var members)) where !members.isEmpty:
                members.remove(at: members.count / 2)
                node.value = .object(members)
            case (2, .object(var members)) where !members.isEmpty && !members.contains(where: { $0.key == key }):
                members[0].key = key
                node.value = .object(members)
            default:
                node = replacement
            }
            return
        }
        target -= 1
        switch node.value {
        case .array(var elements):
            for index in elements.indices where target >= 0 {
                edit(&elements[index], &target, choice: choice, replacement: replacement, key: key)
            }
            node.value = .array(elements)
        case .object(var members):
            for index in members.indices where target >= 0 {
                edit(&members[index].value, &target, choice: choice, replacement: replacement, key: key)
            }
            node.value = .object(members)
        case .null, .bool, .number, .string:
            break
        }
    }
}
