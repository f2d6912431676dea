import RaterCore
import Testing

@testable import RaterIngest

/// An `empty_text` rejection keeps the record's other fields: a survey row with a rating and no comment is a
/// rating-only answer to `rater analyze`, which knows the rating columns ingestion does not. Other rejections carry
/// none.
@Suite(.temporaryFolder) struct EmptyCommentFieldsTests {
    @Test func csvKeepsTheRowsFieldsWithoutTheIdAndTheText() throws {
        let path = try temporaryFile("id,text,nps,branch\n1,,7,A\n2,fine,9,B\n3,\"unclosed\n", suffix: ".csv")
        let rejections = try readAll(path).compactMap(\.rejection)
        #expect(rejections.map(\.reason) == [.emptyText, .unterminatedQuote])
        #expect(rejections[0].fields == [Field("nps", "7"), Field("branch", "A")])
        #expect(rejections[1].fields.isEmpty)
    }

    @Test func jsonLinesKeepTheObjectsOtherMembers() throws {
        let path = try temporaryFile("{\"id\":\"1\",\"text\":\" \",\"nps\":\"0\",\"score\":4}\n", suffix: ".jsonl")
        let rejection = try #require(try readAll(path).first?.rejection)
        #expect(rejection.reason == .emptyText)
        #expect(rejection.fields == [Field("nps", "0"), Field("score", "4")])
    }

    @Test func xmlKeepsTheRecordsFields() throws {
        let path = try temporaryFile("<reviews><review id=\"1\"><text></text><nps>3</nps></review>"
            + "<review id=\"2\"><text>Good</text><nps>9</nps></review></reviews>", suffix: ".xml")
        let events = try readAll(path)
        let rejection = try #require(events.first?.rejection)
        #expect(rejection.reason == .emptyText)
        #expect(rejection.fields == [Field("nps", "3")])
        #expect(events.compactMap(\.record).map(\.text) == ["Good"])
    }
}
