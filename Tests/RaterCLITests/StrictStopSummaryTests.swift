import Foundation
import RaterDatabase
import Testing

/// A run stopped by `--strict` printed no summary: exit status 4 was all a cron log showed. It now prints the summary
/// a finished run prints, with the counts up to the stop (read = analysed + rejected), the rejection it stopped at,
/// and where the results and the rejection went.
@Suite struct StrictStopSummaryTests {
    /// Five comments, the third blank; every worker count stops at the same place.
    @Test(arguments: [1, 2])
    func aStrictStopPrintsTheSummarySoFarAndWhereEverythingWent(_ jobs: Int) throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("strict.csv", "id,comment\nS1,The lobby was spotless\nS2,Checkout took a minute\n"
            + "S3,   \nS4,The pool was closed\nS5,Friendly concierge\n")
        let output = scratch.path + "out.jsonl"
        let rejects = scratch.path + "rejects.jsonl"
        let outcome = try CLIProcess.run(["analyze", input, "--strict", "-o", output, "--rejects", rejects,
                                          "--manifest", scratch.path + "run.json", "--jobs", "\(jobs)"])
        #expect(outcome.status == 4, "\(outcome.standardError)")
        let log = outcome.standardError
        #expect(log.contains("rater: read 3, analysed 2, rejected 1 in "), "\(log)")
        #expect(log.contains("rater: rejected by reason empty_text 1"), "\(log)")
        #expect(log.contains("rater: stopped by --strict at the first rejected record, \(input):4 (record 3, byte "
            + "63): the comment text is empty; nothing after it is in the outputs or these counts"), "\(log)")
        #expect(log.contains("rater: the 2 results before it are in \(output), the rejection in \(rejects) "
            + "(exit status 4)"), "\(log)")
        #expect(try scratch.read("out.jsonl").split(separator: "\n").count == 2)
        #expect(try scratch.read("rejects.jsonl").split(separator: "\n").count == 1)
        let manifest = try RunManifest.decode(scratch.read("run.json"))
        #expect(manifest.status == "stopped" && manifest.exitCode == 4)
        #expect(manifest.counts.read == 3 && manifest.counts.analysed == 2 && manifest.counts.rejected == 1)
    }

    /// Without `--rejects` the rejection is in the log only, and the results on standard output.
    @Test func withoutARejectsFileTheSummarySaysSo() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("strict.csv", "id,comment\nS1,   \nS2,Fine\n")
        let outcome = try CLIProcess.run(["analyze", input, "--strict"])
        #expect(outcome.status == 4, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("rater: read 1, analysed 0, rejected 1 in "), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("rater: nothing was analysed before it; the rejection is in this log "
            + "only (exit status 4)"), "\(outcome.standardError)")
    }
}
