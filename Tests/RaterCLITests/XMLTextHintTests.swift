import Foundation
import Testing

/// An XML export whose comments sit in another element than `<text>` had every record rejected with "the record has
/// no <text> text", thousands of times, and nothing named `--xml-text`. The rejection now says what the record holds
/// and which `--xml-text` reads it, and the log and the summary say once that every record was rejected so.
@Suite struct XMLTextHintTests {
    func export(_ count: Int) -> String {
        var xml = "<?xml version=\"1.0\"?>\n<feedback>\n"
        for index in 1...count {
            xml += "  <entry ref=\"F\(index)\">\n    <score>\(index % 5 + 1)</score>\n"
                + "    <remark>The shuttle driver waited for us although our flight landed late</remark>\n  </entry>\n"
        }
        return xml + "</feedback>\n"
    }

    func occurrences(of text: String, in log: String) -> Int { log.components(separatedBy: text).count - 1 }

    @Test func everyRecordRejectedForWantOfTextIsSaidOnceWithTheOptionToPass() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("feedback.xml", export(12))
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--xml-id", "@ref",
                                          "--rejects", scratch.path + "rejects.jsonl"])
        #expect(outcome.status == 3, "\(outcome.standardError)")
        let log = outcome.standardError
        // Each rejection names the record, what it holds, and the option.
        #expect(log.contains("rejected \(input):3 (record 1, byte 35): the <entry> record has no comment text in "
            + "element <text> (it holds <score>, <remark>, @ref); if the comments are in <remark>, pass "
            + "--xml-text remark"), "\(log)")
        #expect(occurrences(of: "pass --xml-text remark", in: try scratch.read("rejects.jsonl")) == 12)
        // Once after the first ten, once in the summary.
        #expect(occurrences(of: "\(input): the first 10 records read were all rejected as missing_element; the first, "
            + "\(input):3 (record 1, byte 35): the <entry> record", in: log) == 1, "\(log)")
        #expect(occurrences(of: "rater: warning: all 12 records read from \(input) were rejected as missing_element; the "
            + "first, \(input):3 (record 1, byte 35)", in: log) == 1, "\(log)")
        #expect(log.contains("read 12, analysed 0, rejected 12"))
        // As suggested: every record is read.
        let again = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--xml-id", "@ref",
                                        "--xml-text", "remark"])
        #expect(again.status == 0 && again.standardError.contains("read 12, analysed 12, rejected 0"),
                "\(again.standardError)")
    }

    /// `rater records`, the check of a new export, says it the same way.
    @Test func recordsSaysItToo() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("feedback.xml", export(3))
        let outcome = try CLIProcess.run(["records", "--count", input])
        #expect(outcome.status == 3)
        #expect(occurrences(of: "rater: warning: all 3 records read from \(input) were rejected as missing_element",
                            in: outcome.standardError) == 1, "\(outcome.standardError)")
    }

    /// An export with some records rejected, not all, is no such case: nothing more is said.
    @Test func someRecordsRejectedAreNotTakenForAWrongOption() throws {
        let scratch = try ScratchFolder()
        // Eleven records hold <remark>, and one more at the end <text>.
        let input = try scratch.write("mixed.xml", export(11).replacingOccurrences(
            of: "</feedback>", with: "  <entry ref=\"T\"><text>Lovely pool</text></entry>\n</feedback>"))
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--xml-id", "@ref"])
        #expect(outcome.status == 3)
        #expect(outcome.standardError.contains("read 12, analysed 1, rejected 11"), "\(outcome.standardError)")
        // The first ten were rejected alike, and the log says so; the summary does not, as one was read.
        #expect(occurrences(of: "the first 10 records read were all rejected", in: outcome.standardError) == 1)
        #expect(!outcome.standardError.contains("rater: warning: all "))
    }
}
