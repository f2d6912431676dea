import RaterCore
import Testing

@testable import RaterIngest

/// The charset Rater decided is the one libxml2 reads, whatever the XML declaration says.
@Suite(.temporaryFolder) struct XMLDeclaredEncodingTests {
    /// What .NET's StringWriter writes: UTF-8 (here plain ASCII) bytes, no byte order mark, labelled UTF-16.
    @Test func utf16DeclaredOverASCIIBytesIsReadAsUTF8() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><reviews><review id=\"1\"><text>hello</text></review></reviews>"
        let path = try temporaryFile(xml, suffix: ".xml")
        #expect(try InputOpener.open(path: path, options: IngestOptions()).encoding.name == "UTF-8")
        let events = try readAll(path)
        #expect(events.count == 1)
        #expect(events.first?.record?.text == "hello")
    }

    /// libxml2 is never left to decode by the declaration: a forced `--encoding` wins over it too.
    @Test func aForcedEncodingWinsOverTheDeclaration() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><reviews><review id=\"1\"><text>café</text></review></reviews>"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml")) { $0.encoding = "UTF-8" }
        #expect(events.first?.record?.text == "café")
    }
}
