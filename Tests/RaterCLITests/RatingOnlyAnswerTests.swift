import Foundation
import Testing

/// A survey export where some respondents gave a score and no comment: those rows are rejected as `empty_text`, and
/// their scores were in no NPS figure without a word ("NPS 100 over 2 responses" for five answers 10, 9, 0, 0, 2).
/// The figures still count analysed comments only, but the run now says how many answers each figure is over and
/// that the answers of rows without a comment are not among them.
@Suite struct RatingsWithoutCommentTests {
    let survey = """
        id,comment,nps
        S1,Friendly staff and a quick check-in,10
        S2,The room was spotless,9
        S3,,0
        S4,  ,0
        S5,,2

        """

    @Test func theSummarySaysWhatTheFigureIsOverAndThatRowsWithoutACommentAreNotInIt() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("survey.csv", survey)
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                                          "--aggregate-csv", scratch.path + "agg.csv",
                                          "--rejects", scratch.path + "rejects.jsonl"])
        let log = outcome.standardError
        #expect(outcome.status == 3, "\(log)")
        #expect(log.contains("read 5, analysed 2, rejected 3"), "\(log)")
        #expect(log.contains("rater: --nps-column nps: NPS over 2 responses of 2 comments"), "\(log)")
        #expect(log.contains("3 records were rejected as empty_text: any rating (--nps-column nps) on them is in no "
            + "NPS/CSAT/CES figure"), "\(log)")
        // The aggregate file carries the same count beside the figure.
        let header = try #require(try scratch.read("agg.csv").split(separator: "\n").first)
        #expect(header.contains("nps_responses"))
    }

    /// Without a rating column an empty comment is only an empty comment: nothing is said about ratings.
    @Test func withoutARatingColumnNothingIsSaidAboutRatings() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("survey.csv", survey)
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl"])
        #expect(outcome.status == 3)
        #expect(!outcome.standardError.contains("NPS/CSAT/CES"), "\(outcome.standardError)")
    }
}
