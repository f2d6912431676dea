import RaterCore
import Testing

@testable import RaterIngest

@Suite(.temporaryFolder) struct DelimitedRecordReaderTests {
    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let path = try temporaryFile("id,branch,comment\n1,A,\"good, \"\"really\"\" good\"\n2,B,\"line one\nline two\"\n3,C,plain\n",
                                     suffix: ".csv")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.text) == ["good, \"really\" good", "line one\nline two", "plain"])
        #expect(records.map(\.id) == ["1", "2", "3"])
        #expect(records[1].fields == [Field("branch", "B")])
        #expect(records.map(\.line) == [2, 3, 5])
    }

    @Test func columnNamesNameAHeaderlessSliceLikeTheWholeFile() throws {
        // A Spark partition of an export: no header row, the names given by the job that read it once.
        let path = try temporaryFile("2,B,\"bad, slow\"\n3,C,fine\n", suffix: ".csv")
        let records = try readAll(path) { $0.columnNames = ["id", "branch", "comment"]; $0.hasHeader = false }
            .compactMap(\.record)
        #expect(records.map(\.text) == ["bad, slow", "fine"])
        #expect(records.map(\.id) == ["2", "3"])
        #expect(records[0].fields == [Field("branch", "B")])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func headerLookupIgnoresCaseAndSpaces() throws {
        let path = try temporaryFile(" ID , Review Text \nx1,nice\n", suffix: ".csv")
        let records = try readAll(path) { $0.textColumn = "review text"; $0.idColumn = "id" }.compactMap(\.record)
        #expect(records.first?.text == "nice")
        #expect(records.first?.id == "x1")
    }

    /// A survey's `response_id` is the comment's id, as `id` is; an order id is not taken (one order may carry
    /// several comments), nor a ticket's (a ticket's thread shares it: keyed by it, the databases would keep the
    /// thread's last message only).
    @Test func responseIDsAreIDsAndTicketIDsAreNot() throws {
        for (column, id) in [("Response_ID", "R9"), ("feedback_id", "F-2")] {
            let path = try temporaryFile("\(column),order_id,feedback\n\(id),O1,VPN down again\n", suffix: ".csv")
            #expect(try readAll(path).compactMap(\.record).map(\.id) == [id], "\(column)")
        }
        for column in ["order_id", "ticket_id", "case_id", "工单号"] {
            let path = try temporaryFile("\(column),comment\nT1,VPN down\nT1,Still down\n", suffix: ".csv")
            #expect(try readAll(path).compactMap(\.record).map(\.id) == [nil, nil], "\(column)")
        }
    }

    @Test func unknownColumnIsAnErrorNamingTheColumns() throws {
        let path = try temporaryFile("a,b\n1,2\n", suffix: ".csv")
        #expect(throws: IngestError.noSuchColumn(path: path, column: "text", available: ["a", "b"])) {
            try readAll(path) { $0.textColumn = "text" }
        }
    }

    /// Two columns named `comment`: the first was taken as the text and the second passed through as a field, with
    /// no word. Which one holds the comments is a guess, so the input stops; a number picks one.
    @Test func aTextOrIDColumnNamedTwiceStopsTheInput() throws {
        let path = try temporaryFile("id,Comment,branch,comment\n1,first,A,second\n", suffix: ".csv")
        let expected = IngestError.ambiguousColumn(path: path, column: "Comment", numbers: [2, 4])
        #expect(throws: expected) { try readAll(path) }
        #expect(throws: expected) { try readAll(path) { $0.textColumn = "comment" } }
        #expect(expected.description.contains("the header has 2 columns named 'Comment' (columns 2, 4)"))
        let chosen = try readAll(path) { $0.textColumn = "4" }.compactMap(\.record)
        #expect(chosen.first?.text == "second")
        let ids = try temporaryFile("id,text,id\n1,fine,2\n", suffix: ".csv")
        #expect(throws: IngestError.ambiguousColumn(path: ids, column: "id", numbers: [1, 3])) { try readAll(ids) }
        // Other repeated names (not the text or id) stay fields, as before.
        let notes = try temporaryFile("id,text,note,note\n1,fine,a,b\n", suffix: ".csv")
        #expect(try readAll(notes).compactMap(\.record).first?.fields == [Field("note", "a"), Field("note", "b")])
    }

    /// An unclosed quote in the header used to read the whole file into one header field: no record, no rejection,
    /// exit code 0. The header names every column, so the input stops with an error naming the file and line.
    @Test func aHeaderWithAnUnclosedQuoteStopsTheInputNamingItsLine() throws {
        let path = try temporaryFile("id,\"text\n1,good\n2,bad\n3,ok\n", suffix: ".csv")
        let expected = IngestError.malformedHeader(path: path, line: 1, reason: .unterminatedQuote)
        #expect(throws: expected) { try readAll(path) }
        #expect(expected.description == "\(path):1: the header row cannot be read: a quoted field is never closed: "
                + "it runs to the end of the file (truncated?)")
    }

    @Test func aHeaderFieldOverTheLimitStopsTheInput() throws {
        // Its bytes past the limit were never kept, so the header could only name a column by a cut-off name.
        let path = try temporaryFile("id,\(String(repeating: "x", count: 50))\n1,good\n", suffix: ".csv")
        #expect(throws: IngestError.malformedHeader(path: path, line: 1,
                                                    reason: .fieldTooLong(column: "column_2", bytes: 50, limit: 40))) {
            try readAll(path) { $0.maximumTextBytes = 40 }
        }
    }

    @Test func bomAndCRLF() throws {
        let events = try readAll(corpora + "/malformed/bom_crlf.csv")
        let records = events.compactMap(\.record)
        #expect(!records.isEmpty)
        for record in records {
            #expect(!record.text.hasSuffix("\r"))
            #expect(record.fields.allSatisfy { !$0.name.hasPrefix("\u{FEFF}") && !$0.value.hasSuffix("\r") })
        }
    }

    @Test func raggedRowsAreRejectedOrKeptButNeverLost() throws {
        let path = try temporaryFile("id,extra,text\n1,a,fine\n2\n3,b,ok,surplus\n", suffix: ".csv")
        let events = try readAll(path)
        #expect(events.count == 3)
        #expect(events[0].record?.text == "fine")
        #expect(events[1].rejection?.reason == .missingColumn(name: "text", columnCount: 1))
        #expect(events[1].rejection?.line == 3)
        #expect(events[2].record?.fields.last == Field("column_4", "surplus"))
    }

    @Test func unterminatedQuoteIsRejectedWithItsLine() throws {
        let events = try readAll(corpora + "/malformed/unterminated_quote.csv")
        let rejection = try #require(events.last?.rejection)
        #expect(rejection.reason == .unterminatedQuote)
        #expect(rejection.line != nil)
        #expect(events.compactMap(\.record).count == 3)
    }

    @Test func emptyAndBlankCommentsAreRejected() throws {
        let path = try temporaryFile("id,text\n1,\n2,   \n3,\"\u{3000}\"\n4,real\n", suffix: ".csv")
        let events = try readAll(path)
        #expect(events.compactMap(\.rejection).map(\.reason) == [.emptyText, .emptyText, .emptyText])
        #expect(events.compactMap(\.record).map(\.text) == ["real"])
    }

    @Test func invalidUTF8IsRejectedWithByteOffset() throws {
        // UTF-8 Chinese with one corrupt byte: still read as UTF-8, and only the corrupt record is rejected.
        let bytes = Array("id,text\n1,很好\n2,好".utf8) + [0xFF, 0xFE] + Array("吃\n3,不错\n".utf8)
        let events = try readAll(try temporaryFile(bytes, suffix: ".csv"))
        let rejection = try #require(events[1].rejection)
        #expect(rejection.reason == .invalidEncoding(encoding: "UTF-8", byteOffset: 22, bytes: [0xFF]))
        #expect(rejection.byteOffset == 17)
        #expect(rejection.reason.message == "bytes that are not valid UTF-8 (0xFF) at byte 22")
        #expect(events.compactMap(\.record).map(\.text) == ["很好", "不错"])
    }

    @Test func tsvAndDefaultTextColumn() throws {
        let path = try temporaryFile("id\tcomment\tnps\n7\tfast and friendly\t9\n", suffix: ".tsv")
        let record = try #require(try readAll(path).first?.record)
        #expect(record.text == "fast and friendly")
        #expect(record.fields == [Field("nps", "9")])
    }

    /// The scanner keeps one row's bytes in buffers it reuses, and finds quotes and line breaks inside quoted fields
    /// with `memchr`: rows of every shape, one after another, must read the same whatever the stream's chunk size
    /// (a row, a field, a doubled quote or a CRLF split across chunks), with the right lines and no bytes of an
    /// earlier row.
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func rowsOfEveryShapeReadTheSameInAnyChunkSize(chunkSize: Int) throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "好评", ",", "\"", "\n", "\r\n", " ", "slow delivery", "很满意", "x"]
        func value() -> String { (0..<random(6)).map { _ in pieces[random(pieces.count)] }.joined() }
        func encoded(_ field: String) -> String {
            field.utf8.contains(where: { [0x2C, 0x22, 0x0A, 0x0D].contains($0) }) || field.isEmpty && random(2) == 0
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var csv = "id,text,note\r\n"
        var expected = [(id: String, text: String, fields: [Field], line: Int)]()
        var line = 2
        for row in 1...200 {
            // Texts that are not blank, and a varying number of trailing columns (a ragged export).
            let text = "t\(row) " + value() + String(repeating: "长", count: random(3) == 0 ? 300 : 0)
            let extra = (0..<random(4)).map { _ in value() }
            let fields = extra.enumerated().map { Field($0.offset == 0 ? "note" : "column_\($0.offset + 3)", $0.element) }
            expected.append((id: "r\(row)", text: text, fields: fields, line: line))
            let encodedRow = (["r\(row)", text] + extra).map(encoded).joined(separator: ",")
            csv += encodedRow + (random(2) == 0 ? "\n" : "\r\n")
            line += 1 + encodedRow.filter { $0 == "\n" || $0 == "\r\n" }.count
        }
        let stream = ByteStream(source: MemorySource(Array(csv.utf8)), path: "rows.csv", chunkSize: chunkSize)
        var reader = try DelimitedRecordReader(stream: stream, delimiter: 0x2C, options: IngestOptions())
        var records = [SourceRecord]()
        while let event = try reader.next() { records.append(try #require(event.record)) }
        #expect(records.map(\.id) == expected.map(\.id))
        #expect(records.map(\.text) == expected.map(\.text))
        #expect(records.map(\.fields) == expected.map(\.fields))
        #expect(records.map(\.line) == expected.map(\.line))
    }

    /// The rows the scanner rejects, or reads oddly, come out the same in any chunk size, with their lines and raw
    /// bytes: a blank line, a lone CR, text after a closing quote, fields over the limit (the text and another),
    /// invalid UTF-8, a missing column and an unterminated quote at the end.
    @Test func rejectedAndOddRowsReadTheSameInAnyChunkSize() throws {
        let csv: [UInt8] = Array("id,text,note\n1,fine,a\n\n2,\"lone\rCR\",b\r3,\"abc\"def,c\r\n".utf8)
            + Array("4,\(String(repeating: "长", count: 20)),d\n5,ok,\(String(repeating: "x", count: 50))\n".utf8)
            + Array("6,bad ".utf8) + [0xFF] + Array(" byte,e\n7\n8,\"open \"\"quote, never\nclosed".utf8)
        var options = IngestOptions()
        options.maximumTextBytes = 40
        func events(chunkSize: Int) throws -> [IngestEvent] {
            let stream = ByteStream(source: MemorySource(csv), path: "odd.csv", chunkSize: chunkSize)
            var reader = try DelimitedRecordReader(stream: stream, delimiter: 0x2C, options: options)
            var events = [IngestEvent]()
            while let event = try reader.next() { events.append(event) }
            return events
        }
        let whole = try events(chunkSize: 1 << 16)
        #expect(whole.compactMap(\.record).map(\.text) == ["fine", "lone\rCR", "abcdef"])
        // The lone CR inside quotes is a line, as it is between rows.
        #expect(whole.compactMap(\.record).map(\.line) == [2, 4, 6])
        let rejections = whole.compactMap(\.rejection)
        #expect(rejections.map(\.reason) == [
            .textTooLong(bytes: 60, limit: 40), .fieldTooLong(column: "note", bytes: 50, limit: 40),
            .invalidEncoding(encoding: "UTF-8", byteOffset: 178, bytes: [0xFF]),
            .missingColumn(name: "text", columnCount: 1), .unterminatedQuote,
        ])
        #expect(rejections.map(\.line) == [7, 8, 9, 10, 11])
        #expect(rejections[2].raw == "6,bad \u{FFFD} byte,e\n")
        #expect(rejections[4].raw == "8,\"open \"\"quote, never\nclosed")
        for chunkSize in [1, 2, 3, 5, 7, 64] {
            #expect(try events(chunkSize: chunkSize) == whole, "chunk size \(chunkSize)")
        }
    }

    /// A row's fields were capped one by one but not together: a 5 MB line of `a,a,a,…` kept 2.5 million fields
    /// (136 MB) and was accepted. A row over the field count or the byte total is now one rejection naming its line,
    /// its fields are dropped as they come, and the rows around it read as before, in any chunk size.
    @Test(arguments: [1, 2, 7, 64, 1 << 16])
    func rowsOverTheRowLimitsAreRejectedWithoutBeingKept(chunkSize: Int) throws {
        let limit = DelimitedRowScanner.maximumFields
        let widest = Array(repeating: "a", count: limit).joined(separator: ",")
        let csv = "id,text\n1,before\n\(widest)\n\(widest),a\n" + String(repeating: ",", count: limit)
            + "\n2,\"quoted\nafter\"\n"
        let stream = ByteStream(source: MemorySource(Array(csv.utf8)), path: "wide.csv", chunkSize: chunkSize)
        var reader = try DelimitedRecordReader(stream: stream, delimiter: 0x2C, options: IngestOptions())
        var events = [IngestEvent]()
        while let event = try reader.next() { events.append(event) }
        #expect(events.count == 5)
        #expect(events[0].record?.text == "before")
        // Exactly at the limit: a record, its fields kept.
        #expect(events[1].record?.fields.count == limit - 2)
        #expect(events[2].rejection?.reason == .tooManyFields(count: limit + 1, limit: limit))
        #expect(events[2].rejection?.line == 4)
        // Only delimiters, past the limit: not a blank line to skip, but a row to reject.
        #expect(events[3].rejection?.reason == .tooManyFields(count: limit + 1, limit: limit))
        #expect(events[3].rejection?.line == 5)
        #expect(events[4].record?.text == "quoted\nafter")
        #expect(events[4].record?.line == 6)
        #expect(events.map { $0.record?.recordNumber ?? $0.rejection?.recordNumber } == [1, 2, 3, 4, 5])
    }

    @Test(arguments: [1, 2, 7, 64, 1 << 16])
    func rowsOverTheRowByteLimitAreRejectedWithoutBeingKept(chunkSize: Int) throws {
        var options = IngestOptions()
        options.maximumTextBytes = 40  // so a row may keep 160 bytes
        let field = String(repeating: "f", count: 40)
        let quoted = "\"" + String(repeating: "q", count: 39) + "\n\""  // 40 bytes inside the quotes, one a line break
        let csv = "id,text\n\([field, field, field, field].joined(separator: ","))\n"
            + "\([field, field, quoted, field, "x"].joined(separator: ","))\n3,after\n"
        let stream = ByteStream(source: MemorySource(Array(csv.utf8)), path: "long.csv", chunkSize: chunkSize)
        var scanner = DelimitedRowScanner(stream: stream, delimiter: 0x2C, maximumFieldBytes: 40)
        #expect(scanner.maximumRowBytes == 160)
        var reader = try DelimitedRecordReader(stream: stream, delimiter: 0x2C, options: options)
        var events = [IngestEvent]()
        while let event = try reader.next() { events.append(event) }
        #expect(events.count == 3)
        // 160 bytes: at the limit, a record.
        #expect(events[0].record?.fields.count == 2)
        #expect(events[1].rejection?.reason == .rowTooLong(bytes: 161, limit: 160))
        #expect(events[1].rejection?.line == 3)
        #expect(events[2].record?.text == "after")
        #expect(events[2].record?.line == 5)
        // The scanner on its own: the rejected row's fields are not kept.
        let again = ByteStream(source: MemorySource(Array(csv.utf8)), path: "long.csv", chunkSize: chunkSize)
        scanner = DelimitedRowScanner(stream: again, delimiter: 0x2C, maximumFieldBytes: 40)
        _ = try scanner.nextRow()
        _ = try scanner.nextRow()
        let row = try #require(try scanner.nextRow())
        #expect(row.excess == .bytes(161))
        #expect(scanner.fieldCount == 0)
        #expect(scanner.allFieldsEmpty)
    }

    @Test func aHeaderOverTheRowLimitsStopsTheInput() throws {
        let path = try temporaryFile(Array(repeating: "c", count: DelimitedRowScanner.maximumFields + 1)
            .joined(separator: ",") + "\n1,good\n", suffix: ".csv")
        #expect(throws: IngestError.malformedHeader(path: path, line: 1, reason: .tooManyFields(
            count: DelimitedRowScanner.maximumFields + 1, limit: DelimitedRowScanner.maximumFields))) {
            try readAll(path)
        }
    }

    /// Line breaks inside quotes are counted as the row ends are: CR LF, LF and a lone CR one line each. A file with
    /// CR line ends (old Mac exports) has lone CRs inside quoted comments too, and each one used to leave every
    /// later row numbered a line early. A CR LF split across chunks (the CR LF rows below fall on every offset
    /// within eight bytes), or a CR and an LF with a doubled quote between, must count the same in any chunk size.
    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 16])
    func lineBreaksInsideQuotesCountAsRowEndsDo(chunkSize: Int) throws {
        // Each row's comment, as written between quotes, and the lines it spans.
        var rows: [(text: String, lines: Int)] = [("a\rb", 2), ("after", 1)]
        for pad in 0..<8 { rows.append((String(repeating: "p", count: pad) + "c\r\nd", 2)) }
        rows += [("e\r\"\"\nf", 3), ("last", 1)]
        var csv = "id,text\r"
        var expectedLines = [Int]()
        var line = 2
        for (number, row) in rows.enumerated() {
            csv += "\(number),\"\(row.text)\"\r"
            expectedLines.append(line)
            line += row.lines
        }
        let stream = ByteStream(source: MemorySource(Array(csv.utf8)), path: "mac.csv", chunkSize: chunkSize)
        var reader = try DelimitedRecordReader(stream: stream, delimiter: 0x2C, options: IngestOptions())
        var records = [SourceRecord]()
        while let event = try reader.next() { records.append(try #require(event.record)) }
        #expect(records.map(\.text) == rows.map { $0.text.replacingOccurrences(of: "\"\"", with: "\"") })
        #expect(records.map(\.line) == expectedLines)
        #expect(expectedLines.suffix(2) == [21, 24])
    }

    @Test func recordIDFallsBackToSourceAndNumber() {
        let record = SourceRecord(source: "a.csv", recordNumber: 4, text: "x")
        #expect(record.resolvedID == "a.csv:4")
    }
}
