import RaterCore
import Testing

@testable import RaterIngest

/// An XML record's text is held once and never far past the text limit, however deep it is nested.
@Suite(.temporaryFolder) struct XMLRecordMemoryTests {
    /// Feeds `text` in 4 KB runs to a builder `depth` elements deep (the innermost is `<text>`), then a short
    /// `<note>` beside it.
    private func deepRecord(text: [UInt8], depth: Int, limit: Int) -> XMLRecordBuilder {
        var builder = XMLRecordBuilder(name: "review", depth: 1, line: 1, attributes: [], maximumTextBytes: limit)
        for level in 1..<depth { builder.openElement(name: "level\(level)", attributes: [], isEmpty: false) }
        builder.openElement(name: "text", attributes: [], isEmpty: false)
        for start in stride(from: 0, to: text.count, by: 4_096) {
            text[start..<min(start + 4_096, text.count)].withUnsafeBufferPointer { builder.appendText($0) }
        }
        builder.closeElement()
        builder.openElement(name: "note", attributes: [], isEmpty: false)
        Array("short".utf8).withUnsafeBufferPointer { builder.appendText($0) }
        builder.closeAll()
        return builder
    }

    /// 1 MB of text 30 elements deep used to be held 30 times over (30 MB here; 351 MB peak for the reviewer's 10 MB).
    @Test func deepTextIsStoredOnceAndOnlyUpToTheLimit() {
        let builder = deepRecord(text: Array(repeating: UInt8(ascii: "a"), count: 1 << 20), depth: 30, limit: 10_000)
        #expect(builder.storedTextBytes <= 10_000 + "short".utf8.count)
        // Too long to keep, but its length is known, so the record is rejected with the true size.
        #expect(builder.value(at: "text") == .tooLong(bytes: 1 << 20))
        // The text, the line break between `<text>` and `<note>`, and the note.
        #expect(builder.value(at: "level1") == .tooLong(bytes: (1 << 20) + 1 + 5))
        // What comes after the long element is kept.
        #expect(builder.value(at: "note") == .text("short"))
    }

    @Test func textWithinTheLimitIsWholeAndContainersReadInDocumentOrder() {
        var builder = XMLRecordBuilder(name: "review", depth: 1, line: 1, attributes: [], maximumTextBytes: 100)
        func append(_ text: String) { Array(text.utf8).withUnsafeBufferPointer { builder.appendText($0) } }
        builder.openElement(name: "p", attributes: [], isEmpty: false)
        append("Hello ")
        builder.openElement(name: "b", attributes: [], isEmpty: false)
        append("wörld")
        builder.closeElement()
        append(", nice")
        builder.closeElement()
        append(" own")
        #expect(builder.value(at: "p") == .text("Hello wörld, nice"))
        #expect(builder.value(at: "p/b") == .text("wörld"))
        #expect(builder.ownText == " own")
    }

    @Test func deepTextOverTheLimitIsRejectedWithItsLengthAndTheNextRecordIsRead() throws {
        let open = (1...30).map { "<l\($0)>" }.joined()
        let close = (1...30).reversed().map { "</l\($0)>" }.joined()
        let long = String(repeating: "x", count: 50_000)
        let xml = "<r><review id=\"1\">\(open)<text>\(long)</text>\(close)</review>"
            + "<review id=\"2\"><text>fine</text></review></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) { $0.maximumTextBytes = 1_000 }
        #expect(events.count == 2)
        #expect(events.first?.rejection?.reason == .textTooLong(bytes: 50_000, limit: 1_000))
        #expect(events.last?.record?.text == "fine")
    }

    /// A field is not cut short to fit: the record is rejected, as a CSV row with a field over the limit is.
    @Test func aPassthroughFieldOverTheLimitRejectsTheRecord() throws {
        let long = String(repeating: "y", count: 2_000)
        let xml = "<r><review id=\"1\"><text>ok</text><notes>\(long)</notes></review>"
            + "<review id=\"2\"><text>fine</text><notes>short</notes></review></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) { $0.maximumTextBytes = 1_000 }
        #expect(events.first?.rejection?.reason == .fieldTooLong(column: "notes", bytes: 2_000, limit: 1_000))
        #expect(events.last?.record?.fields == [Field("notes", "short")])
    }
}
