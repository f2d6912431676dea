import RaterCore
import Testing

@testable import RaterIngest

/// A `;` export with one ragged row, or with Excel's `sep=;` line, used to be read as one column: the whole row was
/// the comment, the id was made up, the fields were empty, and the run exited 0.
@Suite(.temporaryFolder) struct DelimiterDetectionTests {
    private static let raggedSemicolons = "id;branch;comment\n1;A;Great stay\n2;B;服务很好\n3;C;ok;but noisy\n"

    @Test func oneRaggedRowDoesNotOutvoteTheHeader() {
        #expect(DelimiterSniffer.sniff(Array(Self.raggedSemicolons.utf8)) == UInt8(ascii: ";"))
        #expect(DelimiterSniffer.sniff(Array("id|text\n1|a\n2|b|c\n".utf8)) == UInt8(ascii: "|"))
        // A header and one row that disagree say nothing (prose with commas).
        #expect(DelimiterSniffer.sniff(Array("id|text\n1|a|b\n".utf8)) == nil)
        // Most rows disagreeing with the header is still no delimiter.
        #expect(DelimiterSniffer.sniff(Array("a;b;c\n1\n2\n3;4\n".utf8)) == nil)
    }

    @Test func aRaggedSemicolonFileKeepsItsColumns() throws {
        let records = try readAll(try temporaryFile(Self.raggedSemicolons, suffix: ".csv")).compactMap(\.record)
        #expect(records.map(\.id) == ["1", "2", "3"])
        #expect(records.map(\.text) == ["Great stay", "服务很好", "ok"])
        #expect(records[2].fields == [Field("branch", "C"), Field("column_4", "but noisy")])
    }

    @Test func excelsSeparatorLineNamesTheDelimiterAndIsNoHeader() throws {
        let path = try temporaryFile("\u{FEFF}sep=;\r\nid;branch;comment\r\n1;A;Great room\r\n2;B;Noisy, but clean\r\n",
                                     suffix: ".csv")
        for forced in [nil, UInt8(ascii: ";")] {
            let records = try readAll(path) { $0.delimiter = forced }.compactMap(\.record)
            #expect(records.map(\.id) == ["1", "2"])
            #expect(records.map(\.text) == ["Great room", "Noisy, but clean"])
            #expect(records[0].fields == [Field("branch", "A")])
            #expect(records[0].line == 3)
        }
        #expect(DelimiterSniffer.excelSeparator(Array("sep=|\nid|text\n".utf8)) == UInt8(ascii: "|"))
        #expect(DelimiterSniffer.excelSeparator(Array("sep=;x\n".utf8)) == nil)
        // On standard input the line says it is a table.
        #expect(InputFormat.detect(path: "-", head: Array("sep=;\nStore;Remark\nA;fine\n".utf8)) == .csv)
    }

    /// Where the rows cannot say, the first line splitting at another delimiter is said, not left to be found in
    /// the results.
    @Test func aOneColumnReadOfALineThatSplitsIsNoted() throws {
        let path = try temporaryFile("id;branch;comment\nGreat stay\nNoisy\nok\n", suffix: ".csv")
        let opened = try InputOpener.open(path: path, options: IngestOptions())
        #expect(opened.notes.count == 1)
        #expect(opened.notes.first?.contains("--delimiter ';'") == true)
        let clean = try InputOpener.open(path: try temporaryFile(Self.raggedSemicolons, suffix: ".csv"),
                                         options: IngestOptions())
        #expect(clean.notes == [])
    }

    @Test func aMissingColumnInAOneColumnHeaderSuggestsTheDelimiter() throws {
        let path = try temporaryFile("id;branch;comment\n1;A;Great\n", suffix: ".csv")
        #expect {
            _ = try readAll(path) { $0.delimiter = UInt8(ascii: ","); $0.textColumn = "comment" }
        } throws: { error in
            "\(error)".contains("--delimiter ';'")
        }
    }
}

/// Chinese comments one per line with an ASCII comma each split alike, and their first line looks like a header of
/// short names: standard input took them for CSV, the first comment for the header, and halved the rest. Chinese
/// puts no space after a comma, so the test that tells English prose from a header says nothing there; the rows
/// must show a table.
@Suite struct CJKFormatDetectionTests {
    func detect(_ head: String) -> (InputFormat, String?) {
        InputFormat.detectExplained(path: "-", head: Array(head.utf8), options: IngestOptions())
    }

    @Test func chineseCommentsWithACommaAreText() throws {
        let comments = "好评,推荐\n差评,不推荐\n一般,还行\n"
        let (format, note) = detect(comments)
        #expect(format == .text)
        #expect(note?.contains("--format csv") == true)
        let opened = try InputOpener.open(source: MemorySource(Array(comments.utf8)), path: "-", options: IngestOptions())
        #expect(opened.format == .text)
        #expect(opened.notes.count == 1)
        var reader = opened.reader
        var texts = [String]()
        while let event = try reader.next() { texts.append(try #require(event.record).text) }
        #expect(texts == ["好评,推荐", "差评,不推荐", "一般,还行"])
    }

    @Test func aChineseHeaderOverRowsWithCodesOrNumbersIsATable() {
        #expect(detect("门店,日期,反馈\n西湖店,2026-01-02,很好\n滨江店,2026-01-03,一般\n").0 == .csv)
        #expect(detect("工单|客服|备注\nK1|小王|已解决\nK2|小李|太慢\n").0 == .csv)
        // A column Rater looks for is enough, as before.
        #expect(detect("门店,评论\n西湖店,很好\n滨江店,一般\n") == (.csv, nil))
        // English prose keeps its own test, without a note.
        #expect(detect("Great food, slow service\nNice room, rude staff\n") == (.text, nil))
    }
}
