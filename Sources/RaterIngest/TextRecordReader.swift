import RaterCore

/// Plain text: one comment per line. Blank lines separate nothing and are not records.
public struct TextRecordReader: RecordReader {
    private let stream: ByteStream
    private let options: IngestOptions
    private var line = 0
    private var recordNumber = 0
    private var lineBuffer = [UInt8]()

    public init(stream: ByteStream, options: IngestOptions) {
        self.stream = stream
        self.options = options
    }

    public mutating func next() throws -> IngestEvent? {
        while true {
            lineBuffer.removeAll(keepingCapacity: true)
            let startOffset = stream.offset
            var sawAny = false
            while let byte = try stream.next() {
                sawAny = true
                if byte == 0x0A { break }
                lineBuffer.append(byte)
            }
            guard sawAny else { return nil }
            line += 1
            if line == 1, lineBuffer.starts(with: [0xEF, 0xBB, 0xBF]) { lineBuffer.removeFirst(3) }
            if lineBuffer.last == 0x0D { lineBuffer.removeLast() }
            if lineBuffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            recordNumber += 1
            guard let text = RecordText.decode(lineBuffer) else {
                return .rejected(Rejection(source: stream.path, recordNumber: recordNumber, line: line,
                                           byteOffset: startOffset, reason: .invalidEncoding(encoding: "UTF-8"),
                                           raw: RecordText.raw(lineBuffer)))
            }
            if let problem = RecordText.problem(with: text, options: options) {
                return .rejected(Rejection(source: stream.path, recordNumber: recordNumber, line: line,
                                           byteOffset: startOffset, reason: problem, raw: RecordText.raw(lineBuffer)))
            }
            return .record(SourceRecord(source: stream.path, recordNumber: recordNumber, line: line, text: text))
        }
    }
}
