/// Splits delimited text (RFC 4180 and what spreadsheet programs write) into rows of raw fields, streaming.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and a lone CR all end rows; a quote
/// inside an unquoted field is kept as a literal character, and text after a closing quote (`"abc"def`) is kept,
/// as spreadsheet programs do.
///
/// The scanner is a state machine over whole buffered chunks: between special bytes it copies runs, so the cost per
/// byte is a comparison or two, which keeps ingestion small beside analysis.
struct DelimitedRowScanner {
    /// Where the last row came from and what was wrong with it; its fields and raw bytes stay in the scanner
    /// (`fieldCount`, `withField`, `raw`) until the next row.
    struct Row {
        var line: Int
        var byteOffset: Int
        /// The input ended inside a quoted field.
        var unterminated: Bool
        /// The row ended with the input, without a line break (inside quotes or not).
        var endedWithInput = false
        /// The first field that outgrew `maximumFieldBytes`: its index and full length. Its bytes were not kept, so a
        /// runaway quote cannot pull a whole file into memory.
        var overlong: (index: Int, bytes: Int)?
        /// The row outgrew `maximumFields` or `maximumRowBytes`; none of its fields were kept (`fieldCount` is 0).
        var excess: Excess?
    }

    /// How a row outgrew the row limits, with its true size: the count goes on after the fields stop being kept.
    enum Excess: Equatable {
        case fields(count: Int)
        case bytes(Int)
    }

    /// At most this many fields in a row. Spreadsheet programs stop at 16,384 columns (Excel, LibreOffice Calc) or
    /// 18,278 (Google Sheets) and database exports are narrower still, so a real export never gets near it; a row
    /// past it is a binary file or a wrong delimiter. The field limit alone did not bound a row: a 5 MB line of
    /// `a,a,a,…` kept 2.5 million fields and took 136 MB.
    static let maximumFields = 65_536

    /// How many times the field limit a row's kept fields may hold in all: a comment at the text limit beside the
    /// export's other columns, which are short (ids, dates, ratings) or a few more free-text columns. Without it a
    /// row of many fields, each under the field limit, could hold any number of bytes. It counts the bytes kept
    /// (each field's first `maximumFieldBytes`), so one overlong field is still reported as that field.
    static let rowBytesPerFieldLimit = 4

    private enum State {
        /// Nothing of the current field seen yet: a quote here opens a quoted field.
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: a second quote makes a literal quote, anything else closes the quotes.
        case quoteInQuoted
        /// A CR outside quotes ended the row; an LF right after it belongs to the same line ending.
        case carriageReturn
    }

    private let stream: ByteStream
    let delimiter: UInt8
    let maximumFieldBytes: Int
    /// The most bytes a row may keep of its fields (`rowBytesPerFieldLimit` times `maximumFieldBytes`).
    let maximumRowBytes: Int
    private var line = 1
    private var startedFile = false
    /// The last row's fields, one after another, kept from row to row with their capacity: a row's fields used to
    /// be an array each, and with the row's raw bytes, a dozen allocations a row cost more than the scanning (CSV
    /// ingestion took 14,700 instructions a row of `en_2mb.csv`).
    private var fieldBytes: [UInt8] = []
    /// Where each field of the last row ends in `fieldBytes`.
    private var fieldEnds: [Int] = []
    /// Every byte of the last row as read, for rejects (cut at `RecordText.rawLimit`).
    private(set) var raw: [UInt8] = []

    init(stream: ByteStream, delimiter: UInt8, maximumFieldBytes: Int = 1 << 20) {
        self.stream = stream
        self.delimiter = delimiter
        self.maximumFieldBytes = maximumFieldBytes
        let (rowBytes, overflow) = maximumFieldBytes.multipliedReportingOverflow(by: Self.rowBytesPerFieldLimit)
        maximumRowBytes = overflow ? .max : rowBytes
    }

    /// How many fields the last row has.
    var fieldCount: Int { fieldEnds.count }

    /// Whether every field of the last row is empty (a blank line, or only delimiters).
    var allFieldsEmpty: Bool { fieldBytes.isEmpty }

    /// Hands `body` the bytes of field `index` of the last row (at most `maximumFieldBytes` of them).
    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return try fieldBytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<fieldEnds[index]]))
        }
    }

    /// The row being scanned, apart from its bytes.
    private struct Partial {
        var fieldBytes = 0
        var overlong: (index: Int, bytes: Int)?
        /// Fields ended so far, and their bytes in all (past the row limits too, to report the true size).
        var fields = 0
        var rowBytes = 0
        /// The row outgrew a row limit: its fields are dropped and no more are kept until the row ends.
        var discarding = false
        /// The last byte of the previous chunk was a CR: an LF that starts this chunk ends the same line.
        var afterCarriageReturn = false
        var state = State.fieldStart
        var sawAny = false
    }

    /// Appends `bytes[start..<end]` to the current field, up to `limit` bytes in all; counts the rest.
    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int,
                               into row: inout Partial) {
        let kept = row.discarding ? 0 : min(end - start, limit - row.fieldBytes)
        if kept > 0 { fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + kept)])) }
        row.fieldBytes += end - start
    }

    /// Ends the current field. The row limits are checked here, once a field rather than once a byte: a field
    /// alone never holds more than `limit` bytes, so a row can only outgrow them a field at a time.
    private mutating func endField(limit: Int, of row: inout Partial) {
        if row.fieldBytes > limit && row.overlong == nil { row.overlong = (row.fields, row.fieldBytes) }
        row.fields += 1
        row.rowBytes += row.fieldBytes
        row.fieldBytes = 0
        if row.discarding { return }
        if row.fields > Self.maximumFields || fieldBytes.count > maximumRowBytes {
            // The row will be rejected whole: what was kept goes, and nothing more is (the buffers keep their
            // capacity, which the limits bound).
            row.discarding = true
            fieldBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            return
        }
        fieldEnds.append(fieldBytes.count)
    }

    /// Counts the line breaks in quoted bytes `bytes[start..<end]` as the row ends count them: a CR LF, an LF and
    /// a lone CR are one line each. A file with CR line ends has lone CRs inside its quoted fields too, and every
    /// row after one used to be numbered a line early. A CR is a line; an LF is one unless a CR comes right before
    /// it, possibly as the last byte of the previous chunk (`afterCarriageReturn`). Two memchr passes, each many
    /// bytes at a time.
    private mutating func countLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                          afterCarriageReturn: Bool) {
        var next = start
        while let found = bytes.firstOffset(of: 0x0D, from: next, to: end) {
            line += 1
            next = found + 1
        }
        next = start
        while let found = bytes.firstOffset(of: 0x0A, from: next, to: end) {
            if found > 0 ? bytes[found - 1] != 0x0D : !afterCarriageReturn { line += 1 }
            next = found + 1
        }
    }

    /// The row limit a finished row outgrew, if any: too many fields first, as the likelier cause of both.
    private func excess(of row: Partial) -> Excess? {
        guard row.discarding else { return nil }
        return row.fields > Self.maximumFields ? .fields(count: row.fields) : .bytes(row.rowBytes)
    }

    mutating func nextRow() throws -> Row? {
        if !startedFile {
            startedFile = true
            if try stream.peek(3) == [0xEF, 0xBB, 0xBF] { for _ in 0..<3 { _ = try stream.next() } }
        }
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        var row = Partial()
        let startLine = line
        let startOffset = stream.offset
        var finished = false
        let delimiter = self.delimiter
        let limit = maximumFieldBytes
        while !finished {
            let more = try stream.consumeBuffered { bytes in
                let count = bytes.count
                var index = 0
                defer {
                    let kept = min(index, RecordText.rawLimit - raw.count)
                    if kept > 0 { raw.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress!, count: kept)) }
                    if index > 0 { row.afterCarriageReturn = bytes[index - 1] == 0x0D }
                }
                row.sawAny = true
                while index < count {
                    switch row.state {
                    case .quoted:
                        // A comment is mostly one long quoted field: memchr finds its closing quote, and the line
                        // breaks inside it, many bytes at a time.
                        let end = bytes.firstOffset(of: 0x22, from: index) ?? count
                        countLineBreaks(bytes, from: index, to: end, afterCarriageReturn: row.afterCarriageReturn)
                        keep(bytes, index, end, limit: limit, into: &row)
                        if end == count { index = end; continue }
                        row.state = .quoteInQuoted
                        index = end + 1
                    case .quoteInQuoted:
                        if bytes[index] == 0x22 {
                            keep(bytes, index, index + 1, limit: limit, into: &row)
                            row.state = .quoted
                            index += 1
                        } else {
                            row.state = .unquoted
                        }
                    case .fieldStart, .unquoted:
                        if row.state == .fieldStart && bytes[index] == 0x22 {
                            row.state = .quoted
                            index += 1
                            continue
                        }
                        var end = index
                        while end < count {
                            let byte = bytes[end]
                            if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                            end += 1
                        }
                        if end > index {
                            keep(bytes, index, end, limit: limit, into: &row)
                            row.state = .unquoted
                        }
                        if end == count { index = end; continue }
                        let byte = bytes[end]
                        index = end + 1
                        if byte == delimiter {
                            endField(limit: limit, of: &row)
                            row.state = .fieldStart
                        } else {
                            line += 1
                            endField(limit: limit, of: &row)
                            if byte == 0x0D { row.state = .carriageReturn } else { finished = true; return index }
                        }
                    case .carriageReturn:
                        if bytes[index] == 0x0A { index += 1 }
                        finished = true
                        return index
                    }
                }
                return index
            }
            if !more { break }
        }
        // A CR as the input's last byte ends the row as well.
        if finished || row.state == .carriageReturn {
            return Row(line: startLine, byteOffset: startOffset, unterminated: false, overlong: row.overlong,
                       excess: excess(of: row))
        }
        guard row.sawAny else { return nil }
        // A quote as the very last byte closes its field; only a field still inside quotes is unterminated.
        let unterminated = row.state == .quoted
        endField(limit: limit, of: &row)
        return Row(line: startLine, byteOffset: startOffset, unterminated: unterminated, endedWithInput: true,
                   overlong: row.overlong, excess: excess(of: row))
    }
}
