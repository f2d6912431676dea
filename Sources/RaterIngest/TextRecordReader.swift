import RaterCore

/// Plain text: one comment per line, or with `paragraphs` one comment per run of non-blank lines. Blank lines
/// are separators, not records.
public struct TextRecordReader: RecordReader {
    private let stream: ByteStream
    private let options: IngestOptions
    private var lines: LineScanner
    private var recordNumber = 0
    /// The record's bytes, kept up to the text limit plus one byte (enough to know it is too long).
    private var record = [UInt8]()
    /// The last record ended with the input: without a line break, or a paragraph without a blank line after it
    /// (a line appended later would belong to it).
    public private(set) var lastRecordUnterminated = false

    public init(stream: ByteStream, options: IngestOptions) {
        self.stream = stream
        self.options = options
        lines = LineScanner(stream: stream, limit: options.maximumTextBytes)
    }

    public mutating func next() throws -> IngestEvent? {
        record.removeAll(keepingCapacity: true)
        var recordBytes = 0
        var startLine = 0
        var startOffset = 0
        var endedAtSeparator = false
        while let (offset, length) = try lines.next() {
            if lines.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && length == lines.bytes.count {
                if recordBytes == 0 { continue }
                endedAtSeparator = lines.lineEnded
                break
            }
            if recordBytes == 0 {
                startLine = lines.line
                startOffset = offset
            } else {
                append([0x0A], length: 1, to: &recordBytes)
            }
            append(lines.bytes, length: length, to: &recordBytes)
            if !options.paragraphs {
                endedAtSeparator = lines.lineEnded
                break
            }
        }
        guard recordBytes > 0 else { return nil }
        lastRecordUnterminated = !endedAtSeparator
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
}
