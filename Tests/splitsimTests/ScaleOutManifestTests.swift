import Foundation
import SplitSim
import Testing

/// The Indexed Job of `docs/scale-out.md` is read as Kubernetes would read it, so that the
/// documented manifest keeps matching the tool: an Indexed Job whose completions are the
/// shard count its pods pass to `sweep run --shards`, writing to the volume the merge Job reads.
@Suite struct ScaleOutManifestTests {
    private static func documents() throws -> [JSONNode] {
        let guide = try String(
            contentsOf: CLIRun.packageRoot.appendingPathComponent("docs/scale-out.md"), encoding: .utf8)
        let marker = try #require(guide.range(of: "<!-- scale-out-manifest -->\n```yaml\n"))
        let end = try #require(guide[marker.upperBound...].range(of: "\n```"))
        return try YAMLReader.documents(parsing: String(guide[marker.upperBound..<end.lowerBound]))
    }

    private static func string(_ node: JSONNode?) -> String? {
        if case .string(let text)? = node?.value { return text }
        return nil
    }

    private static func integer(_ node: JSONNode?) -> Int? {
        if case .number(let number)? = node?.value { return number.integerValue }
        return nil
    }

    private static func command(_ job: JSONNode) -> [String] {
        let container = job["spec"]?["template"]?["spec"]?["containers"]?.elements?.first
        return container?["command"]?.elements?.compactMap(string) ?? []
    }

    @Test func theShardJobIsIndexedWithOneCompletionPerShard() throws {
        let documents = try Self.documents()
        #expect(documents.count == 2)
        let shards = documents[0]
        #expect(Self.string(shards["apiVersion"]) == "batch/v1")
        #expect(Self.string(shards["kind"]) == "Job")
        #expect(Self.string(shards["spec"]?["completionMode"]) == "Indexed")
        let completions = try #require(Self.integer(shards["spec"]?["completions"]))
        let command = Self.command(shards)
        #expect(Array(command.prefix(3)) == ["splitsim", "sweep", "run"])
        let flag = try #require(command.firstIndex(of: "--shards"))
        #expect(Int(command[flag + 1]) == completions)
        #expect(Self.string(shards["spec"]?["template"]?["spec"]?["restartPolicy"]) == "Never")
    }

    @Test func theMergeJobReadsTheDirectoryTheShardsWrite() throws {
        let documents = try Self.documents()
        let run = Self.command(documents[0])
        let merge = Self.command(documents[1])
        #expect(Array(merge.prefix(3)) == ["splitsim", "sweep", "merge"])
        let directory = try #require(run.firstIndex(of: "--output-dir")).advanced(by: 1)
        #expect(merge[3] == run[directory])
        let mounts = documents.map {
            Self.string(
                $0["spec"]?["template"]?["spec"]?["containers"]?.elements?.first?["volumeMounts"]?
                    .elements?.first?["mountPath"])
        }
        #expect(mounts == ["/study", "/study"])
        #expect(run[directory].hasPrefix("/study/") && merge[3].hasPrefix("/study/"))
    }

    /// The documented commands are the tool's: every flag the manifest passes is one `sweep run`
    /// accepts, so the pod gets as far as looking for its plan.
    @Test func theManifestsFlagsAreTheTools() throws {
        let run = Self.command(try Self.documents()[0])
        let scratch = try TemporaryDirectory()
        let result = try CLIRun.run(
            Array(run.dropFirst()).map { $0.hasPrefix("/study") ? scratch.url.path + $0 : $0 },
            environment: ["JOB_COMPLETION_INDEX": "3"])
        #expect(result.status == 66, "\(result)")
        #expect(result.problemLines.first?.hasSuffix("/study/plan.jsonl: no such file") == true)
    }
}
