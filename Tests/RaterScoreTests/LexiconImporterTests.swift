import Rater
import RaterLexicon
import Testing

/// `rater lexicon import`: the public formats, as the files are really written.
@Suite struct LexiconImporterTests {
    /// "\r\n" is one `Character`: a CRLF word list came out as one term, and an AFINN file failed on line 1.
    @Test func crlfFilesAreReadLineByLine() throws {
        let words = try LexiconImporter.convert("好\r\n棒\r\n赞\r\n", path: "ntusd.txt", scale: 1, defaultValence: 2)
        #expect(words.map(\.0) == ["好", "棒", "赞"])
        #expect(words.map(\.1) == [2, 2, 2])
        let afinn = try LexiconImporter.convert("abandon\t-2\r\nabhor\t-3\r\n", path: "afinn.txt", scale: 1,
                                                defaultValence: nil)
        #expect(afinn.map(\.0) == ["abandon", "abhor"])
        #expect(afinn.map(\.1) == [-2, -3])
    }

    /// What an import writes loads as a lexicon.
    @Test func anImportedCRLFFileLoads() throws {
        let words = try LexiconImporter.convert("好\r\n棒\r\n", path: "ntusd.txt", scale: 1, defaultValence: 2)
        let text = "# kind: sentiment\n# language: zh\n# provenance: x\n" + words.map { "\($0.0)\t\($0.1)\n" }.joined()
        let file = try LexiconFile(path: "imp.tsv", contents: text)
        #expect(file.entries.count == 2)
    }

    /// VADER's winks start with ';'; Hu and Liu's comment lines are ';;;;', '; text' and a lone ';'.
    @Test func winksAreTermsAndLispCommentsAreSkipped() throws {
        let vader = ";)\t0.9\t0.3\t[1, 1]\n;-)\t1.0\t0.4\t[1, 1]\n;D\t1.5\t0.5\t[2, 1]\ngood\t1.9\t0.9\t[2, 2]\n"
        let imported = try LexiconImporter.convert(vader, path: "vader_lexicon.txt", scale: 1, defaultValence: nil)
        #expect(imported.map(\.0) == [";)", ";-)", ";d", "good"])
        let huLiu = ";;;;;;;;;;;;\n; \n; Opinion Lexicon: Positive\n;\n\na+\nabound\n"
        let words = try LexiconImporter.convert(huLiu, path: "positive-words.txt", scale: 1, defaultValence: 1)
        #expect(words.map(\.0) == ["a+", "abound"])
    }
}
