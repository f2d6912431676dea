import Testing

@testable import RaterLexicon

/// Kinds `duration` (time units, leads and markers of a stated wait) and `wait-bound` (what a wait of a length
/// weighs): a bad line stops loading with the file and line; the words are held apart from the matcher's terms.
@Suite struct DurationKindTests {
    private func durations(_ body: String, path: String = "durations.tsv") throws -> LexiconFile {
        try LexiconFile(path: path, contents: "# kind: duration\n# language: zh\n# provenance: tests\n" + body)
    }

    private func bounds(_ body: String, path: String = "wait-bounds.tsv") throws -> LexiconFile {
        try LexiconFile(path: path, contents: "# kind: wait-bound\n# language: any\n# provenance: tests\n" + body)
    }

    @Test func rolesLoad() throws {
        let file = try durations("分钟\t1\n小时\t60\n足足\tlead\n不到\tbound\n才\tslow\n就到\tQuick\n送了\tambiguous\n的队\tfollow\n车程\ttrip\n")
        #expect(file.entries.map(\.entry.duration) == [.unit(minutes: 1), .unit(minutes: 60), .lead, .bound,
                                                        .marker(.slow), .marker(.quick), .ambiguous, .follow, .trip])
        // No role of these adds a term to the scoring matcher.
        #expect(file.entries.allSatisfy { !$0.entry.isScoring })
    }

    @Test func aBadValueNamesTheFileAndLine() throws {
        #expect(throws: LexiconError.badValue(path: "durations.tsv", line: 5, column: "length in minutes or role",
                                              value: "slowly", allowed: ["a number of minutes", "lead", "bound", "ambiguous", "follow",
                                                                               "trip", "slow", "quick"])) {
            try durations("分钟\t1\n才\tslowly\n")
        }
        #expect(throws: LexiconError.outOfRange(path: "durations.tsv", line: 4, column: "length in minutes",
                                                value: "0", range: "(0, 5256000] (ten years)")) {
            try durations("分钟\t0\n")
        }
        #expect(throws: LexiconError.spacesWithoutTab(path: "durations.tsv", line: 4, expected: 2)) {
            try durations("小时 60\n")
        }
        #expect(throws: LexiconError.duplicateTerm(path: "durations.tsv", term: "才", firstLine: 4, line: 5)) {
            try durations("才\tslow\n才\tquick\n")
        }
    }

    @Test func boundsLoadAndWeigh() throws {
        let file = try bounds("30\t-2\n0\t1.0\n10\t0\n")
        #expect(file.entries.isEmpty)
        let table = WaitBounds(rows: file.waitBounds)
        #expect(table.rows.map(\.minutes) == [0, 10, 30])
        #expect(table.valence(minutes: 5) == 1.0)
        #expect(table.valence(minutes: 10) == 0)
        #expect(table.valence(minutes: 90) == -2)
        #expect(table.valence(of: .quick) == 1.0 && table.valence(of: .slow) == -2)
    }

    @Test func aBadBoundNamesTheFileAndLine() throws {
        #expect(throws: LexiconError.badNumber(path: "wait-bounds.tsv", line: 5, column: "length in minutes",
                                               value: "half an hour")) {
            try bounds("0\t1\nhalf an hour\t-1\n")
        }
        #expect(throws: LexiconError.outOfRange(path: "wait-bounds.tsv", line: 4, column: "valence", value: "-5",
                                                range: "−4…4")) {
            try bounds("30\t-5\n")
        }
        #expect(throws: LexiconError.wrongColumnCount(path: "wait-bounds.tsv", line: 4, expected: 2, found: 1)) {
            try bounds("30\n")
        }
        #expect(throws: LexiconError.duplicateTerm(path: "wait-bounds.tsv", term: "30", firstLine: 4, line: 5)) {
            try bounds("30\t-2\n30\t-1\n")
        }
    }

    /// A later table replaces the earlier one whole (a profile's over the base one); the units stay out of the
    /// matcher's terms, and the matcher reads a duration after a wait word with them.
    @Test func aLaterTableReplacesTheEarlierAndTheMatcherReads() throws {
        var lexicon = Lexicon()
        lexicon.add(try durations("分钟\t1\n个小时\t60\n小时\t60\n了\tlead\n才\tslow\n"))
        lexicon.add(try bounds("0\t1\n10\t0\n30\t-2\n"))
        lexicon.add(try bounds("0\t1\n60\t-2\n", path: "profiles/delivery/wait-bounds.tsv"))
        #expect(lexicon.waitBounds.rows.map(\.minutes) == [0, 60])
        let matcher = lexicon.makeMatcher()
        #expect(!matcher.terms.contains("分钟") && !matcher.terms.contains("才"))
        let cases: [(String, Double?, DurationMarker?)] = [
            ("了40分钟", 40, nil), ("两个小时", 120, nil), ("一个半小时", 90, nil), ("了二十分钟才上菜", 20, .slow),
            ("很久", nil, nil), ("了三个人", nil, nil),
        ]
        for (text, minutes, marker) in cases {
            let read = Array(text.utf8).withUnsafeBufferPointer { matcher.durations.read(after: 0, in: $0) }
            #expect(read?.minutes == minutes, "\(text)")
            #expect(read?.marker == marker, "\(text)")
        }
    }

    @Test func englishUnitsEndAWord() throws {
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "en.tsv", contents:
            "# kind: duration\n# language: en\n# provenance: tests\nmin\t1\nminutes\t1\nhalf an hour\t30\nfor\tlead\n"))
        lexicon.add(try bounds("0\t1\n"))
        let durations = lexicon.makeMatcher().durations
        func read(_ text: String) -> Double? {
            Array(text.utf8).withUnsafeBufferPointer { durations.read(after: 0, in: $0) }?.minutes
        }
        #expect(read(" for 35 minutes") == 35)
        #expect(read(" half an hour") == 30)
        #expect(read(" 5 mind games") == nil)
        #expect(read(" minutes") == nil)
    }
}
