import RaterCore

/// CSV or TSV with a header row: the comment from the text column, the id from the id column, every other column
/// passed through as a field.
public struct DelimitedRecordReader: RecordReader {
    /// Header names tried, in order, when no text column is named.
    public static let defaultTextColumns = ["text", "comment", "comments", "review", "reviewbody", "review_body",
                                            "content", "feedback", "body", "message", "评论", "内容", "评价"]
    public static let defaultIDColumns = ["id", "review_id", "comment_id", "record_id"]

    private var scanner: DelimitedRowScanner
    private let options: IngestOptions
    private let source: String
    private var header: [String] = []
    private var textIndex = 0
    private var idIndex: Int?
    private var recordNumber = 0

    public init(stream: ByteStream, delimiter: UInt8, options: IngestOptions) throws {
        scanner = DelimitedRowScanner(stream: stream, delimiter: delimiter)
        self.options = options
        source = stream.path
        guard let headerRow = try scanner.nextRow() else { return }
        header = headerRow.fields.map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
        textIndex = try resolve(options.textColumn, defaults: Self.defaultTextColumns) ?? max(header.count - 1, 0)
        idIndex = try resolve(options.idColumn, defaults: Self.defaultIDColumns)
    }

    /// Finds a column by name, ignoring case and surrounding spaces.
    private func resolve(_ name: String?, defaults: [String]) throws -> Int? {
        let keys = header.map { $0.lowercased() }
        if let name {
            if let index = keys.firstIndex(of: name.trimmingSpaces().lowercased()) { return index }
            throw IngestError.noSuchColumn(path: source, column: name, available: header)
        }
        for candidate in defaults { if let index = keys.firstIndex(of: candidate) { return index } }
        return nil
    }

    public mutating func next() throws -> IngestEvent? {
        while let row = try scanner.nextRow() {
            if row.fields.allSatisfy({ $0.isEmpty }) && !row.unterminated { continue }  // blank line
            recordNumber += 1
            func reject(_ reason: Rejection.Reason) -> IngestEvent {
                .rejected(Rejection(source: source, recordNumber: recordNumber, line: row.line,
                                    byteOffset: row.byteOffset, reason: reason, raw: RecordText.raw(row.raw)))
            }
            if row.unterminated { return reject(.unterminatedQuote) }
            guard textIndex < row.fields.count else {
                return reject(.missingColumn(name: header.indices.contains(textIndex) ? header[textIndex] : "text",
                                             columnCount: row.fields.count))
            }
            var decoded = [String]()
            decoded.reserveCapacity(row.fields.count)
            for field in row.fields {
                guard let value = RecordText.decode(field) else { return reject(.invalidEncoding(encoding: "UTF-8")) }
                decoded.append(value)
            }
            let text = decoded[textIndex]
            if let problem = RecordText.problem(with: text, options: options) { return reject(problem) }
            var fields = [Field]()
            for (index, value) in decoded.enumerated() where index != textIndex && index != idIndex {
                fields.append(Field(index < header.count ? header[index] : "column_\(index + 1)", value))
            }
            let id = idIndex.flatMap { $0 < decoded.count ? decoded[$0].trimmingSpaces() : nil }
            return .record(SourceRecord(source: source, recordNumber: recordNumber, line: row.line,
                                        id: id?.isEmpty == false ? id : nil, text: text, fields: fields))
        }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
