import Foundation
import Testing

@testable import RaterLexicon

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "rater-lexicon-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ relativePath: String, _ contents: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

func lexiconFile(_ kind: String, _ lines: [String], language: String = "zh", path: String = "mem.tsv") throws
    -> LexiconFile
{
    let contents = "# kind: \(kind)\n# language: \(language)\n# provenance: tests\n# columns: x\n"
        + lines.joined(separator: "\n") + "\n"
    return try LexiconFile(path: path, contents: contents)
}

@Suite struct LexiconTests {
    @Test func emptyLexicon() {
        let lexicon = Lexicon()
        #expect(lexicon.entries.isEmpty)
        #expect(lexicon.sources.isEmpty)
        #expect(lexicon.makeMatcher().count == 0)
    }

    @Test func rolesFromDifferentKindsMerge() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["慢\t-1.5"]))
        lexicon.add(try lexiconFile("dimension", ["慢\tresponsiveness\t0.8"]))
        lexicon.add(try lexiconFile("degree", ["慢\t0.9"]))
        lexicon.add(try lexiconFile("negator", ["慢"]))
        lexicon.add(try lexiconFile("contrast", ["慢\tturn"]))
        lexicon.add(try lexiconFile("irrealis", ["慢\twish"]))
        let entry = try #require(lexicon.entries["慢"])
        var expected = LexiconEntry(valence: -1.5, isNegator: true, degree: 0.9, contrast: .turn, irrealis: .wish,
                                    cues: [DimensionCue(.responsiveness, weight: 0.8)])
        expected.weightSources.valence = 0
        #expect(entry == expected)
    }

    /// Each weight names the file it came from (the last layered one, as the weight is), so `rater explain` can
    /// say which file to fix; a cue phrase that inherited its valence names the inner word's file.
    @Test func weightsKnowTheirFile() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["好\t1", "bad\t-2"], path: "zh/sentiment.tsv"))
        lexicon.add(try lexiconFile("dimension", ["好\tassurance\t0.5", "service was bad\tassurance\t0.8"],
                                    path: "zh/dimensions.tsv"))
        lexicon.add(try lexiconFile("sentiment", ["好\t3"], path: "team/extra.tsv"))
        #expect(lexicon.entries["好"]?.weightSources.valence == 2, "the later file wins, for the weight and its source")
        #expect(lexicon.entries["bad"]?.weightSources.valence == 0)
        #expect(lexicon.sourceName(2) == "team/extra.tsv" && lexicon.sourceName(-1) == nil)
        let inherited = Lexicon.withInheritedValence(lexicon.entries)
        #expect(inherited["service was bad"]?.valence == -2 && inherited["service was bad"]?.weightSources.valence == 0)
    }

    @Test func laterFileWinsForTheSameRoleAndKeepsOtherRoles() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["好\t1", "差\t-2"]))
        lexicon.add(try lexiconFile("dimension", ["好\tassurance\t0.5"]))
        lexicon.add(try lexiconFile("sentiment", ["好\t3"]))
        #expect(lexicon.entries["好"]?.valence == 3)
        #expect(lexicon.entries["好"]?.cues == [DimensionCue(.assurance, weight: 0.5)])
        #expect(lexicon.entries["差"]?.valence == -2)
    }

    @Test func valencesFromLearnedFilesAreMarkedUntilAHandWrittenOneReplacesThem() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["table\t-0.6", "slow\t-2"], language: "en",
                                    path: "/x/en/learned-reviews.tsv"))
        lexicon.add(try lexiconFile("dimension", ["table\ttangibles\t0.4"], language: "en", path: "/x/en/dimensions.tsv"))
        lexicon.add(try lexiconFile("sentiment", ["slow\t-1.5"], language: "en", path: "/x/en/sentiment.tsv"))
        // A cue role layered over a learned valence keeps the mark; a hand-written valence clears it.
        #expect(lexicon.entries["table"]?.isLearnedValence == true)
        #expect(lexicon.entries["table"]?.valence == -0.6)
        #expect(lexicon.entries["slow"]?.isLearnedValence == false)
        #expect(lexicon.entries["slow"]?.valence == -1.5)
        // A cue phrase that inherits a learned valence inherits the mark.
        lexicon.add(try lexiconFile("sentiment", ["cramped\t-2"], language: "en", path: "/x/en/learned-more.tsv"))
        lexicon.add(try lexiconFile("dimension", ["cramped table\ttangibles\t1"], language: "en",
                                    path: "/x/en/dimensions.tsv"))
        let inherited = Lexicon.withInheritedValence(lexicon.entries)
        #expect(inherited["cramped table"]?.valence == -2)
        #expect(inherited["cramped table"]?.isLearnedValence == true)
    }

    @Test func laterCueReplacesOnlyTheSameDimension() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("dimension", ["服务\tassurance\t0.5", "服务\tresponsiveness\t0.4"]))
        lexicon.add(try lexiconFile("dimension", ["服务\tassurance\t0.9"]))
        let cues = try #require(lexicon.entries["服务"]?.cues)
        #expect(cues.count == 2)
        #expect(cues.contains(DimensionCue(.assurance, weight: 0.9)))
        #expect(cues.contains(DimensionCue(.responsiveness, weight: 0.4)))
        #expect(!cues.contains(DimensionCue(.assurance, weight: 0.5)))
    }

    @Test func sourcesAreRecordedInOrder() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["good\t2", "bad\t-2"], language: "en", path: "en/sentiment.tsv"))
        lexicon.add(try lexiconFile("negator", ["不"], path: "zh/negator.tsv"))
        #expect(lexicon.sources.map(\.path) == ["en/sentiment.tsv", "zh/negator.tsv"])
        #expect(lexicon.sources.map(\.kind) == [.sentiment, .negator])
        #expect(lexicon.sources.map(\.language) == ["en", "zh"])
        #expect(lexicon.sources.map(\.entryCount) == [2, 1])
        #expect(lexicon.sources.allSatisfy { $0.provenance == "tests" })
        #expect(lexicon.entries.count == 3)
    }

    @Test func loadDirectoryReadsEveryTSVSortedByPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = "# kind: sentiment\n# language: zh\n# provenance: tests\n# columns: term<TAB>valence\n"
        // b/ sorts after a/, so its 好 wins; the .txt file is ignored even though it is malformed.
        try directory.write("b/sentiment.tsv", header + "好\t3\n")
        try directory.write("a/sentiment.tsv", header + "好\t1\n差\t-2\n")
        try directory.write("a/dimension.tsv",
                            "# kind: dimension\n# language: zh\n# provenance: t\n环境\ttangibles\t0.9\n")
        try directory.write("notes.txt", "not a lexicon")
        let lexicon = try Lexicon.load(directory: directory.path)
        #expect(lexicon.sources.map { URL(fileURLWithPath: $0.path).pathComponents.suffix(2).joined(separator: "/") }
            == ["a/dimension.tsv", "a/sentiment.tsv", "b/sentiment.tsv"])
        #expect(lexicon.entries["好"]?.valence == 3)
        #expect(lexicon.entries["差"]?.valence == -2)
        #expect(lexicon.entries["环境"]?.cues == [DimensionCue(.tangibles, weight: 0.9)])
        #expect(lexicon.entries.count == 3)
    }

    @Test func loadDirectoryWithoutTSVIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("readme.md", "nothing here")
        #expect(throws: LexiconError.noLexicons(directory: directory.path)) {
            try Lexicon.load(directory: directory.path)
        }
    }

    @Test func loadDirectoryReportsAMalformedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bad = try directory.write("bad.tsv", "# kind: sentiment\n# language: zh\n# provenance: t\n好\n")
        #expect(throws: LexiconError.wrongColumnCount(path: bad, line: 4, expected: 2, found: 1)) {
            try Lexicon.load(directory: directory.path)
        }
    }

    /// Files are parsed side by side but merged and reported in their order: with many files and two malformed
    /// ones, the error is always the first malformed file's, and a good directory merges as if read one by one.
    @Test func filesParsedSideBySideMergeAndFailInTheirOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = "# kind: sentiment\n# language: zh\n# provenance: tests\n"
        for index in 0..<40 {
            try directory.write(String(format: "good/%02d.tsv", index), header + "好\t\(index % 9 - 4)\n词\(index)\t1\n")
        }
        let lexicon = try Lexicon.load(directory: directory.path + "/good")
        #expect(lexicon.sources.map { URL(fileURLWithPath: $0.path).lastPathComponent }
            == (0..<40).map { String(format: "%02d.tsv", $0) })
        #expect(lexicon.entries["好"]?.valence == Double(39 % 9 - 4))
        #expect(lexicon.entries.count == 41)
        for index in 0..<40 {
            let body = index == 17 || index == 31 ? "好\n" : "好\t1\n"
            try directory.write(String(format: "mixed/%02d.tsv", index), header + body)
        }
        let first = directory.path + "/mixed/17.tsv"
        for _ in 0..<5 {
            #expect(throws: LexiconError.wrongColumnCount(path: first, line: 4, expected: 2, found: 1)) {
                try Lexicon.load(directory: directory.path + "/mixed")
            }
        }
    }

    /// An installed `share/rater/Lexicons` is often a link to a checkout's folder; its files are found through it.
    @Test func aLinkedDirectoryIsReadThroughTheLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = "# kind: sentiment\n# language: zh\n# provenance: tests\n"
        try directory.write("real/zh/sentiment.tsv", header + "好\t2\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/linked",
                                                   withDestinationPath: directory.path + "/real")
        let lexicon = try Lexicon.load(directory: directory.path + "/linked")
        #expect(lexicon.entries["好"]?.valence == 2)
    }

    @Test func loadMissingDirectoryIsALexiconError() {
        let path = NSTemporaryDirectory() + "rater-missing-\(UUID().uuidString)"
        #expect(throws: LexiconError.self) { try Lexicon.load(directory: path) }
    }

    @Test func layerAddsUserFilesAndDirectoriesOverTheBase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = "# kind: sentiment\n# language: zh\n# provenance: user\n"
        let single = try directory.write("user.tsv", header + "好\t4\n")
        try directory.write("more/extra.tsv", header + "新词\t1\n")
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["好\t1", "差\t-2"]))
        try lexicon.layer(paths: [single, directory.path + "/more"])
        #expect(lexicon.entries["好"]?.valence == 4)
        #expect(lexicon.entries["差"]?.valence == -2)
        #expect(lexicon.entries["新词"]?.valence == 1)
        #expect(lexicon.sources.count == 3)
        #expect(lexicon.sources.last?.provenance == "user")
    }

    @Test func makeMatcherHoldsEveryTerm() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["好\t1", "Took Forever\t-2"]))
        let matcher = lexicon.makeMatcher()
        #expect(matcher.count == 2)
        #expect(Set(matcher.terms) == ["好", "took forever"])
    }
}

@Suite struct InheritedValenceTests {
    @Test func aCuePhraseTakesTheValenceOfTheSentimentWordInside() {
        let entries: [String: LexiconEntry] = [
            "slow": LexiconEntry(valence: -1.5),
            "was": LexiconEntry(valence: -0.5),
            "service was slow": LexiconEntry(cues: [DimensionCue(.responsiveness, weight: 1)]),
        ]
        #expect(Lexicon.withInheritedValence(entries)["service was slow"]?.valence == -1.5)
    }

    @Test func phrasesWithARuleWordOrOnlyWeakWordsInsideInheritNothing() {
        let entries: [String: LexiconEntry] = [
            "not": LexiconEntry(isNegator: true),
            "clean": LexiconEntry(valence: 2),
            "was": LexiconEntry(valence: -0.5),
            "room not clean": LexiconEntry(cues: [DimensionCue(.tangibles, weight: 1)]),
            "room was": LexiconEntry(cues: [DimensionCue(.tangibles, weight: 1)]),
        ]
        let result = Lexicon.withInheritedValence(entries)
        #expect(result["room not clean"]?.valence == nil)
        #expect(result["room was"]?.valence == nil)
    }
}

/// What editors leave in a lexicon folder is not read as a lexicon.
@Suite struct LexiconFolderTests {
    @Test func editorFilesAndDanglingLinksArePassedOver() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = "# kind: sentiment\n# language: en\n# provenance: tests\n"
        try directory.write("en/sentiment.tsv", header + "good\t2\n")
        // Emacs's lock file: a link to a name that is no file.
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/en/.#sentiment.tsv",
                                                   withDestinationPath: "analyst@host.1234:1700000000")
        try directory.write("en/sentiment.tsv~", "not a lexicon\n")
        try directory.write("en/#sentiment.tsv#", "not a lexicon\n")
        try directory.write("en/.hidden.tsv", "not a lexicon\n")
        try directory.write(".git/x.tsv", "not a lexicon\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/en/gone.tsv",
                                                   withDestinationPath: directory.path + "/missing.tsv")
        let lexicon = try Lexicon.load(directory: directory.path)
        #expect(lexicon.entries["good"]?.valence == 2)
        #expect(lexicon.sources.map { ($0.path as NSString).lastPathComponent } == ["sentiment.tsv"])
    }

    @Test func anUpperCaseExtensionIsRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = "# kind: sentiment\n# language: en\n# provenance: tests\n"
        try directory.write("en/sentiment.tsv", header + "good\t2\n")
        try directory.write("en/extra.TSV", header + "grand\t3\n")
        let lexicon = try Lexicon.load(directory: directory.path)
        #expect(lexicon.entries["grand"]?.valence == 3)
    }
}
