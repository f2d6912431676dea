import RaterCore
import Testing

@testable import RaterIngest

/// Attribute values come out as written: libxml2's `&#38;` for an ampersand decoded, an unexpanded entity named.
@Suite(.temporaryFolder) struct XMLAttributeValueTests {
    private func decode(_ text: String) -> XMLAttributeValue {
        Array(text.utf8).withUnsafeBufferPointer { XMLAttributeValue($0) }
    }

    @Test func ampersandsInAttributeTextAreAmpersands() throws {
        let xml = "<r><review id=\"1\" text=\"Fast &amp; polite\"/><review id=\"2\" text=\"R&amp;D team\"/></r>"
        let records = try readAll(try temporaryFile(xml, suffix: ".xml")) {
            $0.xmlRecord = "review"
            $0.xmlText = "@text"
        }.compactMap(\.record)
        #expect(records.map(\.text) == ["Fast & polite", "R&D team"])
    }

    /// Each reference is decoded once: what a decoded `&` starts is text, not another reference.
    @Test func referencesAreDecodedOnceAndPassThroughFieldsToo() throws {
        let xml = "<r><review id=\"1\" shop=\"M&amp;S\" note=\"&amp;#38; &amp;co; &#60;&lt;&#x41;&#38;\">"
            + "<meta tag=\"A&amp;B\"/><text>ok</text></review></r>"
        let record = try #require(try readAll(try temporaryFile(xml, suffix: ".xml")).first?.record)
        #expect(record.fields == [Field("shop", "M&S"), Field("note", "&#38; &co; <<A&"), Field("meta/@tag", "A&B")])
    }

    @Test func aDTDEntityInAnAttributeRejectsTheRecordNamingIt() throws {
        let xml = "<!DOCTYPE r [<!ENTITY co \"ACME\">]><r><review id=\"1\" text=\"&co; was great\"/>"
            + "<review id=\"2\" text=\"fine\"><meta by=\"&co;\"/></review><review id=\"3\" text=\"ok\"/></r>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) {
            $0.xmlRecord = "review"
            $0.xmlText = "@text"
        }
        let message = "the record uses the entity '&co;', which Rater does not expand (DTD and external entities are "
            + "refused for safety)"
        #expect(events.map(\.rejection?.reason) == [.malformedXML(message: message), .malformedXML(message: message), nil])
        #expect(events.last?.record?.text == "ok")
    }

    @Test func decoding() {
        #expect(decode("plain").text == "plain")
        #expect(decode("&#38;&#38;#38;").text == "&&#38;")
        #expect(decode("&#x1F44D; &#233;").text == "👍 é")
        // Not references: kept as they are, and not taken for entities.
        #expect(decode("a & b &#xZZ; &; &#;").text == "a & b &#xZZ; &; &#;")
        #expect(decode("a & b &#xZZ; &; &#;").unexpandedEntity == nil)
        let entity = decode("x &co; &other;")
        #expect(entity.text == "x &co; &other;")
        #expect(entity.unexpandedEntity == "co")
    }

    /// The next `;` is found once, not from every `&`.
    @Test func manyAmpersandsWithoutASemicolonStayLinear() {
        let value = decode(String(repeating: "&", count: 2_000_000) + ";")
        #expect(value.text.utf8.count == 2_000_001)
    }
}
