import RaterCore

/// An input made ready to read: its decoded byte stream and the reader its format needs.
public struct OpenedInput {
    public var format: InputFormat
    public var encoding: DetectedEncoding
    public var compressed: Bool
    public var reader: any RecordReader
    /// The file underneath, when the input is one: bytes read so far and their checksum.
    public var file: FileSource?
    /// What the user should know about how the input is read, where the content left a doubt (a table read as one
    /// column although its first line splits at another delimiter): warnings for the log.
    public var notes: [String] = []
}

/// Opens one input: undoes gzip, decodes the charset to UTF-8, decides the format and picks the reader.
public enum InputOpener {
    /// `checksummed`: whether the file's `checksum` is kept (see `FileSource.checksummed`). `interruption`: a read
    /// that waits for a pipe ends when it comes (see `FileSource.interruption`), the first ones included, which
    /// look for the format and charset.
    public static func open(path: String, options: IngestOptions, checksummed: Bool = true,
                            interruption: RunInterruption? = nil) throws -> OpenedInput {
        let file = try FileSource(path: path, checksummed: checksummed)
        file.interruption = interruption
        var opened = try open(source: file, path: path, options: options)
        opened.file = file
        return opened
    }

    /// The bytes of a file or standard input, gzip undone, without decoding or a reader (for `rater aggregate`).
    public static func openBytes(path: String) throws -> ByteStream {
        let stream = ByteStream(source: try FileSource(path: path), path: path)
        guard try stream.peek(2) == [0x1F, 0x8B] else { return stream }
        return ByteStream(source: try GzipSource(upstream: stream, path: path), path: path)
    }

    /// Opens bytes from any source; `path` names it in errors and decides the format by extension.
    public static func open(source: ByteSource, path: String, options: IngestOptions) throws -> OpenedInput {
        var stream = ByteStream(source: source, path: path)
        let compressed = try stream.peek(2) == [0x1F, 0x8B]
        if compressed { stream = ByteStream(source: try GzipSource(upstream: stream, path: path), path: path) }

        let head = try stream.peek(EncodingDetector.sampleSize)
        var encoding = EncodingDetector.detect(head: head)
        if let forced = options.encoding {
            encoding = DetectedEncoding(name: forced, byteOrderMarkLength: EncodingDetector.byteOrderMark(head)
                .flatMap { $0.name.uppercased() == forced.uppercased() ? $0.byteOrderMarkLength : nil } ?? 0,
                evidence: .forced)
            if ["UTF-8", "UTF8"].contains(forced.uppercased()) { encoding.name = "UTF-8" }
        }
        if !encoding.isUTF8 {
            for _ in 0..<encoding.byteOrderMarkLength { _ = try stream.next() }
            let transcoder = try TranscodingSource(upstream: stream, charset: encoding.name, path: path)
            stream = ByteStream(source: transcoder, path: path)
            stream.decodingLog = transcoder.log
            stream.encoding = encoding.name
        }

        let decodedHead = encoding.isUTF8 ? head : try stream.peek(EncodingDetector.sampleSize)
        var notes = [String]()
        var format = options.format
        if format == .auto {
            let detected = InputFormat.detectExplained(path: path, head: decodedHead, options: options)
            format = detected.format
            if let note = detected.note { notes.append(note) }
        }
        let makeReader: () throws -> any RecordReader
        switch format {
        case .csv, .tsv:
            // Excel's `sep=;` line names the delimiter, as it does for Excel; else tab for TSV, else the rows decide.
            let head = Array(decodedHead)
            let named = options.delimiter ?? DelimiterSniffer.excelSeparator(head)
            let delimiter = named
                ?? (format == .tsv ? 0x09 : DelimiterSniffer.sniff(head) ?? UInt8(ascii: ","))
            if named == nil, options.hasHeader, options.columnNames == nil,
               let note = DelimiterSniffer.oneColumnNote(head, delimiter: delimiter) {
                notes.append(note)
            }
            notes += HeaderDoubts.notes(head[...], delimiter: delimiter, options: options)
            makeReader = { [stream] in try DelimitedRecordReader(stream: stream, delimiter: delimiter, options: options) }
        case .xml:
            makeReader = { [stream] in try XMLRecordReader(stream: stream, options: options) }
        case .jsonl:
            makeReader = { [stream] in JSONLRecordReader(stream: stream, options: options) }
        case .text, .auto:
            format = .text
            makeReader = { [stream] in TextRecordReader(stream: stream, options: options) }
        }
        var reader = UnreadableInputGuard(source: path, makeReader: makeReader)
        // Make the reader now, so option errors (a column that does not exist) surface before any work is done;
        // a read error is kept for the first `next()`.
        try reader.prepare()
        return OpenedInput(format: format, encoding: encoding, compressed: compressed, reader: reader, file: nil,
                           notes: notes)
    }
}
