import Foundation
import RaterDatabase
import RaterReview
import Testing

/// The loop the review workspace exists for: analysts correct one night's comments, the corrections become gold,
/// a team lexicon is learned from them, and the next night's different comments score better.
@Suite struct ReviewLoopTests {
    func accuracy(_ outcome: CLIProcess.Outcome) throws -> Double {
        let line = try #require(outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("accuracy:") })
        return try #require(Double(line.split(separator: " ").last.map(String.init) ?? ""))
    }

    @Test func teamCorrectionsImproveTheNextNight() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("results.sqlite").path
        let night1 = "Corpora/review/night1.csv", night2 = "Corpora/review/night2.csv"

        let analysed = try CLIProcess.run(["analyze", night1, "--db", database,
                                           "-o", directory.appendingPathComponent("night1.jsonl").path])
        #expect(analysed.status == 0, "\(analysed.standardError)")

        // The analysts' decisions: `team_label`, the last column of the team's file (ids are the first).
        let lines = try String(contentsOf: CLIProcess.repository.appendingPathComponent(night1), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        let store = try ReviewStore(connection: SQLiteConnection(path: database))
        var changed = 0
        for line in lines {
            let id = String(line.split(separator: ",")[0])
            let decided = try #require(SentimentLabelName(rawValue: String(line.split(separator: ",").last!)))
            let comment = try #require(try store.comment(source: night1, key: id), "\(id) not in the database")
            let action: CorrectionAction = comment.machineLabel.rawValue == decided.rawValue ? .accept : .label
            if action == .label { changed += 1 }
            try store.record(CorrectionRequest(source: night1, commentKey: id, action: action,
                                               value: .init(rawValue: decided.rawValue), analyst: "ana"))
        }
        #expect(changed >= 10, "the slang must defeat the built-in lexicons for the loop to show anything")

        let gold = directory.appendingPathComponent("team-gold.csv").path
        let exported = try CLIProcess.run(["corrections", "export", "--db", database, "-o", gold])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardError.contains("28 reviewed comments"))
        let listed = try CLIProcess.run(["corrections", "list", "--db", database])
        #expect(listed.standardOutput.split(separator: "\n").count == 29)
        #expect(listed.standardOutput.contains("\tana\t"))

        // The gold file is what eval and the learner read, as it is.
        let sentimentEval = try CLIProcess.run(["eval", "--gold", gold])
        #expect(sentimentEval.status == 0 && sentimentEval.standardOutput.contains("28 labelled"), "\(sentimentEval.standardError)")
        let dimensionEval = try CLIProcess.run(["eval", "--gold", gold, "--aspect-scheme", "rater"])
        #expect(dimensionEval.status == 0, "\(dimensionEval.standardError)")

        let before = try accuracy(try CLIProcess.run(["eval", "--gold", night2]))
        let lexicon = directory.appendingPathComponent("team.tsv").path
        let learned = try CLIProcess.run(["lexicon", "learn", "--gold", gold, "-o", lexicon, "--min-documents", "3",
                                          "--min-z", "1.0", "--prior-strength", "20", "--language", "any"])
        #expect(learned.status == 0, "\(learned.standardError)")
        let terms = try String(contentsOfFile: lexicon, encoding: .utf8)
        for slang in ["拉胯", "yyds", "janky", "slaps", "bussin"] { #expect(terms.contains(slang + "\t"), "\(slang)") }
        let after = try accuracy(try CLIProcess.run(["eval", "--gold", night2, "--lexicon", lexicon]))
        #expect(after >= before + 0.4, "night 2 accuracy \(before) → \(after)")
    }
}

/// The label names as the team's file writes them.
private enum SentimentLabelName: String { case positive, negative, neutral }
