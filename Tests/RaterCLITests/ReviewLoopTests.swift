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

    /// Ids and file names come from the export: `corrections list` must not hand their ESC, BEL and CR to the
    /// terminal, nor let a line break make a row of its own.
    @Test func correctionsListShowsControlCharactersAsEscapes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let attack = "\u{1B}]0;pwned\u{7}\u{1B}[2K\rFAKE ROW"
        let export = directory.appendingPathComponent("branch\u{1B}[31m.csv").path
        try Data("id,text\n\"k\(attack)\",The staff were rude.\n\"k2\r\nFAKE\",Lovely room.\n".utf8)
            .write(to: URL(fileURLWithPath: export))
        let database = directory.appendingPathComponent("results.sqlite").path
        let analysed = try CLIProcess.run(["analyze", export, "--db", database,
                                           "-o", directory.appendingPathComponent("out.jsonl").path])
        #expect(analysed.status == 0, "\(analysed.standardError)")
        let store = try ReviewStore(connection: SQLiteConnection(path: database))
        for key in ["k" + attack, "k2\r\nFAKE"] {
            try store.record(CorrectionRequest(source: export, commentKey: key, action: .label, value: .neutral,
                                               analyst: "ana"))
        }
        let listed = try CLIProcess.run(["corrections", "list", "--db", database])
        #expect(listed.status == 0, "\(listed.standardError)")
        let output = listed.standardOutput
        #expect(!output.utf8.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F }, "\(output.debugDescription)")
        #expect(output.split(separator: "\n").count == 3, "the header and one line per correction")
        #expect(output.contains("\tk\\u{1B}]0;pwned\\u{7}\\u{1B}[2K\\u{D}FAKE ROW\t"))
        #expect(output.contains("\tk2\\u{D}\\u{A}FAKE\t"))
        #expect(output.contains("branch\\u{1B}[31m.csv\t"))
    }
}

/// The label names as the team's file writes them.
private enum SentimentLabelName: String { case positive, negative, neutral }
