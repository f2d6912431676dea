/// Splits delimited text (RFC 4180 and what spreadsheet programs write) into rows of raw fields, streaming.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and LF both end rows; a quote inside an
/// unquoted field is kept as a literal character, as spreadsheet programs do.
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

    mutating func nextRow() throws -> Row? {
        if !startedFile {
            startedFile = true
            if try stream.peek(3) == [0xEF, 0xBB, 0xBF] { for _ in 0..<3 { _ = try stream.next() } }
        }
        var fields = [[UInt8]]()
        var field = [UInt8]()
        var raw = [UInt8]()
        let startLine = line
        let startOffset = stream.offset
        var inQuotes = false
        var fieldStarted = false  // any byte seen in this field
        var quoted = false        // the field began with a quote
        var sawAny = false
        var fieldBytes = 0
        var overlong: (index: Int, bytes: Int)?
        func keep(_ byte: UInt8) {
            fieldBytes += 1
            if fieldBytes <= maximumFieldBytes { field.append(byte) }
        }
        func endField() {
            if fieldBytes > maximumFieldBytes && overlong == nil { overlong = (fields.count, fieldBytes) }
            fields.append(field)
            field = []
            fieldBytes = 0
        }
        while let byte = try stream.next() {
            sawAny = true
            if raw.count < RecordText.rawLimit { raw.append(byte) }
            if byte == 0x0A { line += 1 }
            if inQuotes {
                if byte == 0x22 {
                    if try stream.peek(1) == [0x22] {
                        _ = try stream.next()
                        if raw.count < RecordText.rawLimit { raw.append(0x22) }
                        keep(0x22)
                    } else {
                        inQuotes = false
                    }
                } else {
                    keep(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                endField()
                fieldStarted = false
                quoted = false
            case 0x0A:
                if field.last == 0x0D && !quoted { field.removeLast() }
                endField()
                return Row(fields: fields, line: startLine, byteOffset: startOffset, unterminated: false, raw: raw,
                           overlong: overlong)
            case 0x0D:
                if try stream.peek(1) == [0x0A] { continue }
                // A lone CR (old Mac line ending) ends the row too.
                line += 1
                endField()
                return Row(fields: fields, line: startLine, byteOffset: startOffset, unterminated: false, raw: raw,
                           overlong: overlong)
            case 0x22 where !fieldStarted:
                inQuotes = true
                quoted = true
                fieldStarted = true
            default:
                // Text after a closing quote ("abc"def) is kept, as spreadsheet programs do.
                fieldStarted = true
                keep(byte)
            }
        }
        guard sawAny else { return nil }
        endField()
        return Row(fields: fields, line: startLine, byteOffset: startOffset, unterminated: inQuotes, raw: raw,
                   overlong: overlong)
    }
}
