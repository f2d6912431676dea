import RaterCore
import Testing

@testable import RaterIngest

/// The comment is every match of the text path, and element boundaries inside it are line breaks unless the element
/// is inline formatting: a second `<p>` used to be lost, and `<p>on time.</p><p>But` read as `on time.But`.
@Suite(.temporaryFolder) struct XMLTextJoiningTests {
    private func read(_ xml: String, _ configure: (inout IngestOptions) -> Void = { _ in }) throws -> [IngestEvent] {
        try readAll(try temporaryFile(xml, suffix: ".xml"), configure)
    }

    private static let paragraphs = "<export><ticket id=\"T1\"><body><p>The engineer arrived on time.</p><p>But the "
        + "outage lasted six hours and nobody updated us.</p></body></ticket><ticket id=\"T2\"><body><p>服务很好。</p>"
        + "<p>但是故障一直没解决，非常失望。</p></body></ticket></export>"

    @Test func everyMatchOfAPathIsTheComment() throws {
        let records = try read(Self.paragraphs) { $0.xmlText = "body/p" }.compactMap(\.record)
        #expect(records.map(\.text) == ["The engineer arrived on time.\nBut the outage lasted six hours and nobody updated us.",
                                        "服务很好。\n但是故障一直没解决，非常失望。"])
        #expect(records.map(\.fields) == [[], []])
    }

    @Test func aBareNameMatchesEveryChildOfThatName() throws {
        let xml = "<r><rec id=\"1\"><text>Great room.</text><stars>4</stars><text>Noisy street</text></rec>"
            + "<rec id=\"2\"><text>ok</text></rec></r>"
        let records = try read(xml).compactMap(\.record)
        #expect(records.map(\.text) == ["Great room.\nNoisy street", "ok"])
        #expect(records[0].fields == [Field("stars", "4")])
    }

    @Test func aBareNameAtAnyDepthMatchesEveryElementOfThatName() throws {
        let xml = "<r><rec id=\"1\"><a><p>one</p></a><b><p>two</p></b></rec><rec id=\"2\"><p>three</p></rec></r>"
        let records = try read(xml) { $0.xmlText = "p" }.compactMap(\.record)
        #expect(records.map(\.text) == ["one\ntwo", "three"])
        #expect(records[0].fields == [])
    }

    @Test func blockBoundariesInsideTheTextElementAreLineBreaks() throws {
        let records = try read(Self.paragraphs) { $0.xmlText = "body" }.compactMap(\.record)
        #expect(records.map(\.text) == ["The engineer arrived on time.\nBut the outage lasted six hours and nobody updated us.",
                                        "服务很好。\n但是故障一直没解决，非常失望。"])
        // The paragraphs are the comment: not fields beside it as well.
        #expect(records.map(\.fields) == [[], []])
    }

    @Test func breaksAndLinesSeparateWordsAndInlineFormattingDoesNot() throws {
        let xml = "<r><rec id=\"1\"><text>Great<br/>location</text></rec>"
            + "<rec id=\"2\"><text><line>The room was clean</line><line>the staff rude</line></text></rec>"
            + "<rec id=\"3\"><text>Really <b>great</b> <i>food</i>, <span class=\"x\">un</span>friendly <a href=\"#\">staff</a></text></rec>"
            + "<rec id=\"4\"><text>\n  <p>indented</p>\n  <p>lines</p>\n</text></rec></r>"
        let records = try read(xml).compactMap(\.record)
        #expect(records.map(\.text) == ["Great\nlocation", "The room was clean\nthe staff rude",
                                        "Really great food, unfriendly staff", "\n  indented\n  lines\n"])
    }

    /// A leaf field keeps its text as it was: the separators belong to the elements that hold the boundary.
    @Test func fieldsAroundTheTextKeepTheirOwnText() throws {
        let xml = "<r><rec id=\"1\"><text>a<br/>b</text><meta><store>S1</store><city>Hangzhou</city></meta></rec>"
            + "<rec id=\"2\"><text>c</text></rec></r>"
        let records = try read(xml).compactMap(\.record)
        #expect(records[0].fields == [Field("meta/store", "S1"), Field("meta/city", "Hangzhou")])
    }

    /// The record's own text takes in inline formatting (`<b>food</b>`) and breaks at block elements.
    @Test func theRecordsOwnTextIncludesInlineElements() throws {
        let xml = "<r><review id=\"7\">Great <b>food</b>, slow service<br/>would come again</review>"
            + "<review id=\"8\">ok</review></r>"
        let records = try read(xml).compactMap(\.record)
        #expect(records.map(\.text) == ["Great food, slow service\nwould come again", "ok"])
    }

    /// Several matches of the id path: the first is the id, the others stay fields, so none goes unseen.
    @Test func aRepeatedIDElementGivesTheFirstAndKeepsTheRest() throws {
        let xml = "<r><rec><id>A1</id><id>A2</id><text>x</text></rec><rec><id>B</id><text>y</text></rec></r>"
        let records = try read(xml) { $0.xmlID = "id" }.compactMap(\.record)
        #expect(records.map(\.id) == ["A1", "B"])
        #expect(records[0].fields == [Field("id", "A2")])
        #expect(records[1].fields == [])
    }

    /// All matches together are held to the text limit.
    @Test func matchesOverTheLimitTogetherAreTooLong() throws {
        let xml = "<r><rec id=\"1\"><text>aaaaaa</text><text>bbbbbb</text></rec><rec id=\"2\"><text>ok</text></rec></r>"
        let events = try read(xml) { $0.maximumTextBytes = 10 }
        #expect(events.first?.rejection?.reason == .textTooLong(bytes: 13, limit: 10))
        #expect(events.last?.record?.text == "ok")
    }
}

/// An `--xml-record` that matches nothing is an error naming what the file has under its root, as a missing
/// `--text-column` is: it used to be "no records" and exit 0. Names may be written with their prefix, as in the file.
@Suite(.temporaryFolder) struct XMLRecordOptionTests {
    private static let prefixed = "<x:export xmlns:x=\"urn:x\"><x:review id=\"1\"><x:text>Great</x:text></x:review>"
        + "<x:review id=\"2\"><x:text>Slow</x:text><x:stars>2</x:stars></x:review></x:export>"

    @Test func aRecordElementThatMatchesNothingIsAnErrorNamingTheElements() throws {
        let path = try temporaryFile("<export><generated>x</generated><review id=\"1\"><text>a</text></review></export>",
                                     suffix: ".xml")
        for record in ["export/reviews", "reviews", "x:reviews"] {
            #expect(throws: IngestError.noSuchElement(path: path, record: record, root: "export",
                                                       children: ["generated", "review"])) {
                _ = try readAll(path) { $0.xmlRecord = record }
            }
        }
        // A root with nothing under it is an empty export, not a wrong option.
        let empty = try temporaryFile("<export></export>", suffix: ".xml")
        #expect(try readAll(empty) { $0.xmlRecord = "review" }.isEmpty)
    }

    @Test func prefixedNamesMatchAsWrittenInTheFile() throws {
        let path = try temporaryFile(Self.prefixed, suffix: ".xml")
        for (record, text) in [("x:review", "x:text"), ("review", "text"), ("x:export/x:review", "text")] {
            let records = try readAll(path) { $0.xmlRecord = record; $0.xmlText = text; $0.xmlID = "@x:id" }
                .compactMap(\.record)
            #expect(records.map(\.text) == ["Great", "Slow"])
            #expect(records.map(\.id) == ["1", "2"])
            #expect(records[1].fields == [Field("stars", "2")])
        }
    }
}
