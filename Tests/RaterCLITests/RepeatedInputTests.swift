import Foundation
import Testing

/// An input named twice (the same file, or overlapping patterns) is read once, and the log says so: `rater aggregate
/// w.jsonl w.jsonl` counted 20 comments for 10, and `analyze` analysed every comment twice.
@Suite(.serialized) struct RepeatedInputTests {
    @Test func aggregateCountsAFileNamedTwiceOnce() throws {
        let scratch = try ScratchFolder()
        let results = try scratch.results(10)
        let outcome = try CLIProcess.run(["aggregate", results, results, scratch.path + "*.jsonl",
                                          "--aggregate-csv", scratch.path + "agg.csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("aggregated 10 results"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(results) is given twice"), "\(outcome.standardError)")
        #expect(try scratch.read("agg.csv").contains(",overall,10,"))
    }

    @Test func analyzeReadsOverlappingPatternsOnce() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(6, name: "today.csv")
        let outcome = try CLIProcess.run(["analyze", scratch.path + "*.csv", export, "-o", scratch.path + "out.jsonl"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try scratch.read("out.jsonl").split(separator: "\n").count == 6)
        #expect(outcome.standardError.contains("\(export) is given twice"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("read 6,"), "\(outcome.standardError)")
    }
}
