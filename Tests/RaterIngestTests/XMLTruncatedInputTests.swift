import RaterCore
import Testing

@testable import RaterIngest

/// An export cut short (a copy that failed, a disk that filled): libxml2's push parser calls it "Extra content at the
/// end of the document", which sends a reader looking for extra content. The rejection says what happened.
@Suite(.temporaryFolder) struct XMLTruncatedInputTests {
    @Test func aFileCutInsideARecordSaysItEndsEarly() throws {
        let xml = "<export>\n<comment id=\"1\"><text>good</text></comment>\n<comment id=\"2\"><text>bad serv"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.first?.record?.id == "1")
        #expect(events.count == 2)
        #expect(events.last?.rejection?.reason == .malformedXML(message: XMLRecordCollector.truncatedMessage, endsInput: true))
        #expect(events.last?.rejection?.line == 3)
    }

    @Test func aFileCutBeforeTheRootClosesSaysItEndsEarly() throws {
        let xml = "<export>\n<comment id=\"1\"><text>good</text></comment>\n<comment id=\"2\"><text>fine</text></comment>\n"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2"])
        let messages = events.compactMap(\.rejection).map(\.reason)
        #expect(messages == [.malformedXML(message: XMLRecordCollector.truncatedMessage, endsInput: true)])
        #expect(!messages.description.contains("Extra content"))
    }

    /// Real extra content after the root is still libxml2's message: it is not an input that ended early.
    @Test func contentAfterTheRootKeepsLibxml2sMessage() throws {
        let xml = "<export><comment id=\"1\"><text>good</text></comment></export><more/>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.first?.record?.id == "1")
        #expect(events.compactMap(\.rejection).first?.reason == .malformedXML(message: "Extra content at the end of the document"))
    }
}
