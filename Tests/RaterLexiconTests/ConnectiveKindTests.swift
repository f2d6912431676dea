import RaterLexicon
import Testing

/// Kind `connective` (倒是, 其实, "actually"): a learned valence on such a word, or on a contrast word, counts nothing;
/// a hand-written one stays (`LexiconEntry.scoredValence`).
@Suite struct ConnectiveKindTests {
    @Test func learnedValenceYieldsToAConnectiveOrContrastRole() throws {
        let file = try LexiconFile(path: "connectives.tsv",
                                   contents: "# kind: connective\n# language: en\n# provenance: test\nactually\n")
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "learned-test.tsv",
                                    contents: "# kind: sentiment\n# language: en\n# provenance: test\nactually\t-0.8\n"))
        lexicon.add(file)
        #expect(lexicon.entries["actually"]?.scoredValence == nil)
        var turn = LexiconEntry(valence: 0.4, contrast: .turn)
        turn.isLearnedValence = true
        #expect(turn.scoredValence == nil)
        // A hand-written valence on such a word is an analyst's choice and stays.
        var written = LexiconEntry(valence: -1)
        written.isConnective = true
        #expect(written.scoredValence == -1)
    }
}
