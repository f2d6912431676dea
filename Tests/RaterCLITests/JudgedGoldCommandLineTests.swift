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

    /// The export's signal columns: a signal is scored only on rows whose `judged` names it, so a comment an analyst
    /// only relabelled does not count the machine's loyalty reading as spurious; a row judging none of the signals
    /// asked for is left out and counted.
    @Test func onlyJudgedSignalsAreScored() throws {
        let folder = try ScratchFolder()
        let header = "id,lang,text,label,dimensions,expectation,recovery,loyalty,judged,machine_label,reviewed_by,"
            + "reviewed_at,source,comment_key\n"
        // s1: loyalty judged at_risk (the machine agrees); s2: only the label judged, though the machine reads
        // loyalty there; s3: loyalty judged absent where the machine reads it (a spurious reading).
        let rows = "s1,en,Never again. We are taking our business elsewhere.,,,,,at_risk,loyalty,negative,ana,"
            + "2026-11-29T10:00:00Z,a.csv,s1\n"
            + "s2,en,We will definitely come back again!,positive,,,,,label,positive,ana,2026-11-29T10:01:00Z,a.csv,s2\n"
            + "s3,en,We will definitely come back again!,,,,,,loyalty,positive,ana,2026-11-29T10:02:00Z,a.csv,s3\n"
        let gold = try folder.write("signal-gold.csv", header + rows)
        let run = try CLIProcess.run(["eval", "--gold", gold, "--expectation-column", "expectation",
                                      "--recovery-column", "recovery", "--loyalty-column", "loyalty"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("records:   2 analysed, 1 judging none of these signals (left out)"),
                "\(run.standardOutput)")
        #expect(try counts(run.standardOutput, "loyalty") == (1, 2), "s1 gold and predicted; s3 predicted only")
        #expect(try counts(run.standardOutput, "expectation") == (0, 0), "no row judged expectation")
    }
}
