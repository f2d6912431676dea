import RaterCore
import Testing

@testable import RaterIngest

/// Without `--xml-record` every element under the root ends up a record or a rejection, the record element being
/// the first name that repeats.
@Suite(.temporaryFolder) struct XMLDefaultRecordTests {
    private func read(_ xml: String, _ configure: (inout IngestOptions) -> Void = { _ in }) throws -> [IngestEvent] {
        try readAll(try temporaryFile(xml, suffix: ".xml"), configure)
    }

    /// Records that are all attributes have no child elements and no text: they were dropped until one had some.
    @Test func recordsMadeOfAttributesAreRead() throws {
        let events = try read("<reviews><review id=\"1\" text=\"Great food\"/><review id=\"2\" text=\"Slow service\"/></reviews>") {
            $0.xmlText = "@text"
        }
        #expect(events.compactMap(\.record).map(\.text) == ["Great food", "Slow service"])
        #expect(events.count == 2)
    }

    /// A header element before the records is not the record; holding no comment, it is no record at all, so the
    /// export reads clean (a rejection made every nightly run of such an export exit 3, and `--strict` stop).
    @Test func aHeaderBeforeRepeatedRecordsIsSkippedAndTheRecordsRead() throws {
        let xml = "<export><generated>2026-11-27</generated><info generated=\"x\"/><review id=\"1\"><text>Great</text>"
            + "</review><review id=\"2\"><text>Bad</text></review></export>"
        let events = try read(xml)
        #expect(events.count == 2)
        #expect(events.compactMap(\.record).map(\.text) == ["Great", "Bad"])
        #expect(events.map { $0.record?.recordNumber ?? $0.rejection?.recordNumber } == [1, 2])
    }

    /// An empty record before the first with text is rejected in its place, like the same one after it.
    @Test func anEmptyFirstRecordIsRejectedInItsPlace() throws {
        let events = try read("<reviews><review id=\"1\"/><review id=\"2\"><text>Fine</text></review><review id=\"3\"/></reviews>")
        #expect(events.count == 3)
        #expect(events.map(\.rejection?.reason) == [.missingElement(name: "text", record: "review", holds: ["@id"]), nil,
                                                     .missingElement(name: "text", record: "review", holds: ["@id"])])
        #expect(events.map { $0.record?.recordNumber ?? $0.rejection?.recordNumber } == [1, 2, 3])
        #expect(events[1].record?.id == "2")
    }

    /// Elements of another name that hold a comment are reported (they were skipped once a record was found); one
    /// that holds none (a summary) is no record.
    @Test func otherElementsWithACommentAmongTheRecordsAreReported() throws {
        let xml = "<reviews><review id=\"1\"><text>one</text></review><review id=\"2\"><text>two</text></review>"
            + "<summary count=\"3\"/><reveiw id=\"3\"><text>three</text></reveiw></reviews>"
        let events = try read(xml)
        #expect(events.count == 3)
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2"])
        #expect(events.compactMap(\.rejection).map(\.reason) == [.otherElement(name: "reveiw", record: "review")])
        #expect(events.map { $0.record?.recordNumber ?? $0.rejection?.recordNumber } == [1, 2, 3])
    }

    @Test func withoutARepeatTheElementWithTheTextIsTheRecord() throws {
        let one = try read("<export><generated>2026-11-27</generated><review id=\"1\"><text>Great</text></review></export>")
        #expect(one.map(\.record?.text) == ["Great"])
        // A lone record with its comment as its own text, and a lone empty one.
        #expect(try read("<reviews><review id=\"1\">own text</review></reviews>").first?.record?.text == "own text")
        #expect(try read("<reviews><review id=\"1\"/></reviews>").map(\.rejection?.reason)
                == [.missingElement(name: "text", record: "review", holds: ["@id"])])
    }

    /// Waiting for a repeat is bounded: after `patience` different names the guess settles on what it has seen.
    @Test func manyDifferentElementsSettleTheGuessWithoutARepeat() throws {
        var xml = "<r>"
        for index in 0..<(XMLRecordGuess.patience + 8) { xml += "<e\(index)><text>t\(index)</text></e\(index)>" }
        xml += "</r>"
        let events = try read(xml)
        #expect(events.count == XMLRecordGuess.patience + 8)
        #expect(events.first?.record?.text == "t0")
        #expect(events.dropFirst().allSatisfy {
            if case .otherElement(_, record: "e0")? = $0.rejection?.reason { true } else { false }
        })
    }

    /// Errors between the elements that wait keep their place in the numbering.
    @Test func errorsWhileTheGuessWaitsStayInOrder() throws {
        let xml = "<export><generated>d</generated> & <review id=\"1\"><text>a</text></review>"
            + "<review id=\"2\"><text>b</text></review></export>"
        let events = try read(xml)
        #expect(events.count == 3)
        #expect(events.map { $0.record?.recordNumber ?? $0.rejection?.recordNumber } == [1, 2, 3])
        #expect(events[0].rejection?.reason == .malformedXML(message: "xmlParseEntityRef: no name"))
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2"])
    }

    /// With --xml-record the user has named the records: other elements are not reported.
    @Test func aNamedRecordElementSkipsTheOthers() throws {
        let xml = "<export><generated>2026-11-27</generated><review id=\"1\"><text>Great</text></review></export>"
        let events = try read(xml) { $0.xmlRecord = "review" }
        #expect(events.map(\.record?.text) == ["Great"])
    }
}
