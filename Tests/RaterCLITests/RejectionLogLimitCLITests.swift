import Foundation
import Testing

/// A nightly export with one systematic fault rejected thousands of records and logged every one. With the
/// rejections kept in `--rejects`, the log now shows the first few of each reason and one line about the rest; without
/// a rejects file or a database the log is their only record and shows them all.
@Suite struct RejectionLogLimitCLITests {
    /// `count` rows with an empty comment between two good ones.
    func export(emptyRows count: Int) -> String {
        "id,comment\n1,The nurse explained every step\n"
            + (2...(count + 1)).map { "\($0),\n" }.joined()
            + "\(count + 2),Quick and friendly checkout\n"
    }

    func occurrences(of text: String, in log: String) -> Int { log.components(separatedBy: text).count - 1 }

    @Test func withARejectsFileTheLogShowsTheFirstOfAReasonAndSaysTheRestAreNotShown() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("night.csv", export(emptyRows: 45))
        let outcome = try CLIProcess.run(["analyze", input, "--text-column", "comment", "-o", scratch.path + "out.jsonl",
                                          "--rejects", scratch.path + "rejects.jsonl"])
        #expect(outcome.status == 3, "\(outcome.standardError)")
        let log = outcome.standardError
        #expect(occurrences(of: "rejected \(input):", in: log) == 20, "\(log)")
        #expect(occurrences(of: "\(input): more than 20 records rejected as empty_text; those after the first 20 of "
            + "this reason in this input are not logged one by one", in: log) == 1, "\(log)")
        #expect(log.contains("read 47, analysed 2, rejected 45"))
        #expect(log.contains("rater: 25 of the rejections were not logged one by one"), "\(log)")
        // Nothing is lost: every one is in the rejects file.
        #expect(try scratch.read("rejects.jsonl").split(separator: "\n").count == 45)
        // The debug level shows each.
        let debug = try CLIProcess.run(["analyze", input, "--text-column", "comment", "-o", scratch.path + "out.jsonl",
                                        "--rejects", scratch.path + "rejects.jsonl", "--log-level", "debug"])
        #expect(occurrences(of: "rejected \(input):", in: debug.standardError) == 45, "\(debug.standardError)")
    }

    /// Exactly 20 rejections of a reason: all are logged, and no line says further ones are not.
    @Test func noNoticeWhenNoFurtherRejectionFollows() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("night.csv", export(emptyRows: 20))
        let outcome = try CLIProcess.run(["analyze", input, "--text-column", "comment", "-o", scratch.path + "out.jsonl",
                                          "--rejects", scratch.path + "rejects.jsonl"])
        #expect(outcome.status == 3, "\(outcome.standardError)")
        #expect(occurrences(of: "rejected \(input):", in: outcome.standardError) == 20, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("not logged one by one"), "\(outcome.standardError)")
    }

    @Test func withoutARejectsFileEveryRejectionIsLogged() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("night.csv", export(emptyRows: 45))
        let outcome = try CLIProcess.run(["analyze", input, "--text-column", "comment", "-o", scratch.path + "out.jsonl"])
        #expect(outcome.status == 3, "\(outcome.standardError)")
        #expect(occurrences(of: "rejected \(input):", in: outcome.standardError) == 45, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("not logged one by one"))
    }
}
