import RaterCore
import Testing

@testable import RaterIngest

/// libxml2 reports an error in a start tag before the element itself: the record is rejected with it, once.
@Suite(.temporaryFolder) struct XMLStartTagErrorTests {
    @Test func aBrokenStartTagRejectsItsRecordOnceAndNothingElse() throws {
        let xml = "<r><review id=\"1\" store=\"AT&T\"><text>good</text></review>"
            + "<review id=\"2\" a=\"x\" a=\"y\"><text>fine</text></review>"
            + "<review id=\"3\"><text>AT&T rocks</text></review><review id=\"4\"><text>whole</text></review></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) { $0.xmlRecord = "review" }
        #expect(events.count == 4)
        #expect(events.map(\.rejection?.recordNumber) == [1, 2, 3, nil])
        #expect(events.map(\.rejection?.reason) == [.malformedXML(message: "EntityRef: expecting ';'"),
                                                     .malformedXML(message: "Attribute a redefined"),
                                                     .malformedXML(message: "EntityRef: expecting ';'"), nil])
        #expect(events.last?.record?.id == "4")
    }

    /// An error between records with text after it is the stretch's own rejection; the start tag error after it
    /// still goes to its record.
    @Test func anErrorBetweenRecordsStaysItsOwnRejection() throws {
        let xml = "<r><review id=\"1\"><text>one</text></review> & <review id=\"2\" a=\"1\" a=\"2\"><text>two</text>"
            + "</review><review id=\"3\"><text>three</text></review></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) { $0.xmlRecord = "review" }
        #expect(events.count == 4)
        #expect(events[0].record?.id == "1")
        #expect(events[1].rejection?.reason == .malformedXML(message: "xmlParseEntityRef: no name"))
        #expect(events[1].rejection?.recordNumber == 2)
        #expect(events[2].rejection?.reason == .malformedXML(message: "Attribute a redefined"))
        #expect(events[2].rejection?.raw.hasPrefix("<review id=\"2\"") == true)
        #expect(events[3].record?.id == "3")
    }

    /// An error in the start tag of an element that is not a record (here the root) is reported on its own.
    @Test func anErrorInTheRootsStartTagIsNotGivenToTheFirstRecord() throws {
        let xml = "<r a=\"1\" a=\"2\"><review id=\"1\"><text>one</text></review></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) { $0.xmlRecord = "review" }
        #expect(events.count == 2)
        #expect(events.first?.rejection?.reason == .malformedXML(message: "Attribute a redefined"))
        #expect(events.last?.record?.text == "one")
    }
}
