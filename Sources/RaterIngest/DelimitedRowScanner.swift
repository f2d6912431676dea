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
        /// Every byte of the row as read, for rejects.
        var raw: [UInt8]
    }

    private let stream: ByteStream
    let delimiter: UInt8
    private var line = 1
    private var startedFile = false

    init(stream: ByteStream, delimiter: UInt8) {
        self.stream = stream
        self.delimiter = delimiter
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
        while let byte = try stream.next() {
            sawAny = true
            if raw.count < RecordText.rawLimit { raw.append(byte) }
            if byte == 0x0A { line += 1 }
            if inQuotes {
                if byte == 0x22 {
                    if try stream.peek(1) == [0x22] {
                        _ = try stream.next()
                        if raw.count < RecordText.rawLimit { raw.append(0x22) }
                        field.append(0x22)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                fields.append(field)
                field = []
                fieldStarted = false
                quoted = false
            case 0x0A:
                if field.last == 0x0D && !quoted { field.removeLast() }
                fields.append(field)
                return Row(fields: fields, line: startLine, byteOffset: startOffset, unterminated: false, raw: raw)
            case 0x0D:
                if try stream.peek(1) == [0x0A] { continue }
                // A lone CR (old Mac line ending) ends the row too.
                line += 1
                fields.append(field)
                return Row(fields: fields, line: startLine, byteOffset: startOffset, unterminated: false, raw: raw)
            case 0x22 where !fieldStarted:
                inQuotes = true
                quoted = true
                fieldStarted = true
            default:
                // Text after a closing quote ("abc"def) is kept, as spreadsheet programs do.
                fieldStarted = true
                field.append(byte)
            }
        }
        guard sawAny else { return nil }
        fields.append(field)
        return Row(fields: fields, line: startLine, byteOffset: startOffset, unterminated: inQuotes, raw: raw)
    }
}
