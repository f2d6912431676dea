import Testing

@testable import RaterLexicon

@Suite struct LexiconFileTests {
    private func header(_ kind: String, language: String = "zh") -> String {
        "# kind: \(kind)\n# language: \(language)\n# provenance: written for the tests\n# columns: term<TAB>value\n"
    }

    private func parse(_ contents: String, path: String = "test.tsv") throws -> LexiconFile {
        try LexiconFile(path: path, contents: contents)
    }

    private func entries(_ file: LexiconFile) -> [String: LexiconEntry] {
        Dictionary(file.entries.map { ($0.term, $0.entry) }, uniquingKeysWith: { _, last in last })
    }

    // MARK: - Header

    @Test func headerIsRead() throws {
        let file = try parse(header("sentiment") + "不错\t2.0\n")
        #expect(file.kind == .sentiment)
        #expect(file.language == "zh")
        #expect(file.provenance == "written for the tests")
        #expect(file.path == "test.tsv")
    }

    @Test(arguments: ["kind", "language", "provenance"])
    func missingHeaderFieldIsAnError(field: String) throws {
        let lines = ["# kind: sentiment", "# language: zh", "# provenance: tests", "好\t1"]
            .filter { !$0.hasPrefix("# \(field):") }
        #expect(throws: LexiconError.missingHeader(path: "h.tsv", field: field)) {
            try parse(lines.joined(separator: "\n"), path: "h.tsv")
        }
    }

    @Test func emptyHeaderValueCountsAsMissing() throws {
        #expect(throws: LexiconError.missingHeader(path: "e.tsv", field: "provenance")) {
            try parse("# kind: sentiment\n# language: en\n# provenance:   \n", path: "e.tsv")
        }
    }

    @Test func emptyFileHasNoHeader() throws {
        #expect(throws: LexiconError.missingHeader(path: "x.tsv", field: "kind")) {
            try parse("", path: "x.tsv")
        }
    }

    @Test func unknownKindIsAnError() throws {
        #expect(throws: LexiconError.unknownKind(path: "k.tsv", kind: "feelings")) {
            try parse(header("feelings") + "好\t1\n", path: "k.tsv")
        }
    }

    @Test func kindIsCaseInsensitive() throws {
        #expect(try parse(header("Degree") + "很\t1.3\n").kind == .degree)
    }

    @Test func headerKeysAreCaseInsensitiveAndFirstValueWins() throws {
        let file = try parse("# Kind: negator\n# LANGUAGE: en\n# provenance: first\n# provenance: second\nnot\n")
        #expect(file.kind == .negator)
        #expect(file.language == "en")
        #expect(file.provenance == "first")
    }

    @Test func commentLinesAndBlankLinesAreIgnored() throws {
        let contents = header("sentiment") + "# a note about the next entries\n\n   \n\t\n好\t1\n# 差\t-2\n\n"
        let file = try parse(contents)
        #expect(file.entries.map(\.term) == ["好"])
    }

    // MARK: - Kinds

    @Test func negatorsMayGiveAScope() throws {
        let file = try parse(header("negator") + "not\ndon't think\tscope=8\nnever\ta note, not a scope\n")
        #expect(file.entries.map(\.entry.negationScope) == [nil, 8, nil])
        #expect(throws: LexiconError.self) { try parse(header("negator") + "don't think\tscope=far\n") }
        #expect(throws: LexiconError.self) { try parse(header("negator") + "don't think\tscope=0\n") }
    }

    @Test func functionWordsAreMarked() throws {
        let file = try parse(header("function") + "the\nwas\n")
        #expect(file.entries.allSatisfy { $0.entry.isOnlyFunctionWord })
    }

    @Test func sentimentEntries() throws {
        let file = try parse(header("sentiment") + "不错\t2.0\n差\t-2\n性价比高\t+2.5\n")
        #expect(file.entries.map(\.term) == ["不错", "差", "性价比高"])
        #expect(file.entries.map(\.entry.valence) == [2.0, -2.0, 2.5])
        #expect(file.entries.allSatisfy { !$0.entry.isNegator && $0.entry.degree == nil && $0.entry.cues.isEmpty })
    }

    @Test func negatorEntriesHaveOneColumn() throws {
        let file = try parse(header("negator") + "不\n没有\n")
        #expect(file.entries.map(\.term) == ["不", "没有"])
        #expect(file.entries.allSatisfy { $0.entry.isNegator && $0.entry.valence == nil })
    }

    @Test func degreeEntries() throws {
        let file = try parse(header("degree") + "很\t1.3\n不太\t-0.5\n")
        #expect(file.entries.map(\.entry.degree) == [1.3, -0.5])
    }

    @Test func contrastAndIrrealisRoles() throws {
        let contrast = try parse(header("contrast") + "但是\tturn\n虽然\tCONCESSION\n")
        #expect(contrast.entries.map(\.entry.contrast) == [.turn, .concession])
        let irrealis = try parse(header("irrealis") + "吗\tquestion\n如果\tconditional\n希望\twish\n")
        #expect(irrealis.entries.map(\.entry.irrealis) == [.question, .conditional, .wish])
    }

    @Test func dimensionEntries() throws {
        let file = try parse(header("dimension") + "环境\ttangibles\t0.9\n态度\tAssurance\t1\n")
        #expect(file.entries.map(\.entry.cues) == [[DimensionCue(.tangibles, weight: 0.9)],
                                                   [DimensionCue(.assurance, weight: 1)]])
    }

    // MARK: - Bad lines

    @Test func wrongColumnCountReportsTheFileLine() throws {
        // Line 1-4 header, 5 good, 6 blank, 7 comment, 8 the bad one.
        let contents = header("sentiment") + "好\t1\n\n# comment\n差\n"
        #expect(throws: LexiconError.wrongColumnCount(path: "c.tsv", line: 8, expected: 2, found: 1)) {
            try parse(contents, path: "c.tsv")
        }
    }

    /// An editor that turns TABs into spaces is the commonest hand-editing mistake: the error names it.
    @Test func spacesWithoutATabAreNamed() throws {
        #expect {
            try parse(header("sentiment") + "一无是处 -3\n", path: "s.tsv")
        } throws: { error in
            (error as? LexiconError)?.description == "s.tsv:5: expected 2 TAB-separated column(s), found 1: the line "
                + "has spaces but no TAB (an editor may have turned the TAB into spaces)"
        }
        // Without spaces it is the plain count.
        #expect(throws: LexiconError.wrongColumnCount(path: "s.tsv", line: 5, expected: 2, found: 1)) {
            try parse(header("sentiment") + "一无是处\n", path: "s.tsv")
        }
    }

    @Test func dimensionNeedsThreeColumns() throws {
        #expect(throws: LexiconError.wrongColumnCount(path: "d.tsv", line: 5, expected: 3, found: 2)) {
            try parse(header("dimension") + "环境\ttangibles\n", path: "d.tsv")
        }
    }

    @Test func emptyTermIsAnError() throws {
        #expect {
            try parse(header("sentiment") + "\t2\n", path: "t.tsv")
        } throws: { error in
            guard case let .wrongColumnCount(path, line, _, _) = error as? LexiconError else { return false }
            return path == "t.tsv" && line == 5
        }
    }

    @Test(arguments: ["abc", "2,5", "nan", "inf", ""])
    func badNumberIsAnError(value: String) throws {
        #expect(throws: LexiconError.badNumber(path: "n.tsv", line: 6, column: "valence", value: value)) {
            try parse(header("sentiment") + "好\t1\n差\t\(value)\n", path: "n.tsv")
        }
    }

    @Test func badMultiplierAndWeightNameTheirColumn() throws {
        #expect(throws: LexiconError.badNumber(path: "m.tsv", line: 5, column: "multiplier", value: "very")) {
            try parse(header("degree") + "很\tvery\n", path: "m.tsv")
        }
        #expect(throws: LexiconError.badNumber(path: "w.tsv", line: 5, column: "weight", value: "high")) {
            try parse(header("dimension") + "环境\ttangibles\thigh\n", path: "w.tsv")
        }
    }

    @Test func badDimensionIsAnErrorListingTheAllowedValues() throws {
        let expected = LexiconError.badValue(
            path: "v.tsv", line: 5, column: "dimension", value: "price",
            allowed: ["reliability", "assurance", "tangibles", "empathy", "responsiveness"])
        #expect(throws: expected) {
            try parse(header("dimension") + "价格\tprice\t0.5\n", path: "v.tsv")
        }
    }

    @Test func badRoleIsAnError() throws {
        #expect(throws: LexiconError.badValue(path: "r.tsv", line: 5, column: "role", value: "maybe",
                                              allowed: ["turn", "concession", "correlative"])) {
            try parse(header("contrast") + "但是\tmaybe\n", path: "r.tsv")
        }
        #expect(throws: LexiconError.badValue(path: "r.tsv", line: 5, column: "role", value: "turn",
                                              allowed: ["question", "conditional", "wish", "counterfactual",
                                                        "consequent", "inquiry", "request", "shortfall", "bygone",
                                                        "retraction", "present", "past", "lapse", "rhetorical", "hedge", "gone",
                                                        "sarcasm"])) {
            try parse(header("irrealis") + "吗\tturn\n", path: "r.tsv")
        }
    }

    @Test func errorDescriptionsNameFileAndLine() {
        let error = LexiconError.wrongColumnCount(path: "zh/sentiment.tsv", line: 12, expected: 2, found: 1)
        #expect(error.description.hasPrefix("zh/sentiment.tsv:12:"))
        #expect(LexiconError.missingHeader(path: "a.tsv", field: "kind").description.contains("# kind:"))
        #expect(LexiconError.unknownKind(path: "a.tsv", kind: "x").description.contains("sentiment"))
    }

    // MARK: - Encoding details

    @Test func byteOrderMarkIsSkipped() throws {
        let file = try parse("\u{FEFF}" + header("sentiment") + "好\t1\n")
        #expect(file.kind == .sentiment)
        #expect(file.entries.map(\.term) == ["好"])
    }

    @Test func byteOrderMarkBeforeDataIsSkippedToo() throws {
        // Without the BOM skip the first header line would be data, and the file would have no kind.
        let file = try parse("\u{FEFF}# kind: negator\n# language: en\n# provenance: t\nnever\n")
        #expect(file.entries.map(\.term) == ["never"])
    }

    @Test
    func crlfLineEndingsAreAccepted() throws {
        let contents = "# kind: sentiment\r\n# language: en\r\n# provenance: tests\r\n\r\ngood\t2\r\nbad\t-2\r\n"
        let file = try parse(contents)
        #expect(file.language == "en")
        #expect(file.provenance == "tests")
        #expect(file.entries.map(\.term) == ["good", "bad"])
        #expect(file.entries.map(\.entry.valence) == [2, -2])
    }

    @Test
    func crlfLineNumbersStillCount() throws {
        let contents = "# kind: sentiment\r\n# language: en\r\n# provenance: tests\r\ngood\t2\r\nbad\r\n"
        #expect(throws: LexiconError.wrongColumnCount(path: "test.tsv", line: 5, expected: 2, found: 1)) {
            try parse(contents)
        }
    }

    @Test func trailingCarriageReturnOnTheLastLineIsTrimmed() throws {
        // A stray "\r" closing the last line (no "\n" after it) is trimmed, so the valence still parses.
        let file = try parse("# kind: sentiment\n# language: en\n# provenance: tests\ngood\t2\r")
        #expect(file.entries.map(\.term) == ["good"])
        #expect(file.entries.map(\.entry.valence) == [2])
    }

    @Test func extraNoteColumnIsAllowed() throws {
        let file = try parse(header("sentiment") + "好\t1\tcommon praise\n差\t-2\tnote\twith more\n")
        #expect(file.entries.map(\.entry.valence) == [1, -2])
        let negators = try parse(header("negator") + "不\tthe usual one\n")
        #expect(negators.entries.map(\.term) == ["不"])
    }

    @Test func columnsAreTrimmed() throws {
        let file = try parse(header("sentiment") + " 好 \t 1.5 \n")
        #expect(file.entries.map(\.term) == ["好"])
        #expect(file.entries.first?.entry.valence == 1.5)
    }

    @Test func englishTermsAreLowerCasedAndSpacesFolded() throws {
        let file = try parse(header("sentiment", language: "en") + "Took  Forever\t-2\nWIFI\t0.5\nCafé\t1\n")
        #expect(file.entries.map(\.term) == ["took forever", "wifi", "café"])
    }

    @Test func fileOrderIsKept() throws {
        let file = try parse(header("sentiment") + "c\t1\na\t2\nb\t3\n")
        #expect(file.entries.map(\.term) == ["c", "a", "b"])
        #expect(entries(file)["a"]?.valence == 2)
    }

    @Test func missingFileIsUnreadable() throws {
        let path = "/nonexistent-\(UInt64.random(in: 0...UInt64.max))/x.tsv"
        #expect {
            try LexiconFile(path: path)
        } throws: { error in
            guard case let .unreadable(errorPath, _) = error as? LexiconError else { return false }
            return errorPath == path
        }
    }

    // MARK: - LexiconTerm

    @Test func termFolding() {
        #expect(LexiconTerm.fold("  Took \t Forever ") == "took forever")
        #expect(LexiconTerm.fold("性价比") == "性价比")
        #expect(LexiconTerm.fold("ÀB") == "àb")  // beyond ASCII too, like the segmenter's folding
        #expect(LexiconTerm.fold("   ") == "")
    }
}
