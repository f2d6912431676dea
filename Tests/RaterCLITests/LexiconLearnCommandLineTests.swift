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

    /// The correction loop of the README on a few dozen Chinese corrections, with its small-set thresholds and the
    /// shipped lexicons: function words (一个, 等, 就是) are not learned, a team's word is, no stronger than its
    /// evidence; English rows are left out of a `--language zh` file and said so; the set is called small.
    @Test func aSmallChineseSetLearnsNoFunctionWordsAndNoEnglish() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gold = directory + "/gold.csv"
        var rows = ["id,text,label"]
        for index in 0..<4 {
            rows.append("n\(index),等了一个小时，就是拉胯\(index),negative")
            rows.append("p\(index),房间\(index)号干净，床舒服,positive")
            rows.append("e\(index),the service was janky,negative")
        }
        for index in 0..<20 { rows.append("q\(index),早餐第\(index)天丰富,positive") }
        try (rows.joined(separator: "\n") + "\n").write(toFile: gold, atomically: true, encoding: .utf8)
        let lexicon = directory + "/learned.tsv"
        let outcome = try CLIProcess.run(["lexicon", "learn", "--gold", gold, "-o", lexicon, "--language", "zh",
                                          "--min-documents", "3", "--min-z", "1.0", "--prior-strength", "20"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("4 labelled comments not in zh left out (--language zh)"),
                "\(outcome.standardError)")
        #expect(outcome.standardError.contains("28 labelled comments is a small set"))
        let text = try String(contentsOfFile: lexicon, encoding: .utf8)
        let terms = Dictionary(uniqueKeysWithValues: text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { line in let columns = line.split(separator: "\t"); return (String(columns[0]), Double(columns[1])!) })
        #expect(text.contains("# language: zh"))
        #expect(terms["拉胯"].map { $0 < 0 && $0 > -3 } == true, "\(text)")
        for word in ["一个", "等", "就是", "janky", "service"] { #expect(terms[word] == nil, "\(word): \(text)") }
    }

    /// C2: with the README's small-set thresholds already given, the "learned nothing" error said to use them. It
    /// now says the set is too small for them, counting only the comments of the language asked for.
    @Test func learningNothingAtTheSmallSetThresholdsSaysTheSetIsTooSmall() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gold = directory + "/gold.csv"
        try """
            id,text,label
            1,房间干净,positive
            2,前台冷漠,negative
            3,the room was clean,positive
            4,rude staff,negative

            """.write(toFile: gold, atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["lexicon", "learn", "--gold", gold, "-o", directory + "/l.tsv",
                                          "--language", "zh", "--min-documents", "3", "--min-z", "1.0",
                                          "--prior-strength", "20"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(
            "learned no terms from 2 labelled zh comments (2 of other languages left out)"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("2 comments are too few even for these thresholds"))
        #expect(!outcome.standardError.contains("need thresholds such as"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/l.tsv"))
    }
}
