import RaterCore
import Testing

@testable import RaterIngest

/// Two CSV exports were read wrongly with exit 0 and no word: a header naming no comment column, whose last column
/// held the ratings (every result neutral, `und`), and a file without a header, whose first record became the
/// header. What is read is unchanged (the header decides, alike in every slice of an export); the doubt is a note
/// naming the option that settles it.
@Suite(.temporaryFolder) struct HeaderDoubtsTests {
    func notes(_ contents: String, _ configure: (inout IngestOptions) -> Void = { _ in }) throws -> [String] {
        var options = IngestOptions()
        configure(&options)
        return try InputOpener.open(path: try temporaryFile(contents, suffix: ".csv"), options: options).notes
    }

    @Test func ratingsInTheLastColumnOfAHeaderWithoutACommentNameAreNamedWithTheTextColumn() throws {
        let export = "id,客户留言,评分\n1,房间很干净，前台服务热情,5\n2,等了半小时才上菜,2\n3,性价比一般,3\n"
        let found = try notes(export)
        #expect(found.count == 1)
        let note = try #require(found.first)
        #expect(note.contains("the last column, '评分', is read as the comment, but its first 3 values are all numbers "
            + "(e.g. '5') while column '客户留言' holds text: if the comments are there, pass --text-column '客户留言'"),
            "\(note)")
        #expect(note.contains("id, 客户留言, 评分"))
        // What is read is the header's choice, as before: the note is the change.
        #expect(try readAll(try temporaryFile(export, suffix: ".csv")).compactMap(\.record).map(\.text) == ["5", "2", "3"])
        // The option it names settles it, and says nothing more.
        #expect(try notes(export) { $0.textColumn = "客户留言" } == [])
    }

    /// An export job that writes JSON Lines (or XML) under a fixed `.csv` name: the extension decides, as before, and
    /// the note names the format the content has.
    @Test func jsonLinesOrXMLUnderACSVNameAreNamed() throws {
        let jsonl = try notes("{\"id\":\"1\",\"text\":\"Great food\",\"nps\":9}\n{\"id\":\"2\",\"text\":\"Slow\"}\n")
        #expect(jsonl == ["the file is read as CSV (its extension) but starts with '{', as JSON Lines does; if it is, "
            + "pass --format jsonl"], "\(jsonl)")
        let xml = try notes("\u{FEFF}<?xml version=\"1.0\"?>\n<reviews><review><text>Good</text></review></reviews>\n")
        #expect(xml.count == 1 && xml[0].hasSuffix("pass --format xml"), "\(xml)")
        // Told the format, there is nothing to say.
        #expect(try notes("{\"text\":\"Good\"}\n") { $0.format = .jsonl } == [])
    }

    @Test func aLastColumnOfTextUnderNoCommentNameIsStillSaid() throws {
        let found = try notes("ticket,remark\nK1,The agent called back within the hour\nK2,Still waiting\n")
        #expect(found == ["no column is named as a comment column (text, comment, comments, review, reviewbody …), so "
            + "the last one, 'remark', is read as the comment (the header: ticket, remark); name it with --text-column"])
    }

    @Test func aHeaderNamingTheCommentColumnHasNoNote() throws {
        #expect(try notes("id,comment,nps\n1,Lovely stay,9\n2,Noisy room,4\n") == [])
        #expect(try notes("编号,评价,评分\n1,很好,5\n") == [])
    }

    @Test func aFirstRowOfDataIsSaidWithNoHeader() throws {
        let export = "101,Great food but the service was slow\n102,Clean tables\n103,Too noisy to talk\n"
        let found = try notes(export)
        #expect(found.count == 1)
        #expect(found.first?.contains("the first line does not look like a header ('101', 'Great food but the "
            + "service was…') but is read as one") == true, "\(found)")
        #expect(found.first?.contains("pass --no-header") == true)
        #expect(try notes(export) { $0.hasHeader = false } == [])
    }
}
