import RaterDatabase
import Testing

/// `rater --version` prints the version that manifests and the `runs` table record, and nothing else, so a script
/// can compare it with a manifest's `rater_version`.
@Suite struct VersionTests {
    @Test func versionIsTheRecordedOne() throws {
        let outcome = try CLIProcess.run(["--version"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == RunRecorder.raterVersion + "\n")
    }
}
