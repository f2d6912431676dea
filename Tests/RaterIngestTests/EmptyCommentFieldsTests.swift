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

    /// Exporters leave an empty answer's member out, or write it as null: the rejection keeps the other members, so a
    /// rating among them makes it a rating-only answer, as an empty CSV cell does.
    @Test func jsonLinesWithoutTheMemberOrWithNullKeepTheOtherMembers() throws {
        let path = try temporaryFile("{\"id\":\"1\",\"nps\":9}\n{\"id\":\"2\",\"text\":null,\"nps\":\"0\"}\n",
                                     suffix: ".jsonl")
        let rejections = try readAll(path).compactMap(\.rejection)
        #expect(rejections.count == 2)
        #expect(rejections.allSatisfy { $0.reason.isNoComment && $0.reason.code == "missing_member" })
        #expect(rejections.map(\.fields) == [[Field("nps", "9")], [Field("nps", "0")]])
    }

    @Test func xmlWithoutTheTextElementKeepsTheRecordsFields() throws {
        let path = try temporaryFile("<reviews><review id=\"1\"><nps>10</nps></review>"
            + "<review id=\"2\"><text>Good</text><nps>9</nps></review></reviews>", suffix: ".xml")
        let rejection = try #require(try readAll(path).first?.rejection)
        #expect(rejection.reason.code == "missing_element" && rejection.reason.isNoComment)
        #expect(rejection.fields == [Field("nps", "10")])
        let named = try temporaryFile("<reviews><review id=\"1\"><nps>10</nps></review></reviews>", suffix: ".xml")
        let withOption = try #require(try readAll(named) { $0.xmlText = "remark" }.first?.rejection)
        #expect(withOption.reason.code == "missing_element" && withOption.fields == [Field("nps", "10")])
    }

    /// The other formats reject a record without a comment as that before anything its id may be; XML checked the
    /// id first, so an empty answer with an over-long id was `id_too_long` and never a rating-only answer.
    @Test func xmlWithoutACommentIsThatWhateverItsID() throws {
        let id = String(repeating: "9", count: 600)
        let path = try temporaryFile("<reviews><review id=\"\(id)\"><text> </text><nps>3</nps></review></reviews>",
                                     suffix: ".xml")
        let rejection = try #require(try readAll(path).first?.rejection)
        #expect(rejection.reason == .emptyText)
        #expect(rejection.fields == [Field("nps", "3")])
    }

    @Test func otherRejectionsAreNotTheAbsenceOfAComment() {
        #expect(!Rejection.Reason.unterminatedQuote.isNoComment)
        #expect(!Rejection.Reason.textTooLong(bytes: 2, limit: 1).isNoComment)
        #expect(Rejection.Reason.emptyText.isNoComment)
    }
}
