import RaterCore
import Testing

@testable import RaterIngest

@Suite(.temporaryFolder) struct JSONLRecordReaderTests {
    @Test func membersBecomeTextIDAndFieldsWithValuesAsWritten() throws {
        let jsonl = """
            {"id": "J1", "text": "房间干净，服务很好", "store": "上海", "rating": 4.50, "vip": true, "tags": ["a", {"b": null}], "gone": null}

            {"text":"Slow check-in \\ud83d\\ude20 but \\"friendly\\"\\nstaff","id":17}\r
            """
        let path = try temporaryFile(jsonl, suffix: ".jsonl")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.text) == ["房间干净，服务很好", "Slow check-in 😠 but \"friendly\"\nstaff"])
        #expect(records.map(\.id) == ["J1", "17"])
        #expect(records.map(\.line) == [1, 3])
        #expect(records.map(\.recordNumber) == [1, 2])
        #expect(records[0].fields == [Field("store", "上海"), Field("rating", "4.50"), Field("vip", "true"),
                                      Field("tags", "[\"a\", {\"b\": null}]")])
    }

    @Test func badLinesAreRejectedWithLineAndReasonAndTheRestIsRead() throws {
        let jsonl = [
            #"{"id":"a","text":"fine"}"#,
            #"{"id":"b","text":"unterminated"#,
            #"[1,2]"#,
            #"{"id":"c"}"#,
            #"{"id":"d","text":"trailing",}"#,
            #"{"id":"e","text":"lone \udc00"}"#,
            #"{"id":"f","text":"  "}"#,
            #"{"id":"g","text":"ok"} {"x":1}"#,
            #"{"id":"h","text":"last"}"#,
        ].joined(separator: "\n")
        let events = try readAll(try temporaryFile(jsonl, suffix: ".jsonl"))
        #expect(events.count == 9)
        #expect(events.compactMap(\.record).map(\.id) == ["a", "h"])
        let rejections = events.compactMap(\.rejection)
        #expect(rejections.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(rejections.map(\.reason.code) == ["malformed_json", "malformed_json", "missing_member", "malformed_json",
                                                  "malformed_json", "empty_text", "malformed_json"])
        #expect(rejections[0].reason == .malformedJSON(message: "a string is not closed at column 31"))
        #expect(rejections[1].reason == .malformedJSON(message: "a JSON Lines record must be an object ({…}) at column 1"))
        #expect(rejections[2].reason == .missingMember(name: "text", holds: ["id"]))
        #expect(rejections[0].raw == #"{"id":"b","text":"unterminated"#)
        #expect(rejections[0].byteOffset == 25)
    }

    @Test func namedMembersAndInvalidUTF8() throws {
        let bytes = Array(#"{"review":"good","rid":"R1","text":"not this"}"#.utf8) + [0x0A]
            + Array(#"{"review":"bad "#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let path = try temporaryFile(bytes, suffix: ".ndjson")
        let events = try readAll(path) { $0.textColumn = "review"; $0.idColumn = "rid"; $0.encoding = "UTF-8" }
        #expect(events[0].record?.text == "good")
        #expect(events[0].record?.id == "R1")
        #expect(events[0].record?.fields == [Field("text", "not this")])
        #expect(events[1].rejection?.reason.code == "invalid_encoding")
    }

    @Test func deepNestingIsRefusedNotRecursedInto() throws {
        let line = #"{"text":"x","n":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let events = try readAll(try temporaryFile(line, suffix: ".jsonl"))
        #expect(events.first?.rejection?.reason.code == "malformed_json")
    }

    /// A comment member holding an array or an object was analysed as its JSON text (`["Fast","friendly"]`),
    /// silently: it is a rejection that names the member. A number stays text, as a CSV cell would.
    @Test func aCommentThatIsNoStringIsNamed() throws {
        let jsonl = #"{"id":"A","text":["Fast","friendly"]}"# + "\n" + #"{"id":"B","text":{"zh":"很好"}}"# + "\n"
            + #"{"id":"C","text":"Clean rooms","tags":["a"]}"# + "\n" + #"{"id":"D","text":10}"# + "\n"
        let events = try readAll(try temporaryFile(jsonl, suffix: ".jsonl"))
        #expect(events.map { $0.rejection?.reason } == [
            .malformedJSON(message: "the comment member 'text' holds a JSON array, not a string"),
            .malformedJSON(message: "the comment member 'text' holds a JSON object, not a string"), nil, nil,
        ])
        #expect(events.compactMap(\.record).map(\.text) == ["Clean rooms", "10"])
    }

    /// Lines end at a lone CR too: a file with CR line ends used to be one malformed_json rejection. Offsets count
    /// the line ends that came before, whatever the chunk size.
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func aLoneCarriageReturnEndsALine(chunkSize: Int) throws {
        let jsonl = #"{"text":"one"}"# + "\r[1]\r\n" + #"{"text":"two"}"# + "\r\r" + #"{"text":"three"}"# + "\r"
        let stream = ByteStream(source: MemorySource(Array(jsonl.utf8)), path: "cr.jsonl", chunkSize: chunkSize)
        var reader = JSONLRecordReader(stream: stream, options: IngestOptions())
        var events = [IngestEvent]()
        while let event = try reader.next() { events.append(event) }
        #expect(events.compactMap(\.record).map(\.text) == ["one", "two", "three"])
        #expect(events.compactMap(\.record).map(\.line) == [1, 3, 5])
        let rejection = try #require(events.count == 4 ? events[1].rejection : nil)
        #expect(rejection.line == 2)
        #expect(rejection.byteOffset == 15)
        #expect(rejection.raw == "[1]")
    }

    @Test func formatIsDetectedFromExtensionOrABrace() {
        #expect(InputFormat.detect(path: "a.jsonl", head: []) == .jsonl)
        #expect(InputFormat.detect(path: "a.ndjson.gz", head: []) == .jsonl)
        #expect(InputFormat.detect(path: "-", head: Array("\n  {\"text\":\"x\"}".utf8)) == .jsonl)
        #expect(InputFormat.detect(path: "-", head: Array("<r/>".utf8)) == .xml)
    }

    @Test func anySliceOfTheInputReadsTheSameAsTheWhole() throws {
        // What lets a Spark partition be piped through as it is: no header, each line stands alone.
        let lines = (1...50).map { #"{"id":"r\#($0)","text":"comment \#($0)"}"# }
        let whole = try readAll(try temporaryFile(lines.joined(separator: "\n"), suffix: ".jsonl")).compactMap(\.record)
        let half = try readAll(try temporaryFile(lines[25...].joined(separator: "\n"), suffix: ".jsonl")).compactMap(\.record)
        #expect(half.map(\.id) == whole[25...].map(\.id))
        #expect(half.map(\.text) == whole[25...].map(\.text))
    }
}

/// A JSON Lines export keeping its comments under `comment` had every line rejected with "no 'text' member" and no
/// hint, where XML names what the record holds and the option to pass.
@Suite(.temporaryFolder) struct JSONLMissingTextHintTests {
    @Test func aMissingOrNullTextMemberNamesWhatTheObjectHasAndTheOptionToPass() throws {
        let jsonl = #"{"id":"1","comment":"The pool was freezing","stars":2}"# + "\n"
            + #"{"id":"2","text":null,"comment":"Lovely","note":"x"}"# + "\n" + #"{"id":"3"}"# + "\n"
        let rejections = try readAll(try temporaryFile(jsonl, suffix: ".jsonl")).compactMap(\.rejection)
        #expect(rejections.map(\.reason.message) == [
            "the JSON object has no 'text' member (it has 'id', 'comment', 'stars'); if the comments are in 'comment', "
                + "pass --text-column comment",
            "the JSON object's 'text' member is null (it has 'id', 'text', 'comment', 'note'); if the comments are in "
                + "'comment', pass --text-column comment",
            "the JSON object has no 'text' member (it has 'id')",
        ])
        #expect(rejections.map(\.reason.code) == ["missing_member", "missing_member", "missing_member"])
    }
}
