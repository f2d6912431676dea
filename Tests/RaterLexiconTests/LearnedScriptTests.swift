import Testing

@testable import RaterLexicon

/// A `learned-*` file keeps only the terms written in its language's script (`LearnedScript`); hand-written files
/// keep every term (an analyst's Latin slang in a Chinese file is a choice).
@Suite struct LearnedScriptFileTests {
    @Test func aChineseLearnedFileDropsLatinTerms() throws {
        let file = try lexiconFile("sentiment", ["m\t-0.62", "usb\t-0.68", "10g\t-1.4", "好low\t-1.2", "发货快\t1.1"],
                                   language: "zh", path: "/x/zh/learned-reviews.tsv")
        #expect(file.entries.map(\.term).sorted() == ["发货快", "好low"].sorted())
    }

    @Test func anEnglishLearnedFileDropsHanTerms() throws {
        let file = try lexiconFile("sentiment", ["ordered\t-0.76", "好评\t1.0", "👍\t1.2"], language: "en",
                                   path: "/x/en/learned-reviews.tsv")
        #expect(file.entries.map(\.term).sorted() == ["ordered", "👍"].sorted())
    }

    @Test func aHandWrittenFileKeepsEveryTerm() throws {
        let file = try lexiconFile("sentiment", ["low\t-1", "差\t-2"], language: "zh", path: "/x/zh/sentiment.tsv")
        #expect(file.entries.count == 2)
    }
}
