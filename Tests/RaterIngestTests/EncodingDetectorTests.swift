import Foundation
import Testing

@testable import RaterIngest

@Suite struct EncodingDetectorTests {
    func detect(_ bytes: [UInt8]) -> DetectedEncoding { EncodingDetector.detect(head: bytes) }
    func corpusBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: corpora + "/unusual/" + name)))
    }

    @Test func byteOrderMarksDecideAndAreSkipped() {
        #expect(detect([0xEF, 0xBB, 0xBF, 0x61]) == .init(name: "UTF-8", byteOrderMarkLength: 0, evidence: .byteOrderMark))
        #expect(detect([0xFF, 0xFE, 0x61, 0x00]) == .init(name: "UTF-16LE", byteOrderMarkLength: 2, evidence: .byteOrderMark))
        #expect(detect([0xFE, 0xFF, 0x00, 0x61]) == .init(name: "UTF-16BE", byteOrderMarkLength: 2, evidence: .byteOrderMark))
        #expect(detect([0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0]).name == "UTF-32LE")
    }

    @Test func xmlDeclarationIsTheAuthorsWord() {
        let head = Array("<?xml version=\"1.0\" encoding='gbk'?><r/>".utf8)
        #expect(detect(head) == .init(name: "gbk", byteOrderMarkLength: 0, evidence: .xmlDeclaration))
        #expect(detect(Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><r/>".utf8)).name == "UTF-8")
        #expect(detect(Array("<?xml version=\"1.0\"?><r>é</r>".utf8)).evidence == .validUTF8)
    }

    /// .NET's StringWriter labels UTF-8 `encoding="utf-16"`: a declaration readable as ASCII cannot be UTF-16 or
    /// UTF-32, so the label is ignored and the bytes decide.
    @Test func aUTF16OrUTF32DeclarationInASCIIBytesIsIgnored() {
        for label in ["utf-16", "UTF-16LE", "utf-32", "UCS-2", "unicode"] {
            let head = Array("<?xml version=\"1.0\" encoding=\"\(label)\"?><r>é</r>".utf8)
            #expect(detect(head) == .init(name: "UTF-8", byteOrderMarkLength: 0, evidence: .validUTF8), "\(label)")
        }
        let latin = Array("<?xml version=\"1.0\" encoding=\"utf-16\"?><r>".utf8) + [0xE9] + Array("t\u{E9}</r>".utf8)
        #expect(detect(latin).evidence != .xmlDeclaration)
    }

    @Test func utf16WithoutAMarkIsRecognisedByItsZeroBytes() {
        let text = "id,comment\n1,fine\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(detect(little).name == "UTF-16LE")
        #expect(detect(big).name == "UTF-16BE")
    }

    /// UTF-16 with no mark and no ASCII has no zero bytes: Chinese text is told by the high bytes of its code units.
    @Test func chineseUTF16WithoutAMarkIsRecognisedByItsHighBytes() {
        let text = "房间很干净，服务员热情周到，早餐种类丰富。\n位置方便，下次还来。\n"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(detect(little) == .init(name: "UTF-16LE", byteOrderMarkLength: 0, evidence: .utf16Pattern))
        #expect(detect(big) == .init(name: "UTF-16BE", byteOrderMarkLength: 0, evidence: .utf16Pattern))
        // The same text in UTF-8 is not taken for UTF-16 (nor is GBK: `legacyCharsetsOfTheCorpus`).
        #expect(detect(Array(text.utf8)).name == "UTF-8")
    }

    /// Mostly English with a little Chinese in GBK: the high bytes are few but come in pairs, so it is Chinese, not
    /// accented Latin (which has lone high bytes: café, süß).
    @Test func afewPairedHighBytesAreChineseAndLoneOnesLatin() {
        let english = String(repeating: "The check-in was quick and the room was quiet, thanks to the staff. ", count: 6)
        // 上海店, 北京店 and 谢谢 in GBK.
        let (shanghai, beijing, thanks): ([UInt8], [UInt8], [UInt8]) =
            ([0xC9, 0xCF, 0xBA, 0xA3, 0xB5, 0xEA], [0xB1, 0xB1, 0xBE, 0xA9, 0xB5, 0xEA], [0xD0, 0xBB, 0xD0, 0xBB])
        let mixed = Array("id,branch,comment\n1,".utf8) + shanghai + Array(",\(english)\n2,".utf8) + beijing
            + Array(",\(english)".utf8) + thanks + Array("\n".utf8)
        #expect(detect(mixed).name == "GB18030")
        let latin = Array("id,comment\n1,Caf\u{E9} au lait was fine. \(english)\n2,S\u{FC}\u{DF} und gut, na\u{EF}ve. \(english)\n"
            .unicodeScalars.map { UInt8($0.value) })
        #expect(detect(latin).name == "windows-1252")
        // Latin pairs inside words (ção, ões, üß) are not Chinese.
        let pairs = Array("Aten\u{E7}\u{E3}o: informa\u{E7}\u{E3}o sobre as promo\u{E7}\u{F5}es, Gr\u{FC}\u{DF}e\n"
            .unicodeScalars.map { UInt8($0.value) })
        #expect(detect(pairs).name != "GB18030" && detect(pairs).name != "Big5")
    }

    @Test func utf8WithAStrayByteStaysUTF8() {
        // One corrupt byte among real UTF-8 must not flip the whole file to a legacy charset.
        let bytes = Array("很好，服务周到。".utf8) + [0xFF] + Array("下次再来".utf8)
        #expect(detect(bytes) == .init(name: "UTF-8", byteOrderMarkLength: 0, evidence: .validUTF8))
        #expect(detect(Array("plain ascii".utf8)).name == "UTF-8")
    }

    @Test func sampleCutMidCharacterIsStillUTF8() {
        var bytes = [UInt8]()
        while bytes.count < EncodingDetector.sampleSize { bytes += Array("服务".utf8) }
        let cut = Array(bytes.prefix(EncodingDetector.sampleSize))
        #expect(detect(cut).name == "UTF-8")
    }

    @Test(arguments: [("gbk_hotel.csv", "GB18030"), ("big5_restaurant.csv", "Big5"),
                      ("invalid_bytes_gbk.csv", "GB18030"), ("windows1252_en.csv", "windows-1252")])
    func legacyCharsetsOfTheCorpus(_ file: String, _ expected: String) throws {
        #expect(detect(try corpusBytes(file)).name == expected)
    }

    @Test func invalidSequencesAreCountedPerCharset() throws {
        let gbk = try corpusBytes("gbk_hotel.csv")
        #expect(EncodingDetector.invalidSequences(gbk, charset: "GB18030") == 0)
        #expect(EncodingDetector.invalidSequences(try corpusBytes("invalid_bytes_gbk.csv"), charset: "GB18030") == 1)
    }
}

@Suite struct DelimiterSnifferTests {
    func sniff(_ text: String) -> UInt8? { DelimiterSniffer.sniff(Array(text.utf8)) }

    @Test func eachCandidate() {
        #expect(sniff("a,b,c\n1,2,3\n") == UInt8(ascii: ","))
        #expect(sniff("a;b;c\n1;2,5;3\n") == UInt8(ascii: ";"))
        #expect(sniff("a\tb\n1\t2\n") == 0x09)
        #expect(sniff("a|b|c\n1|2|3\n") == UInt8(ascii: "|"))
    }

    @Test func quotedDelimitersDoNotVote() {
        // Commas inside quotes would make ',' look like a 4-field split on row 2.
        #expect(sniff("id;text\n1;\"yes, no, maybe\"\n2;\"a, b\"\n") == UInt8(ascii: ";"))
    }

    /// Rows end at a lone CR too (old Mac exports), as the CSV scanner reads them; a sample bigger than one row
    /// used to be a single row without a complete end, so no delimiter was found.
    @Test func rowsEndAtALoneCarriageReturn() {
        let rows = (1...5_000).map { "\($0);comment number \($0), fine;x" }
        let sample = Array(("id;text;note\r" + rows.joined(separator: "\r") + "\r").utf8.prefix(EncodingDetector.sampleSize))
        #expect(DelimiterSniffer.sniff(sample) == UInt8(ascii: ";"))
        #expect(DelimiterSniffer.fieldCounts(Array("a,b\r\n1,2\r3,4\n".utf8), delimiter: UInt8(ascii: ",")) == [2, 2, 2])
    }

    @Test func proseIsNotATable() {
        #expect(sniff("Great food, slow service, would come back.\nNo complaints at all\n") == nil)
        let longHeader = "This is a long sentence that is clearly not a header, at all\nand another one, like it\n"
        #expect(InputFormat.detect(path: "-", head: Array(longHeader.utf8)) == .text)
    }
}
