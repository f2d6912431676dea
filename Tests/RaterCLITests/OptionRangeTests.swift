import Foundation
import Testing

/// Every numeric option is checked against its range when the command line is parsed (exit 64, usage error): a
/// negative `--max-groups` crashed `rater report` (exit 132), and `--jobs 100000` started a hundred thousand workers.
@Suite(.serialized) struct OptionRangeTests {
    @Test(arguments: [
        ["report", "R", "-o", "O", "--max-groups=-1"],
        ["report", "R", "-o", "O", "--examples", "51"],
        ["analyze", "E", "-o", "O", "--jobs", "0"],
        ["analyze", "E", "-o", "O", "--jobs=-3"],
        ["analyze", "E", "-o", "O", "--positive-threshold", "nan"],
        ["analyze", "E", "-o", "O", "--positive-threshold", "2"],
        ["analyze", "E", "-o", "O", "--negative-threshold=-inf"],
        ["eval", "--gold", "E", "--worst=-1"],
        ["eval", "--gold", "E", "--limit=-1"],
        ["eval", "--gold", "E", "--aspect-scheme", "rater", "--dimension-misses=-1"],
        ["corrections", "list", "--db", "D", "--limit=-1"],
        ["lexicon", "learn", "--gold", "E", "-o", "O", "--min-documents", "0"],
        ["lexicon", "learn", "--gold", "E", "-o", "O", "--max-terms=-1"],
        ["lexicon", "learn", "--gold", "E", "-o", "O", "--min-z", "nan"],
        ["lexicon", "learn", "--gold", "E", "-o", "O", "--scale", "0"],
        ["lexicon", "learn", "--gold", "E", "-o", "O", "--prior-strength=-1"],
        ["lexicon", "import", "E", "--provenance", "p", "-o", "O", "--scale", "inf"],
        ["lexicon", "import", "E", "--provenance", "p", "-o", "O", "--valence", "nan"],
        ["serve", "--db", "D", "--port", "65536"],
    ])
    func aValueOutsideItsRangeIsAUsageError(_ template: [String]) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(4)
        let results = try scratch.results(4)
        let arguments = template.map {
            switch $0 {
            case "E": export
            case "R": results
            case "O": scratch.path + "out"
            case "D": scratch.path + "missing.sqlite"
            default: $0
            }
        }
        let outcome = try CLIProcess.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
        #expect(outcome.standardError.contains("must be"), "\(arguments): \(outcome.standardError)")
        #expect(!scratch.exists("out"))
    }

    /// `--jobs` above four workers a core is brought down to that, with a warning, instead of starting them all.
    @Test func tooManyJobsAreClampedWithAWarning() throws {
        let scratch = try ScratchFolder()
        let started = Date()
        let outcome = try CLIProcess.run(["analyze", try scratch.export(4), "-o", scratch.path + "out.jsonl",
                                          "--jobs", "100000"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(Date().timeIntervalSince(started) < 30)
        let maximum = 4 * ProcessInfo.processInfo.activeProcessorCount
        #expect(outcome.standardError.contains("--jobs 100000 is more than \(maximum)"), "\(outcome.standardError)")
        #expect(try scratch.read("out.jsonl").split(separator: "\n").count == 4)
    }

    @Test func aReportWithNoGroupTablesIsWritten() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIProcess.run(["report", try scratch.results(4), "-o", scratch.path + "r.html",
                                          "--max-groups", "0", "--group-by", "branch"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(scratch.exists("r.html"))
    }
}
