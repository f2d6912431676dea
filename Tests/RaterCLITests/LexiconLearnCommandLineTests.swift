import Foundation
import Testing

/// `rater lexicon learn` on what a team has: a small gold file, with rows not yet labelled.
@Suite struct LexiconLearnCommandLineTests {
    let directory = NSTemporaryDirectory() + "rater-learn-\(UUID().uuidString)"

    /// Six comments pass no default threshold. The learner wrote an empty lexicon over the team's earlier one and
    /// exited 0 ("learned 0 terms").
    @Test func learningNothingLeavesTheEarlierLexiconAndFails() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gold = directory + "/gold.csv"
        try """
            id,text,label
            1,the clerk was brisk,1
            2,the clerk was brisk and kind,1
            3,the lobby felt drab,0
            4,drab lobby and slow lift,0
            5,not labelled yet,
            6,brisk service,1

            """.write(toFile: gold, atomically: true, encoding: .utf8)
        let lexicon = directory + "/learned.tsv"
        try "# earlier\nbrisk\t1.2\n".write(toFile: lexicon, atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["lexicon", "learn", "--gold", gold, "-o", lexicon])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("1 records without a gold label left out"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("learned no terms from 5 labelled comments"))
        #expect(outcome.standardError.contains("--min-documents 3 --min-z 1.0 --prior-strength 20"))
        #expect(try String(contentsOfFile: lexicon, encoding: .utf8) == "# earlier\nbrisk\t1.2\n")

        // A label outside the map stops the run, naming the line, rather than being skipped without a word.
        try "id,text,label\n1,the clerk was brisk,1\n2,drab lobby,meh\n".write(toFile: gold, atomically: true,
                                                                           encoding: .utf8)
        let refused = try CLIProcess.run(["lexicon", "learn", "--gold", gold, "-o", lexicon])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(gold + ":3 (record 2): gold label 'meh' is not in the label map"),
                "\(refused.standardError)")
    }
}
