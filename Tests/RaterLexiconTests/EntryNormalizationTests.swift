import Testing

@testable import RaterLexicon

/// Lexicon terms and context conditions are normalised as comments are, so every spelling an analyst types matches.
@Suite struct EntryNormalizationTests {
    @Test func termsAreNormalisedAsCommentsAre() {
        #expect(LexiconTerm.fold("flumm\u{2019}d") == "flumm'd")  // typographic apostrophe
        #expect(LexiconTerm.fold("ｆｌｉｍｐ") == "flimp")  // full-width letters (NFKC)
        #expect(LexiconTerm.fold("ble\u{301}t") == "bl\u{E9}t")  // decomposed accent (NFKC composes)
        #expect(LexiconTerm.fold("質感讚") == "质感赞")  // Traditional → Simplified
        #expect(LexiconTerm.fold("好\u{200D}评") == "好评")  // invisible characters
        #expect(LexiconTerm.fold("这本书很著名") == "这本书很著名")  // Simplified stays
    }

    @Test func aTermWrittenAnotherWayMatchesTheNormalisedComment() throws {
        let file = try lexiconFile("sentiment", ["ｆｌｉｍｐ\t2", "質感讚\t3"])
        var lexicon = Lexicon()
        lexicon.add(file)
        #expect(lexicon.entries["flimp"]?.valence == 2)
        #expect(lexicon.entries["质感赞"]?.valence == 3)
    }

    @Test func fullWidthSeparatorsSeparateContextConditions() throws {
        let context = try #require(try CueContext(parsing: "near：好｜差；not-next:到"))
        #expect(context.conditions.count == 2)
        #expect(context.conditions[0].place == .near)
        #expect(context.conditions[0].alternatives == ["好", "差"])
        #expect(context.conditions[1].alternatives == ["到"])
        let traditional = try #require(try CueContext(parsing: "near:讚|Ｄｏｗｎ"))
        #expect(traditional.conditions[0].alternatives == ["赞", "down"])
    }
}
