import RaterCore

/// Plain text: one comment per line, or with `paragraphs` one comment per run of non-blank lines. Blank lines
/// are separators, not records.
public struct TextRecordReader: RecordReader {
    private let stream: ByteStream
    private let options: IngestOptions
    private var line = 0
    private var recordNumber = 0
    /// The record's bytes, kept up to the text limit plus one byte (enough to know it is too long).
    private var record = [UInt8]()
    private var lineBuffer = [UInt8]()

    public init(stream: ByteStream, options: IngestOptions) {
        self.stream = stream
        self.options = options
    }

    public mutating func next() throws -> IngestEvent? {
        record.removeAll(keepingCapacity: true)
        var recordBytes = 0
        var startLine = 0
        var startOffset = 0
        while let (offset, length) = try readLine() {
            if lineBuffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && length == lineBuffer.count {
                if recordBytes == 0 { continue }
                break
            }
            if recordBytes == 0 {
                startLine = line
                startOffset = offset
            } else {
                append([0x0A], length: 1, to: &recordBytes)
            }
            append(lineBuffer, length: length, to: &recordBytes)
            if !options.paragraphs { break }
        }
        guard recordBytes > 0 else { return nil }
        recordNumber += 1
        func reject(_ reason: Rejection.Reason) -> IngestEvent {
            .rejected(Rejection(source: stream.path, recordNumber: recordNumber, line: startLine,
                                byteOffset: stream.originalOffset(startOffset), reason: reason, raw: RecordText.raw(record)))
        }
        if recordBytes > options.maximumTextBytes {
            return reject(.textTooLong(bytes: recordBytes, limit: options.maximumTextBytes))
        }
        guard let text = RecordText.decode(record) else {
            // In a paragraph, lines after the first lose their CR, so the offset found there can be early by a byte
            // per CRLF line; the line number is exact.
            return reject(RecordText.invalidEncoding(raw: record, start: startOffset, stream: stream))
        }
        if let problem = RecordText.problem(with: text, options: options) { return reject(problem) }
        return .record(SourceRecord(source: stream.path, recordNumber: recordNumber, line: startLine, text: text))
    }

    private mutating func append(_ bytes: [UInt8], length: Int, to count: inout Int) {
        count += length
        let room = options.maximumTextBytes + 1 - record.count
        if room > 0 { record.append(contentsOf: bytes.prefix(room)) }
    }

    /// Reads the next line into `lineBuffer` without its terminator (and without a UTF-8 BOM on line 1), keeping at
    /// most the text limit plus one byte. Returns the stream offset of its first byte and its full length, or nil at
    /// the end of the input.
    private mutating func readLine() throws -> (offset: Int, length: Int)? {
        lineBuffer.removeAll(keepingCapacity: true)
        var offset = stream.offset
        var length = 0
        var sawAny = false
        var ended = false
        let keep = options.maximumTextBytes + 1
        while !ended {
            let more = try stream.consumeBuffered { bytes in
                sawAny = true
                var end = 0
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                let room = keep - lineBuffer.count
                if room > 0 { lineBuffer.append(contentsOf: bytes[..<end].prefix(room)) }
                length += end
                if end < bytes.count {
                    ended = true
                    return end + 1
                }
                return end
            }
            if !more { break }
        }
        guard sawAny else { return nil }
        line += 1
        if line == 1, lineBuffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            lineBuffer.removeFirst(3)
            length -= 3
            offset += 3
        }
        if lineBuffer.last == 0x0D, lineBuffer.count == length {
            lineBuffer.removeLast()
            length -= 1
        }
        return (offset, length)
    }
}
