import Foundation
import Testing

/// The same scenario and seed give the same bytes (issue 16): in every format, whatever
/// `--jobs` is, and across separate processes.
@Suite struct DeterminismTests {
    @Test(arguments: ["json", "csv", "markdown", "html"])
    func everyFormatIsTheSameBytesForAnyJobsAndAnyProcess(format: String) throws {
        let arguments = ["compare", "scenarios/argo-vs-flagger.json", "--runs", "3", "--format", format]
        let reference = try CLIRun.run(arguments + ["--jobs", "1"])
        #expect(reference.status == 0, "\(reference)")
        #expect(reference.stdout.utf8.count > 1_000)
        for jobs in ["2", "4"] {
            let parallel = try CLIRun.run(arguments + ["--jobs", jobs])
            #expect(parallel.stdout == reference.stdout, "--jobs \(jobs) differs from --jobs 1 in \(format)")
        }
        let again = try CLIRun.run(arguments + ["--jobs", "1"])
        #expect(again.stdout == reference.stdout, "a second process differs in \(format)")
    }
}
