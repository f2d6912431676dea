import Foundation
import RaterCore
import Testing

@testable import RaterIngest

/// A rejected XML record's `raw` is the record as written, cut at 4 KB, as every other format's is: it used to be
/// rebuilt from what was parsed, which lost comments, CDATA, entity spellings, prefixes and the attributes' quoting,
/// and so could not be repaired and fed again.
@Suite(.temporaryFolder) struct XMLRawRecordTests {
    private func events(_ bytes: [UInt8], chunkSize: Int, _ configure: (inout IngestOptions) -> Void = { _ in })
        throws -> [IngestEvent]
    {
        var options = IngestOptions()
        configure(&options)
        let stream = ByteStream(source: MemorySource(bytes), path: "r.xml", chunkSize: chunkSize)
        let reader = try XMLRecordReader(stream: stream, options: options)
        var events = [IngestEvent]()
        while let event = try reader.next() { events.append(event) }
        return events
    }

    /// A prefix, a comment, CDATA, an entity, a `>` in an attribute and single quotes, fed to libxml2 in chunks of
    /// every size from one byte: the raw record is the bytes from its `<` to its end tag's `>`, and its byte offset
    /// is where it starts.
    @Test func theRawRecordIsTheRecordAsWrittenInAnyChunkSize() throws {
        let first = "<x:review id=\"1\" note='a > b'>\n    <!-- checked by hand -->\n"
            + "    <x:body><![CDATA[Fine <b>]]> &amp; more</x:body>\n  </x:review>"
        let second = "<x:review id=\"2\"\n     stars=\"4\"/>"
        let xml = "<?xml version=\"1.0\"?>\n<export xmlns:x=\"urn:x\">\n  " + first + "\n  "
            + "<x:review id=\"3\"><x:text>退房很快</x:text></x:review>\n  " + second + "\n</export>\n"
        let bytes = Array(xml.utf8)
        let firstOffset = xml.utf8.count - xml[xml.range(of: "<x:review id=\"1\"")!.lowerBound...].utf8.count
        let secondOffset = xml.utf8.count - xml[xml.range(of: "<x:review id=\"2\"")!.lowerBound...].utf8.count
        for chunkSize in [1, 2, 3, 7, 64, 1 << 16] {
            let read = try events(bytes, chunkSize: chunkSize) { $0.xmlRecord = "review" }
            #expect(read.compactMap(\.record).map(\.text) == ["退房很快"], "chunk size \(chunkSize)")
            let rejections = read.compactMap(\.rejection)
            #expect(rejections.map(\.raw) == [first, second], "chunk size \(chunkSize)")
            #expect(rejections.map(\.byteOffset) == [firstOffset, secondOffset], "chunk size \(chunkSize)")
        }
    }

    /// A record longer than the limit keeps its first 4 KB as written, cut between characters, whatever the chunks
    /// (its bytes are copied out before the reader's window moves past them).
    @Test func aLongRecordKeepsItsFirstBytesAsWritten() throws {
        let record = "<review id=\"1\"><text>" + String(repeating: "服务周到，", count: 1_200) + "</text></review>"
        let xml = "<reviews>" + record + "<review id=\"2\"><text>ok</text></review></reviews>"
        let expected = RecordText.raw(Array(record.utf8))
        #expect(expected.utf8.count <= RecordText.rawLimit && expected.utf8.count > RecordText.rawLimit - 3)
        for chunkSize in [7, 1_000, 1 << 16] {
            let read = try events(Array(xml.utf8), chunkSize: chunkSize) { $0.maximumTextBytes = 1_000 }
            #expect(read.first?.rejection?.reason == .textTooLong(bytes: 15 * 1_200, limit: 1_000))
            #expect(read.first?.rejection?.raw == expected, "chunk size \(chunkSize)")
            #expect(read.last?.record?.id == "2")
        }
    }

    /// A start tag longer than the bytes the reader keeps (64 KB before the chunk being parsed, and the chunk)
    /// cannot be found again: the record is shown rebuilt from what was parsed, as before, with no offset, and the
    /// records after it as written.
    @Test func aStartTagOverTheWindowFallsBackToTheReconstruction() throws {
        let long = String(repeating: "k", count: 3 * XMLRecentBytes.history)
        let xml = "<r><review id=\"1\" key=\"\(long)\"/><review id=\"2\"/><review id=\"3\"><text>ok</text></review></r>"
        let rejections = try events(Array(xml.utf8), chunkSize: 1 << 16).compactMap(\.rejection)
        #expect(rejections.count == 2)
        #expect(rejections[0].raw.hasPrefix("<review id=\"1\" key=\"kkk") && rejections[0].raw.utf8.count <= 4_096)
        #expect(rejections[0].byteOffset == nil)
        #expect(rejections[1].raw == "<review id=\"2\"/>" && rejections[1].byteOffset != nil)
    }

    /// A malformed record (libxml2 recovering) and one the input ends inside are shown as written too.
    @Test func brokenAndTruncatedRecordsAreShownAsWritten() throws {
        let broken = try readAll(corpora + "/malformed/broken.xml").compactMap(\.rejection)
        #expect(broken.map(\.raw) == ["<review id=\"3\"><text>Check-in took forever.</txet></review>"])
        let truncated = try events(Array("<r><review id=\"1\"><text>fine</text></review><review id=\"2\"><text>cut".utf8),
                                   chunkSize: 1 << 16)
        #expect(truncated.compactMap(\.rejection).map(\.raw) == ["<review id=\"2\"><text>cut"])
    }

    /// gzip is undone and the charset decoded before libxml2 reads: the raw record is the decoded text, as for
    /// every other format. The byte offset is among the decompressed bytes for gzip, and unknown after decoding.
    @Test func gzipAndGB18030InputsShowTheDecodedRecord() throws {
        let record = "<review id=\"1\"><note>好好</note></review>"
        let xml = "<reviews>" + record + "<review id=\"2\"><text>好</text></review></reviews>"
        let plain = try temporaryFile(xml, suffix: ".xml")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-n", "-k", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try #require(readAll(plain + ".gz").first?.rejection)
        #expect(compressed.raw == record)
        #expect(compressed.byteOffset == "<reviews>".utf8.count)
        // 好 is BA C3 in GB18030.
        let declared = "<?xml version=\"1.0\" encoding=\"GB18030\"?>" + xml
        let gb18030 = declared.split(separator: "好", omittingEmptySubsequences: false).map { Array($0.utf8) }
            .joined(separator: [0xBA, 0xC3])
        let decoded = try #require(readAll(try temporaryFile(Array(gb18030), suffix: ".xml")).first?.rejection)
        #expect(decoded.raw == record)
        #expect(decoded.byteOffset == nil)
    }
    /// Offsets far into a file, after libxml2 has read and dropped many 64 KB chunks and shrunk its own buffer: each
    /// rejected record's offset is exact, in a plain file and after a byte order mark (counted, as the file's bytes
    /// are), so a libxml2 that counted differently would be caught, not only one that lost the offset.
    @Test func offsetsFarIntoTheFileAreExact() throws {
        var xml = "<?xml version=\"1.0\"?>\n<reviews>\n"
        var expected = [(offset: Int, raw: String)]()
        for index in 1...4_000 {
            // Every 700th record has no text: a rejection, the first after about 50 KB, the last after 300 KB.
            let record = index % 700 == 0
                ? "<review id=\"\(index)\"><note>kept for the offset test</note></review>"
                : "<review id=\"\(index)\"><text>The courier called ahead and the parcel was dry</text></review>"
            if index % 700 == 0 { expected.append((xml.utf8.count, record)) }
            xml += "  " + record + "\n"
        }
        xml += "</reviews>\n"
        #expect(expected.count == 5 && expected.last!.offset > 4 * XMLRecentBytes.history)
        for bom in [[UInt8](), [0xEF, 0xBB, 0xBF]] {
            let path = try temporaryFile(bom + Array(xml.utf8), suffix: ".xml")
            let rejections = try readAll(path).compactMap(\.rejection)
            #expect(rejections.map(\.raw) == expected.map(\.raw), "BOM \(bom)")
            #expect(rejections.map(\.byteOffset) == expected.map { $0.offset + 2 + bom.count }, "BOM \(bom)")
        }
    }
}
