import RaterCore
import Testing

@testable import RaterIngest

/// A record without the comment's element said only "the record has no <text> text": for an export whose comments
/// sit under another name, that was every record, and nothing named `--xml-text`. The rejection now names what the
/// record holds and the option that reads it.
@Suite(.temporaryFolder) struct XMLMissingTextTests {
    let export = """
        <stays>
          <stay code="A7">
            <nights>2</nights>
            <guestNote>Breakfast was served until eleven, which suited our late mornings</guestNote>
          </stay>
          <stay code="A8"><nights>1</nights><guestNote>Thin walls</guestNote></stay>
        </stays>
        """

    @Test func theRejectionSaysWhatTheRecordHoldsAndWhichXMLTextReadsIt() throws {
        let path = try temporaryFile(export, suffix: ".xml")
        let rejections = try readAll(path) { $0.xmlID = "@code" }.compactMap(\.rejection)
        #expect(rejections.map(\.reason) == [
            .missingElement(name: "text", record: "stay", holds: ["nights", "guestNote", "@code"], suggestion: "guestNote"),
            .missingElement(name: "text", record: "stay", holds: ["nights", "guestNote", "@code"], suggestion: "guestNote"),
        ])
        #expect(rejections.map(\.line) == [2, 6])
        #expect(rejections.first?.reason.message == "the <stay> record has no comment text in element <text> (it holds "
            + "<nights>, <guestNote>, @code); if the comments are in <guestNote>, pass --xml-text guestNote")
        // As suggested.
        let records = try readAll(path) {
            $0.xmlID = "@code"
            $0.xmlText = "guestNote"
        }.compactMap(\.record)
        #expect(records.map(\.id) == ["A7", "A8"])
    }

    /// A `--xml-text` that is not there is named as given; an attribute is suggested when it holds the most text; a
    /// record holding nothing says so.
    @Test func aGivenPlaceAnAttributeAndAnEmptyRecord() throws {
        let xml = "<r><stay code=\"B1\" remark=\"Quiet room facing the garden\"><nights>3</nights></stay>"
            + "<stay code=\"B2\" remark=\"Noisy\"/></r>"
        let rejections = try readAll(try temporaryFile(xml, suffix: ".xml")) {
            $0.xmlText = "body/p"
            $0.xmlID = "@code"
        }.compactMap(\.rejection)
        #expect(rejections.first?.reason.message == "the <stay> record has no comment text in element <body/p> (it holds "
            + "<nights>, @code, @remark); if the comments are in @remark, pass --xml-text @remark")
        #expect(rejections.last?.reason == .missingElement(name: "body/p", record: "stay", holds: ["@code", "@remark"],
                                                           suggestion: "@remark"))
        let bare = try readAll(try temporaryFile("<r><stay/><stay/></r>", suffix: ".xml")).compactMap(\.rejection)
        #expect(bare.first?.reason.message == "the <stay> record has no comment text in element <text> (it holds no "
            + "element or attribute)")
    }
}
