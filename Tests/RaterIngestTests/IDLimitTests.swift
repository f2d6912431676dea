import Foundation
import RaterCore
import Testing

@testable import RaterIngest

/// An export id over `IngestOptions.maximumIDBytes` (512 bytes) is a per-record rejection in every format, before
/// analysis: the id keys the stored comment, and PostgreSQL refused such a key (an index entry over 2,704 bytes),
/// failing the whole run where SQLite finished it.
@Suite(.temporaryFolder) struct IDLimitTests {
    /// 512 bytes is kept; 513 bytes (here 171 three-byte characters) is not.
    let longest = String(repeating: "a", count: 512)
    let tooLong = String(repeating: "编", count: 171)

    @Test func csvIDOverTheLimitIsRejected() throws {
        let path = try temporaryFile("id,branch,text\n\(longest),b,fine\n \(tooLong) ,b,also fine\nshort,b,ok\n",
                                     suffix: ".csv")
        let events = try readAll(path)
        #expect(events.compactMap(\.record).map(\.id) == [longest, "short"])
        let rejections = events.compactMap(\.rejection)
        #expect(rejections.map(\.reason) == [.idTooLong(bytes: 513, limit: 512)])
        #expect(rejections.map(\.recordNumber) == [2])
        #expect(rejections.first?.reason.code == "id_too_long")
        #expect(rejections.first?.raw.contains("also fine") == true)
    }

    @Test func jsonLinesIDOverTheLimitIsRejected() throws {
        let lines = [#"{"id":"\#(longest)","text":"fine"}"#, #"{"id":"\#(tooLong)","text":"also fine"}"#,
                     #"{"text":"no id"}"#]
        let path = try temporaryFile(lines.joined(separator: "\n") + "\n", suffix: ".jsonl")
        let events = try readAll(path)
        #expect(events.compactMap(\.record).map(\.text) == ["fine", "no id"])
        #expect(events.compactMap(\.rejection).map(\.reason) == [.idTooLong(bytes: 513, limit: 512)])
    }

    @Test func xmlIDOverTheLimitIsRejected() throws {
        let xml = """
            <reviews><review id="\(longest)"><text>fine</text></review>\
            <review id="\(tooLong)"><text>also fine</text></review>\
            <review><id>\(tooLong)</id><text>element id</text></review></reviews>
            """
        let path = try temporaryFile(xml, suffix: ".xml")
        let attributes = try readAll(path)
        #expect(attributes.compactMap(\.record).map(\.text) == ["fine", "element id"])
        #expect(attributes.compactMap(\.rejection).map(\.reason) == [.idTooLong(bytes: 513, limit: 512)])
        let elements = try readAll(path) { $0.xmlID = "id" }
        #expect(elements.compactMap(\.rejection).map(\.recordNumber) == [2, 3])
    }

    /// An empty or blank XML id is no id, as in CSV and JSON Lines: the comment is then keyed by its text's digest.
    /// It used to be the id `""`, so every such record of a source shared the key `""` in the databases and each
    /// replaced the one before.
    @Test func anEmptyXMLIDIsNoID() throws {
        let xml = #"<reviews><review id=""><text>a</text></review><review id="  "><text>b</text></review></reviews>"#
        let path = try temporaryFile(xml, suffix: ".xml")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.id) == [nil, nil])
        #expect(records.map(\.resolvedID) == ["\(path):1", "\(path):2"])
    }

    @Test func theLimitIsAnOption() throws {
        let path = try temporaryFile("id,text\nabcdef,fine\n", suffix: ".csv")
        let events = try readAll(path) { $0.maximumIDBytes = 5 }
        #expect(events.compactMap(\.rejection).map(\.reason) == [.idTooLong(bytes: 6, limit: 5)])
        #expect(IngestOptions().maximumIDBytes == 512)
    }
}
