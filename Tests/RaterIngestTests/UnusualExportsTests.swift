import RaterCore
import Testing

@testable import RaterIngest

/// Every file in Corpora/unusual, read as a nightly job would: what comes out, field by field, and what is rejected.
@Suite struct UnusualExportsTests {
    func read(_ name: String, _ configure: (inout IngestOptions) -> Void = { _ in }) throws -> [IngestEvent] {
        try readAll(corpora + "/unusual/" + name, configure)
    }

    func opened(_ name: String) throws -> OpenedInput {
        try InputOpener.open(path: corpora + "/unusual/" + name, options: IngestOptions())
    }

    @Test func gbkSpreadsheetExport() throws {
        let input = try opened("gbk_hotel.csv")
        #expect(input.encoding.name == "GB18030")
        #expect(input.format == .csv)
        let records = try read("gbk_hotel.csv").compactMap(\.record)
        #expect(records.map(\.id) == ["H01", "H02", "H03", "H04", "H05", "H06"])
        #expect(records[0].text == "前台小姐姐很热情，入住很快，房间也干净。")
        #expect(records[0].fields == [Field("门店", "西湖店"), Field("日期", "2026-11-01"), Field("评分", "5")])
        // The quoted comment keeps its comma and line break, and the next record's line number accounts for it.
        #expect(records[2].text == "早餐种类不多,但是味道不错。\r\n服务员会主动加热牛奶。")
        #expect(records.map(\.line) == [2, 3, 4, 6, 7, 8])
    }

    @Test func big5TraditionalChinese() throws {
        #expect(try opened("big5_restaurant.csv").encoding.name == "Big5")
        let records = try read("big5_restaurant.csv").compactMap(\.record)
        #expect(records.map(\.text) == ["服務生很有禮貌，上菜速度也快。", "等了一個小時才上菜，湯還是冷的。",
                                        "環境乾淨，價格合理，會再來。", "店員態度很差，問問題都不理人。"])
    }

    @Test func utf16LittleEndianTabsAndCRLF() throws {
        let input = try opened("utf16le_bank.tsv")
        #expect(input.encoding == .init(name: "UTF-16LE", byteOrderMarkLength: 2, evidence: .byteOrderMark))
        let records = try read("utf16le_bank.tsv").compactMap(\.record)
        #expect(records.map(\.id) == ["B1", "B2", "B3", "B4"])
        #expect(records[2].text == "App 转账老是失败，客服电话一直占线。")
        #expect(records[1].fields == [Field("branch", "Queens Rd")])
    }

    @Test func utf16BigEndian() throws {
        let records = try read("utf16be_telecom.csv").compactMap(\.record)
        #expect(records.map(\.id) == ["C1", "C2", "C3"])
        #expect(records[1].text == "The engineer arrived on time and fixed the router in ten minutes.")
    }

    @Test func semicolonsWithDecimalCommas() throws {
        let records = try read("semicolon_retail.csv").compactMap(\.record)
        #expect(records.count == 4)
        #expect(records[0].fields == [Field("store", "Lyon"), Field("score", "4,5")])
        #expect(records[1].text == "Ordered online; the parcel arrived late and damaged.")
    }

    @Test func pipesAndAForcedDelimiter() throws {
        let records = try read("pipe_callcentre.csv").compactMap(\.record)
        #expect(records.map { $0.fields.first?.value } == ["K1", "K2", "K3"])
        #expect(records[2].text == "客户表示问题已经解决，很满意。")
        // Forcing a delimiter the file does not use leaves one column: the whole line is the comment.
        let forced = try read("pipe_callcentre.csv") { $0.delimiter = UInt8(ascii: ",") }.compactMap(\.record)
        #expect(forced.first?.text == "K1|Ana|Customer says the agent solved the billing error on the first call.")
    }

    @Test func noHeaderWithNumberedColumns() throws {
        let records = try read("no_header.csv") {
            $0.hasHeader = false
            $0.idColumn = "1"
            $0.textColumn = "3"
        }.compactMap(\.record)
        #expect(records.map(\.id) == ["9001", "9002", "9003"])
        #expect(records[1].text == "Nobody answered my emails, I am switching providers.")
        #expect(records[0].fields == [Field("column_2", "2026-11-20")])
        #expect(records.map(\.line) == [1, 2, 3])
        // Without --text-column the last column is the comment.
        let defaults = try read("no_header.csv") { $0.hasHeader = false }.compactMap(\.record)
        #expect(defaults.map(\.text) == records.map(\.text))
    }

    @Test func paragraphsAreComments() throws {
        let records = try read("survey_paragraphs.txt") { $0.paragraphs = true }.compactMap(\.record)
        #expect(records.count == 4)
        #expect(records[0].text == "The nurse on the night shift checked on my father every hour.\nShe explained each medicine before giving it.")
        #expect(records[1].text == "挂号排队排了两个小时，\n医生看诊不到五分钟。")
        #expect(records.map(\.line) == [1, 5, 8, 10])
        // Line mode: every non-blank line is a comment.
        #expect(try read("survey_paragraphs.txt").compactMap(\.record).count == 6)
    }

    @Test func gzipWithTwoMembers() throws {
        let input = try opened("delivery.csv.gz")
        #expect(input.compressed)
        #expect(input.format == .csv)
        let records = try read("delivery.csv.gz").compactMap(\.record)
        #expect(records.map(\.id) == ["D1", "D2", "D3"])
    }

    @Test func truncatedGzipKeepsWhatCameBeforeAndSaysWhy() throws {
        let events = try read("truncated.csv.gz")
        let records = events.compactMap(\.record)
        #expect(records.count > 100)
        #expect(records.enumerated().allSatisfy { $0.element.id == "X\($0.offset + 1)" })
        let rejection = try #require(events.last?.rejection)
        #expect(rejection.reason.code == "unreadable_input")
        #expect(rejection.reason.message.contains("gzip data ends early"))
        #expect(rejection.recordNumber == records.count + 1)
    }

    @Test func nestedXMLPathsAttributesNamespacesCDATAAndCharacterReferences() throws {
        let records = try read("nested_reviews.xml") { $0.xmlText = "body/p" }.compactMap(\.record)
        #expect(records.map(\.id) == ["N1", "N2", "N3"])
        #expect(records[0].text == "The waiter remembered our allergy & the kitchen was fast.")
        #expect(records[1].text == "上菜太慢了 <等了40分钟> & 没人道歉")
        #expect(records[2].text == "服务很好 — service with a smile.")
        #expect(records[0].fields == [
            Field("meta/store", "徐汇店"), Field("meta/store/@code", "SH-01"), Field("meta/channel", "app"),
            Field("body/title", "Great night"),
            Field("ratings/rating/@aspect", "service"), Field("ratings/rating/@value", "5"),
            Field("ratings/rating/@aspect", "food"), Field("ratings/rating/@value", "4"),
        ])
    }

    @Test func xmlRecordPathTextAttributeAndNestedID() throws {
        let records = try read("nested_reviews.xml") {
            $0.xmlRecord = "export/review"
            $0.xmlText = "p"             // a bare name finds the element at any depth
            $0.xmlID = "meta/store/@code"
        }.compactMap(\.record)
        #expect(records.map(\.id) == ["SH-01", "SH-02", "SH-01"])
        #expect(records[0].fields.contains(Field("id", "N1")))
        #expect(!records[0].fields.contains { $0.name == "meta/store/@code" })
        // A record path whose parent does not match finds nothing: an error naming what the root holds.
        #expect { try read("nested_reviews.xml") { $0.xmlRecord = "other/review" } } throws: { error in
            "\(error)".contains("no element matches --xml-record 'other/review' (the root <export> holds: <info>, <review>)")
        }
    }

    @Test func xmlDeclaredGBK() throws {
        let input = try opened("gbk_declared.xml")
        #expect(input.encoding.evidence == .xmlDeclaration)
        let records = try read("gbk_declared.xml").compactMap(\.record)
        #expect(records.map(\.text) == ["工程师响应及时，半小时就恢复了网络。", "工单提交三天没人跟进，太失望了。"])
    }

    @Test func windows1252Punctuation() throws {
        let records = try read("windows1252_en.csv").compactMap(\.record)
        #expect(records.map(\.text) == ["The café staff couldn’t have been nicer.",
                                        "“Premium” room for €250 and the shower was broken."])
    }

    @Test func invalidBytesNameTheirOffsetInTheOriginalFile() throws {
        let events = try read("invalid_bytes_gbk.csv")
        #expect(events.compactMap(\.record).map(\.text) == ["服务很周到。", "下次还来。"])
        let rejection = try #require(events.compactMap(\.rejection).first)
        #expect(rejection.recordNumber == 2)
        #expect(rejection.line == 3)
        // "id,comment\n" (11) + "1,服务很周到。\n" (15) + "2," (2) + "坏" (2) = byte 30.
        #expect(rejection.reason == .invalidEncoding(encoding: "GB18030", byteOffset: 30, bytes: [0x81]))
        // Offsets of converted text are not file offsets, so the record's own offset is left out.
        #expect(rejection.byteOffset == nil)
    }

    @Test func forcedEncodingOverridesDetection() throws {
        let input = try InputOpener.open(path: corpora + "/unusual/gbk_hotel.csv", options: {
            var options = IngestOptions()
            options.encoding = "GBK"
            return options
        }())
        #expect(input.encoding.evidence == .forced)
        #expect(throws: IngestError.self) {
            var options = IngestOptions()
            options.encoding = "no-such-charset"
            _ = try InputOpener.open(path: corpora + "/unusual/gbk_hotel.csv", options: options)
        }
    }
}
