import RaterCore

/// Plain text: one comment per line. Blank lines separate nothing and are not records.
public struct TextRecordReader: RecordReader {
    private let stream: ByteStream
    private let options: IngestOptions
    private var line = 0
    private var recordNumber = 0
    private var line_buffer = [UInt8]()

    public init(stream: ByteStream, options: IngestOptions) {
        self.stream = stream
        self.options = options
    }

    public mutating func next() throws -> IngestEvent? {
        while true {
            line_buffer.removeAll(keepingCapacity: true)
            let startOffset = stream.offset
            var sawAny = false
            while let byte = try stream.next() {
                sawAny = true
                if byte == 0x0A { break }
                line_buffer.append(byte)
            }
            guard sawAny else { return nil }
            line += 1
            if line == 1, line_buffer.starts(with: [0xEF, 0xBB, 0xBF]) { line_buffer.removeFirst(3) }
            if line_buffer.last == 0x0D { line_buffer.removeLast() }
            if line_buffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            recordNumber += 1
            guard let text = RecordText.decode(line_buffer) else {
                return .rejected(Rejection(source: stream.path, recordNumber: recordNumber, line: line,
                                           byteOffset: startOffset, reason: .invalidEncoding(encoding: "UTF-8"),
                                           raw: RecordText.raw(line_buffer)))
            }
            if let problem = RecordText.problem(with: text, options: options) {
                return .rejected(Rejection(source: stream.path, recordNumber: recordNumber, line: line,
                                           byteOffset: startOffset, reason: problem, raw: RecordText.raw(line_buffer)))
            }
            return .record(SourceRecord(source: stream.path, recordNumber: recordNumber, line: line, text: text))
        }
    }
}
