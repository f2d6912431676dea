import Foundation
import Testing

/// `rater eval` on a review workspace export scores only what an analyst judged: an empty label is left out of
/// sentiment, and a dimension the `judged` column does not name is neither missed nor spurious.
@Suite struct JudgedGoldCommandLineTests {
    static let header = "id,lang,text,label,dimensions,judged,machine_label,reviewed_by,reviewed_at,source,comment_key\n"

    /// The `target` row's gold and predicted counts.
    func counts(_ output: String, _ target: String) throws -> (gold: Int, predicted: Int) {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix(target + " ") })
        let numbers = line.split(separator: " ").dropFirst().prefix(2).compactMap { Int($0) }
        return (numbers.first ?? -1, numbers.dropFirst().first ?? -1)
    }

    @Test func onlyJudgedFieldsAreScored() throws {
        let folder = try ScratchFolder()
        // j1: an analyst judged assurance only (the machine also finds the room: tangibles); j2: the label only.
        let rows = "j1,en,The room was spotless and the staff were lovely.,,assurance:positive,assurance,positive,ana,"
            + "2026-11-28T10:00:00Z,a.csv,j1\n"
            + "j2,en,The lift was broken.,negative,,label,negative,ana,2026-11-28T10:01:00Z,a.csv,j2\n"
        let gold = try folder.write("team-gold.csv", Self.header + rows)

        let dimensions = try CLIProcess.run(["eval", "--gold", gold, "--aspect-scheme", "rater"])
        #expect(dimensions.status == 0, "\(dimensions.standardError)")
        #expect(dimensions.standardOutput.contains("records:   1 analysed, 1 with no judged dimension (left out)"))
        #expect(try counts(dimensions.standardOutput, "assurance") == (1, 1))
        #expect(try counts(dimensions.standardOutput, "tangibles") == (0, 0), "not judged: not spurious")
        #expect(try counts(dimensions.standardOutput, "reliability") == (0, 0), "j2 judged no dimension")

        let sentiment = try CLIProcess.run(["eval", "--gold", gold])
        #expect(sentiment.status == 0, "\(sentiment.standardError)")
        #expect(sentiment.standardOutput.contains("1 labelled, 1 without a gold label (left out)"))

        // The same rows without the column (a hand-written gold file): the dimensions cell is the complete list.
        let complete = try folder.write("complete.csv", "id,lang,text,label,dimensions\n"
            + "j1,en,The room was spotless and the staff were lovely.,positive,assurance:positive\n")
        let whole = try CLIProcess.run(["eval", "--gold", complete, "--aspect-scheme", "rater"])
        #expect(try counts(whole.standardOutput, "tangibles") == (0, 1), "spurious where the list is complete")
    }
}
