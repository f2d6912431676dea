import Testing

@testable import RaterLexicon

@Suite struct CueContextTests {
    private func context(_ text: String) throws -> CueContext {
        try #require(try CueContext(parsing: text))
    }

    @Test func emptyColumnMeansNoConditions() throws {
        #expect(try CueContext(parsing: "  ") == nil)
    }

    @Test func parsesPlacesPolarityAndAlternatives() throws {
        let parsed = try context("not-next:到|要 ; prev:很|真")
        #expect(parsed.conditions == [
            .init(place: .next, required: false, alternatives: ["到", "要"]),
            .init(place: .prev, required: true, alternatives: ["很", "真"]),
        ])
    }

    @Test(arguments: ["after:到", "next:", "next", "not-nearby:x"])
    func malformedConditionsAreRejected(_ text: String) {
        #expect(throws: CueContextError.self) { try CueContext(parsing: text) }
    }

    @Test func fastIsSpeedUnlessItMeansAlmost() throws {
        let speed = try context("not-next:到|要|十")
        #expect(speed.holds(before: "送餐很", after: ""))
        #expect(speed.holds(before: "上菜", after: "了"))
        #expect(!speed.holds(before: "", after: "到了"))
        #expect(!speed.holds(before: "都", after: "十点了"))
    }

    /// A `prev:` alternative starting with an apostrophe is a contraction's tail: "'ll" ends "we'll", on the
    /// `String` path and the byte path alike, and still not "well".
    @Test func apostropheAlternativeMatchesAContractionsTail() throws {
        let modal = try context("prev:'ll|'ll definitely")
        for (before, holds) in [("we'll", true), ("i'll definitely", true), ("they'll", true), ("well", false),
                                ("we will", false)] {
            #expect(modal.holds(before: before, after: "be back") == holds, "\(before)")
            let bytes = Array(before.utf8)
            let after = Array("be back".utf8)
            let byteHolds = bytes.withUnsafeBufferPointer { b in after.withUnsafeBufferPointer { modal.holds(before: b, after: $0) } }
            #expect(byteHolds == holds, "\(before) (bytes)")
        }
    }

    /// The byte path compares an alternative's first byte (`next:`) or last byte (`prev:`) before the rest: it agrees
    /// with the `String` path where alternatives share those bytes, where one is the tail of another, where the word
    /// around is not whole, and on an empty side.
    @Test func bytePathAgreesWithStringPathOnStartsAndEnds() throws {
        let contexts = try ["prev:will|'ll|shall|plan to|want to|i will", "not-prev:would|could|should|d",
                            "next:again|a|here again|back", "not-next:to|too|on"].map(context)
        let sides = ["", "i will", "we'll", "i shall", "we plan to", "i want to", "towill", "swill", "will ", " i could",
                     "should", "d", "again", "a", "again soon", "against", "here again", "back!", "too", "to", "on the",
                     "onto"]
        for context in contexts {
            for before in sides {
                for after in sides {
                    let (b, a) = (Array(before.utf8), Array(after.utf8))
                    let byteHolds = b.withUnsafeBufferPointer { b in
                        a.withUnsafeBufferPointer { context.holds(before: b, after: $0) }
                    }
                    #expect(byteHolds == context.holds(before: before, after: after), "\(before) | \(after)")
                }
            }
        }
    }

    @Test func alphabeticAlternativesMatchWholeWords() throws {
        let wait = try context("not-prev:can't|to")
        #expect(!wait.holds(before: "i can't", after: "to come back"))
        #expect(wait.holds(before: "the", after: "was long"))
        // "potato" ends with "to" but is not the word "to".
        #expect(wait.holds(before: "potato", after: ""))
        let near = try context("near:down|outage")
        #expect(near.holds(before: "the", after: "went down again"))
        #expect(!near.holds(before: "the", after: "was downright rude"))
    }

    /// `later:` looks only at the clause after the cue, whole words, on the `String` path and the byte path alike:
    /// "again" closes "won't be buying anything from them again", and an "again" before the cue does not.
    @Test func laterLooksOnlyAfterTheCue() throws {
        let again = try context("later:again|再")
        for (before, after, holds) in [("won't be", "anything from this brand again", true),
                                       ("again we will", "the fish", false),
                                       ("i'd", "at this hotel against all advice", false),
                                       ("不会", "来这家店了", false), ("以后", "也不想再来了", true)] {
            #expect(again.holds(before: before, after: after) == holds, "\(before) | \(after)")
            let (b, a) = (Array(before.utf8), Array(after.utf8))
            let byteHolds = b.withUnsafeBufferPointer { b in a.withUnsafeBufferPointer { again.holds(before: b, after: $0) } }
            #expect(byteHolds == holds, "\(before) | \(after) (bytes)")
        }
        #expect(try context("not-later:again").holds(before: "", after: "from them next week"))
    }

    /// `near:` and `later:` try at each byte only the alternatives starting with it (`CueContext.LeadIndex`):
    /// alternatives sharing a first byte, one the prefix of another, a whole-word miss before a hit further on, and
    /// Chinese ones sharing a lead byte all answer as the `String` path does.
    @Test func alternativesSharingAFirstByteAreAllTried() throws {
        let near = try context("near:plate|place|pl|plaza|服务员|服|态度")
        let later = try context("later:plate|place|服务员|服")
        for (before, after, nearHolds, laterHolds) in [
            ("the", "platform was clean", false, false), ("the plates", "were cold", false, false),
            ("the", "plates and a place", true, true), ("a plaza", "nearby", true, false),
            ("pl", "", true, false), ("", "apl pla", false, false), ("态", "度", false, false),
            ("服务", "很好", true, false), ("", "叫了服务员", true, true), ("态度", "", true, false),
            ("", "a place", true, true), ("", "placed", false, false),
        ] {
            let (b, a) = (Array(before.utf8), Array(after.utf8))
            for (context, holds) in [(near, nearHolds), (later, laterHolds)] {
                #expect(context.holds(before: before, after: after) == holds, "\(context) \(before) | \(after)")
                let byteHolds = b.withUnsafeBufferPointer { b in a.withUnsafeBufferPointer { context.holds(before: b, after: $0) } }
                #expect(byteHolds == holds, "\(context) \(before) | \(after) (bytes)")
            }
        }
    }

    @Test func contextColumnIsReadFromCueFiles() throws {
        let file = try LexiconFile(path: "c.tsv", contents: """
            # kind: dimension
            # language: zh
            # provenance: tests
            快\tresponsiveness\t1.0\tnot-next:到
            环境\ttangibles\t1.0
            """)
        let entries = Dictionary(file.entries.map { ($0.term, $0.entry) }, uniquingKeysWith: { a, _ in a })
        #expect(entries["快"]?.cues.first?.context != nil)
        #expect(entries["环境"]?.cues.first?.context == nil)
    }

    @Test func badContextNamesFileAndLine() {
        #expect(throws: LexiconError.badContext(path: "b.tsv", line: 4, piece: "soon:到")) {
            try LexiconFile(path: "b.tsv", contents: "# kind: dimension\n# language: zh\n# provenance: t\n快\tresponsiveness\t1\tsoon:到\n")
        }
    }

    @Test func signalAndAspectFilesParse() throws {
        let signals = try LexiconFile(path: "s.tsv", contents: """
            # kind: signal
            # language: en
            # provenance: tests
            never again\tat_risk
            surprised\texpectation
            """)
        let parsed = Dictionary(signals.entries.map { ($0.term, $0.entry) }, uniquingKeysWith: { a, _ in a })
        #expect(parsed["never again"]?.signals == [SignalCue(.atRisk)])
        #expect(parsed["surprised"]?.signals == [SignalCue(followingSentimentOf: .expectation)])
        let aspects = try LexiconFile(path: "a.tsv", contents: "# kind: aspect\n# language: en\n# provenance: t\nprice\tprice\t1.0\n")
        #expect(aspects.entries.first?.entry.aspects == [AspectCue(.price, weight: 1.0)])
        #expect(throws: LexiconError.self) {
            try LexiconFile(path: "x.tsv", contents: "# kind: signal\n# language: en\n# provenance: t\nmeh\tmaybe\n")
        }
    }

    @Test func cueWordsBlockOnlyWhenTheyHideNoModifier() {
        var lexicon = Lexicon()
        var station = LexiconEntry()
        station.aspects = [AspectCue(.location, weight: 1)]
        var tooExpensive = LexiconEntry()
        tooExpensive.aspects = [AspectCue(.price, weight: 1)]
        lexicon.add(LexiconFileStub.make([
            ("地铁站", station), ("太贵", tooExpensive), ("太", LexiconEntry(degree: 1.5)),
            ("贵", LexiconEntry(valence: -1.5)), ("站", LexiconEntry(valence: -1)),
        ]))
        let scoring = lexicon.makeMatcher()
        // 地铁站 is a known word, so the stray valence of 站 cannot fire inside it …
        #expect(scoring.lookup("地铁站".utf8) != nil)
        // … but 太贵 must stay 太 + 贵 for the degree rule.
        #expect(scoring.lookup("太贵".utf8) == nil)
    }

    @Test func signalPhrasesStayOutOfTheScoringMatcher() {
        var lexicon = Lexicon()
        var cueOnly = LexiconEntry()
        cueOnly.signals = [SignalCue(.loyal)]
        let file = LexiconFileStub.make([("还会再来", cueOnly), ("好", LexiconEntry(valence: 2))])
        lexicon.add(file)
        #expect(lexicon.makeMatcher().lookup("还会再来".utf8) == nil)
        #expect(lexicon.makeMatcher().lookup("好".utf8) != nil)
        let layers = lexicon.makeCueTerms().layers
        #expect(layers.count == 3)
        #expect(layers[2].lookup("还会再来") != nil)
        #expect(layers[0].lookup("还会再来") == nil)
        #expect(layers.allSatisfy { $0.lookup("好") == nil })
    }

    /// The byte form of `holds` answers as the `String` form, on text its fast path takes and text it leaves to the
    /// `String` path (combining marks, CRLF, emoji, full-width and ideographic spaces).
    @Test func bytesAndStringsAgree() throws {
        let contexts = try [
            "not-next:到|要|十|点", "prev:很|真", "near:down", "not-prev:can't|cannot", "near:服务|态度", "next:好",
            "prev:the", "next:was", "not-near:没",
        ].map(context)
        let sides = [
            "", " ", "\t", "到了", "  到了", "都", "十点了", "很", "上菜很 ", "e\u{0301}到", "到\u{0301}了", "很\u{0301}",
            "服务\r\n很好", "\r\n到", "very\r\n", "the", "the ", " the\t", "theme", "i can't", "was long", "was\r\n",
            "went down again", "downright", "down\u{0301}", "👍🏽到", "态度👍", "\u{3000}到", "到\u{3000}", "没有", "好\u{FE0F}",
            "ｄｏｗｎ", "“好”", "…很", "👍到", "好😋", "❤️到", "到❤", "down👍", "到🇨🇳",
        ]
        for context in contexts {
            for before in sides {
                for after in sides {
                    var beforeText = before
                    var afterText = after
                    let bytes = beforeText.withUTF8 { before in
                        afterText.withUTF8 { after in context.holds(before: before, after: after) }
                    }
                    #expect(bytes == context.holds(before: before, after: after), "\(context) \(before) | \(after)")
                }
            }
        }
    }
}

/// Builds a parsed file from entries without going through text.
enum LexiconFileStub {
    static func make(_ entries: [(String, LexiconEntry)]) -> LexiconFile {
        var file = try! LexiconFile(path: "stub.tsv", contents: "# kind: sentiment\n# language: zh\n# provenance: tests\n")
        file.entries = entries.map { (term: $0.0, entry: $0.1) }
        return file
    }
}
