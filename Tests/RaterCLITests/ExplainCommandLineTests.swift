import Foundation
import Testing

/// `rater explain` (and `rater eval`'s worst misses, which use the same formatter) print comment text from the input.
@Suite struct ExplainCommandLineTests {
    @Test func controlCharactersInTheCommentArePrintedVisibly() throws {
        let outcome = try CLIProcess.run(["explain", "The staff were \u{1B}]0;pwned\u{07}\u{1B}[2K\rfriendly"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardOutput.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" })
        // Normalisation already drops ESC and BEL; the line break that is left is shown, so the text stays one line.
        let textLine = outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("text:") }
        #expect(textLine?.contains("pwned") == true && textLine?.contains("friendly") == true)
        #expect(outcome.standardOutput.contains("sentiment:  positive"))
    }

    /// An analyst sees when a score rests on learned weights alone: the built-in English learned lexicon gives "said" and
    /// "ordered" a negative lean, and this factual sentence has no opinion word.
    @Test func aScoreFromLearnedWeightsAloneIsNamed() throws {
        let factual = try CLIProcess.run(["explain", "We ordered at the counter and the man said table four"])
        #expect(factual.status == 0, "\(factual.standardError)")
        #expect(factual.standardOutput.contains("evidence:   learned weights only, no opinion word"))
        let opinion = try CLIProcess.run(["explain", "We ordered at the counter and the man was rude"])
        #expect(opinion.status == 0, "\(opinion.standardError)")
        #expect(!opinion.standardOutput.contains("evidence:"))
    }

    /// Each term names the lexicon file its weight came from (relative to the lexicon folder) and whether it was
    /// learned, so an analyst knows which file to fix: "rude" is in both en/learned-reviews.tsv and en/sentiment.tsv,
    /// and the hand-written file, layered after the learned one, wins.
    @Test func eachTermNamesItsFileAndALearnedWeightIsMarked() throws {
        let outcome = try CLIProcess.run(["explain", "We ordered at the counter and the man was rude"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        let rude = try #require(lines.first { $0.contains("] rude ") })
        #expect(rude.hasSuffix("(en/sentiment.tsv)"), "\(rude)")
        let ordered = try #require(lines.first { $0.contains("] ordered ") })
        #expect(ordered.hasSuffix("(learned, en/learned-reviews.tsv)"), "\(ordered)")

        // A file layered with --lexicon is named as given, and wins.
        let team = NSTemporaryDirectory() + "rater-team-\(UUID().uuidString).tsv"
        defer { try? FileManager.default.removeItem(atPath: team) }
        try "# kind: sentiment\n# language: en\n# provenance: tests\nrude\t-1.0\n"
            .write(toFile: team, atomically: true, encoding: .utf8)
        let layered = try CLIProcess.run(["explain", "the man was rude", "--lexicon", team])
        #expect(layered.status == 0, "\(layered.standardError)")
        let teamRude = try #require(layered.standardOutput.split(separator: "\n").first { $0.contains("] rude ") })
        #expect(teamRude.contains("base -1.000") && teamRude.hasSuffix("(\(team))"), "\(teamRude)")
    }

    /// A weight a rule gives names the rule's file: a remedy on a charge its remedies file, a stated wait the
    /// wait-bound table it was weighed by.
    @Test func ruleWeightsNameTheirFiles() throws {
        let remedy = try CLIProcess.run(["explain", "The shop reversed the hidden fees."])
        #expect(remedy.status == 0, "\(remedy.standardError)")
        let reversed = try #require(remedy.standardOutput.split(separator: "\n").first { $0.contains("] reversed ") })
        #expect(reversed.hasSuffix("(en/remedies.tsv)"), "\(reversed)")
        let credited = try CLIProcess.run(["explain", "The bank credited the late fee."])
        let line = try #require(credited.standardOutput.split(separator: "\n").first { $0.contains("] credited ") })
        #expect(line.hasSuffix("(en/remedies.tsv)"), "\(line)")
        let wait = try CLIProcess.run(["explain", "等了40分钟才上菜"])
        #expect(wait.status == 0, "\(wait.standardError)")
        let stated = try #require(wait.standardOutput.split(separator: "\n").first { $0.contains("] 等了40分钟才 ") })
        #expect(stated.hasSuffix("(common/wait-bounds.tsv)"), "\(stated)")
    }

    /// Two rows share id 7: the miss (the first, labelled negative but plainly positive) must be explained with its own
    /// text, not the other row's. The records were kept by id, so the later row replaced the earlier one.
    @Test func worstMissesExplainTheirOwnRowWhenIdsRepeat() throws {
        let gold = NSTemporaryDirectory() + "rater-eval-duplicate-ids-\(UUID().uuidString).csv"
        try "id,text,label\n7,The staff were wonderful and kind,0\n7,The room was dirty and smelly,0\n8,Great food,1\n"
            .write(toFile: gold, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: gold) }
        let outcome = try CLIProcess.run(["eval", "--gold", gold, "--worst", "5"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let misses = try #require(outcome.standardOutput.components(separatedBy: "worst misses").last)
        #expect(misses.contains("wonderful"))
        #expect(!misses.contains("dirty"))
    }
}

/// What `rater eval` and `rater explain` say about rows and texts they cannot use.
@Suite struct EvalInputCommandLineTests {
    /// A blank gold cell is an unlabelled row: counted and left out, not a reason to stop the evaluation. A label
    /// outside the map stops it, naming the line as `rater analyze` names lines (the record number used to stand
    /// after the colon, one less than the line).
    @Test func blankLabelsAreLeftOutAndBadOnesNamedByLine() throws {
        let gold = NSTemporaryDirectory() + "rater-eval-blank-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: gold) }
        try "id,text,label\n1,The staff were wonderful,1\n2,The room was dirty,\n3,Great food,1\n4,Cold soup, \n"
            .write(toFile: gold, atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["eval", "--gold", gold])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("records:        2 labelled, 2 without a gold label (left out)"),
                "\(outcome.standardOutput)")

        try "id,text,label\n1,The staff were wonderful,1\n2,The room was dirty,bad\n".write(toFile: gold, atomically: true,
                                                                                          encoding: .utf8)
        let refused = try CLIProcess.run(["eval", "--gold", gold])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(gold + ":3 (record 2): gold label 'bad' is not in the label map"),
                "\(refused.standardError)")
    }

    @Test(arguments: ["", "  ", "\t\n"])
    func blankTextIsNotExplained(_ text: String) throws {
        let outcome = try CLIProcess.run(["explain", text])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("nothing to explain: the text is blank"))
        #expect(outcome.standardOutput.isEmpty)
    }
}
