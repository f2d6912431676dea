/// Splits delimited text (RFC 4180 and what spreadsheet programs write) into rows of raw fields, streaming.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and a lone CR all end rows; a quote
/// inside an unquoted field is kept as a literal character, and text after a closing quote (`"abc"def`) is kept,
/// as spreadsheet programs do.
///
/// The scanner is a state machine over whole buffered chunks: between special bytes it copies runs, so the cost per
/// byte is a comparison or two, which keeps ingestion small beside analysis.
struct DelimitedRowScanner {
    struct Row {
        var fields: [[UInt8]]
        var line: Int
        var byteOffset: Int
        /// The input ended inside a quoted field.
        var unterminated: Bool
        /// Every byte of the row as read, for rejects (cut at `RecordText.rawLimit`).
        var raw: [UInt8]
        /// The first field that outgrew `maximumFieldBytes`: its index and full length. Its bytes were not kept, so a
        /// runaway quote cannot pull a whole file into memory.
        var overlong: (index: Int, bytes: Int)?
    }

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
    private var line = 1
    private var startedFile = false

    init(stream: ByteStream, delimiter: UInt8, maximumFieldBytes: Int = 1 << 20) {
        self.stream = stream
        self.delimiter = delimiter
        self.maximumFieldBytes = maximumFieldBytes
    }

    /// The row being scanned.
    private struct Partial {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var fieldBytes = 0
        var raw: [UInt8] = []
        var overlong: (index: Int, bytes: Int)?
        var state = State.fieldStart
        var sawAny = false

        /// Appends `bytes[start..<end]` to the field, up to `limit` bytes in all; counts the rest.
        mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int) {
            let kept = min(end - start, limit - fieldBytes)
            if kept > 0 { field.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress! + start, count: kept)) }
            fieldBytes += end - start
        }

        mutating func endField(limit: Int) {
            if fieldBytes > limit && overlong == nil { overlong = (fields.count, fieldBytes) }
            fields.append(field)
            field = []
            fieldBytes = 0
        }
    }

    mutating func nextRow() throws -> Row? {
        if !startedFile {
            startedFile = true
            if try stream.peek(3) == [0xEF, 0xBB, 0xBF] { for _ in 0..<3 { _ = try stream.next() } }
        }
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
                    let kept = min(index, RecordText.rawLimit - row.raw.count)
                    if kept > 0 { row.raw.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress!, count: kept)) }
                }
                row.sawAny = true
                while index < count {
                    switch row.state {
                    case .quoted:
                        var end = index
                        while end < count && bytes[end] != 0x22 {
                            if bytes[end] == 0x0A { line += 1 }
                            end += 1
                        }
                        row.keep(bytes, index, end, limit: limit)
                        if end == count { index = end; continue }
                        row.state = .quoteInQuoted
                        index = end + 1
                    case .quoteInQuoted:
                        if bytes[index] == 0x22 {
                            row.keep(bytes, index, index + 1, limit: limit)
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
                            row.keep(bytes, index, end, limit: limit)
                            row.state = .unquoted
                        }
                        if end == count { index = end; continue }
                        let byte = bytes[end]
                        index = end + 1
                        if byte == delimiter {
                            row.endField(limit: limit)
                            row.state = .fieldStart
                        } else {
                            line += 1
                            row.endField(limit: limit)
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
            return Row(fields: row.fields, line: startLine, byteOffset: startOffset, unterminated: false, raw: row.raw,
                       overlong: row.overlong)
        }
        guard row.sawAny else { return nil }
        // A quote as the very last byte closes its field; only a field still inside quotes is unterminated.
        let unterminated = row.state == .quoted
        row.endField(limit: limit)
        return Row(fields: row.fields, line: startLine, byteOffset: startOffset, unterminated: unterminated,
                   raw: row.raw, overlong: row.overlong)
    }
}
