import Foundation
import Testing

@testable import RaterLexicon

/// Values an analyst mistypes are errors naming file and line, not entries that load with another meaning.
@Suite struct LexiconValueTests {
    private func parse(_ kind: String, _ body: String, path: String = "v.tsv") throws -> LexiconFile {
        try LexiconFile(path: path, contents: "# kind: \(kind)\n# language: en\n# provenance: tests\n" + body)
    }

    @Test(arguments: ["0x10", "1e1", "+.", "1.2.3", "٣", "２", "1_0", "1+2", "2-"])
    func onlyPlainDecimalsAreNumbers(value: String) throws {
        #expect(throws: LexiconError.badNumber(path: "v.tsv", line: 4, column: "valence", value: value)) {
            try parse("sentiment", "blorp\t\(value)\n")
        }
    }

    @Test func plainDecimalsLoad() throws {
        let file = try parse("sentiment", "a\t2\nb\t-1.5\nc\t+0.5\nd\t.5\ne\t4\nf\t-4.0\n")
        #expect(file.entries.map(\.entry.valence) == [2, -1.5, 0.5, 0.5, 4, -4])
    }

    @Test func valenceOutsideTheScaleIsAnError() throws {
        #expect(throws: LexiconError.outOfRange(path: "v.tsv", line: 4, column: "valence", value: "400",
                                                range: "−4…4")) {
            try parse("sentiment", "blorp\t400\n")
        }
        #expect(throws: LexiconError.self) { try parse("sentiment", "blorp\t-4.5\n") }
        #expect(throws: LexiconError.self) { try parse("degree", "blorp\t50\n") }
    }

    @Test(arguments: ["50", "-5", "0", "1.01"])
    func weightOutsideZeroToOneIsAnError(value: String) throws {
        #expect(throws: LexiconError.outOfRange(path: "v.tsv", line: 4, column: "weight", value: value,
                                                range: "(0, 1]")) {
            try parse("dimension", "blorp\treliability\t\(value)\n")
        }
    }

    @Test func aDuplicateTermNamesBothLines() throws {
        let error = LexiconError.duplicateTerm(path: "v.tsv", term: "blorp", firstLine: 4, line: 6)
        #expect(throws: error) { try parse("sentiment", "blorp\t2\nother\t1\nBlorp\t-2\n") }
        #expect(error.description.contains("v.tsv:6") && error.description.contains("line 4"))
        // The same value twice (two spellings that fold alike) is harmless.
        #expect(try parse("sentiment", "blorp\t2\nBLORP\t2.0\n").entries.count == 2)
        // Cue files may list a term under two dimensions (the README's `server`).
        let cues = try parse("dimension", "server\treliability\t0.7\tnear:down\nserver\tassurance\t0.8\tnot-near:down\n")
        #expect(cues.entries.count == 2)
    }

    @Test(arguments: ["Scope=6", "scope =6", "scope:6", "scope=", "scope=+6", "scope 6"])
    func aMistypedScopeIsAnError(value: String) throws {
        #expect(throws: LexiconError.badScope(path: "v.tsv", line: 4, value: value)) {
            try parse("negator", "hardly\t\(value)\n")
        }
    }

    @Test func aScopeAfterSpacesInsteadOfATabIsAnError() throws {
        #expect(throws: LexiconError.badScope(path: "v.tsv", line: 4, value: "zarcely  scope=5")) {
            try parse("negator", "zarcely  scope=5\n")
        }
        // A note that only mentions a scope is still a note.
        #expect(try parse("negator", "never\ta note, not a scope\n").entries.first?.entry.negationScope == nil)
    }

    /// Every shipped lexicon keeps loading under the stricter rules.
    @Test func everyShippedLexiconLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lexicons").path
        let lexicon = try Lexicon.load(directory: root)
        #expect(lexicon.sources.count > 10)
        let profiles = root + "/profiles"
        for name in try FileManager.default.contentsOfDirectory(atPath: profiles).sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: profiles + "/" + name, isDirectory: &isDirectory),
                  isDirectory.boolValue else { continue }
            #expect(throws: Never.self) { _ = try Lexicon.load(directory: profiles + "/" + name) }
        }
    }
}

/// A `scale` file holds scale words with the valence they take about a price, and cost nouns marked `cost`.
@Suite struct ScaleKindTests {
    private func parse(_ body: String) throws -> LexiconFile {
        try LexiconFile(path: "s.tsv", contents: "# kind: scale\n# language: en\n# provenance: tests\n" + body)
    }

    @Test func scaleWordsAndCostNounsLoad() throws {
        let file = try parse("high\t-1.5\ntariff\tcost\n")
        #expect(file.entries.map(\.entry.scale) == [-1.5, nil])
        #expect(file.entries.map(\.entry.isCostNoun) == [false, true])
        #expect(file.entries.allSatisfy { $0.entry.isScoring && $0.entry.valence == nil })
    }

    @Test func aValueThatIsNeitherANumberNorCostIsAnError() throws {
        #expect(throws: LexiconError.self) { try parse("high\tcostly\n") }
        #expect(throws: LexiconError.self) { try parse("high\t-9\n") }
    }
}

/// An `interjection` file marks terms that count only where they close their clause; the mark layers over the
/// valence another file gives the term.
@Suite struct InterjectionKindTests {
    @Test func theMarkLayersOverALearnedValence() throws {
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "learned-reviews.tsv", contents:
            "# kind: sentiment\n# language: zh\n# provenance: tests\n我去\t-1.1\n去银行\t-0.5\n"))
        lexicon.add(try LexiconFile(path: "interjections.tsv", contents:
            "# kind: interjection\n# language: zh\n# provenance: tests\n我去\n"))
        let matcher = lexicon.makeMatcher()
        let index = try #require(matcher.terms.firstIndex(of: "我去"))
        #expect(matcher.entries[index].isInterjection && matcher.entries[index].valence == -1.1)
        #expect(matcher.entries[matcher.terms.firstIndex(of: "去银行")!].isInterjection == false)
        #expect(matcher.hasClauseEndTerms)
    }
}

/// An `act` file gives a remedial act the valence it takes under a negator; the act is a scoring term even without
/// a valence, and layers over a learned one.
@Suite struct ActKindTests {
    @Test func anActIsAScoringTermThatKeepsItsLearnedValence() throws {
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "learned-reviews.tsv", contents:
            "# kind: sentiment\n# language: zh\n# provenance: tests\n答复\t-2.6\n"))
        lexicon.add(try LexiconFile(path: "acts.tsv", contents:
            "# kind: act\n# language: zh\n# provenance: tests\n答复\t-2\n修\t-1.5\n"))
        let matcher = lexicon.makeMatcher()
        let reply = try #require(matcher.terms.firstIndex(of: "答复"))
        #expect(matcher.entries[reply].negatedAct == -2 && matcher.entries[reply].valence == -2.6)
        let repair = try #require(matcher.terms.firstIndex(of: "修"))
        #expect(matcher.entries[repair].negatedAct == -1.5 && matcher.entries[repair].valence == nil)
    }

    @Test func aValueThatIsNoNumberIsAnError() throws {
        #expect(throws: LexiconError.self) {
            try LexiconFile(path: "acts.tsv", contents: "# kind: act\n# language: en\n# provenance: tests\nfix\tyes\n")
        }
    }
}
