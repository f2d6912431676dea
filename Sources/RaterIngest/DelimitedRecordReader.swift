import RaterCore

/// CSV or TSV: the comment from the text column, the id from the id column, every other column passed through as a
/// field named by the header (or `column_N` without one).
///
/// A file whose header is the review workspace's gold layout (`GoldFileLayout`, written by `rater corrections
/// export` and `/export/gold.csv`) has every cell that starts with an apostrophe written with one added, to keep
/// spreadsheets from running it as a formula; this reader drops it again, so the text is the comment as analysed.
public struct DelimitedRecordReader: RecordReader {
    /// Header names tried, in order, when no text column is named.
    public static let defaultTextColumns = ["text", "comment", "comments", "review", "reviewbody", "review_body",
                                            "content", "feedback", "body", "message", "评论", "内容", "评价",
                                            "評論", "內容", "評價", "留言"]
    /// Names an export gives the one id of each comment: a survey response or a review is one comment. An order id
    /// is not here (one order may carry several comments), nor a ticket's or case's (`ticket_id`, `case_id`, 工单号:
    /// a ticket's thread of messages shares it): a comment taken by a shared id replaces the others' rows in the
    /// databases, while one keyed by its text's digest loses nothing. An export of one row per ticket names it with
    /// `--id-column`.
    public static let defaultIDColumns = ["id", "review_id", "comment_id", "record_id", "response_id", "feedback_id",
                                          "编号", "序号", "評論編號"]
    /// Keys an export carries that are no comment's own id (above), but still mark a first row as a header.
    public static let sharedKeyColumns = ["ticket_id", "case_id", "order_id", "工单号", "工单编号", "订单号"]

    private var scanner: DelimitedRowScanner
    private let stream: ByteStream
    private let options: IngestOptions
    private let source: String
    private var header: [String] = []
    /// Nil: the row's last column (no header and no --text-column).
    private var textIndex: Int?
    private var idIndex: Int?
    private var recordNumber = 0
    /// The header is the gold file's: undo its spreadsheet defusing (`CSVText.restored`) in every cell.
    private var restoresDefusedCells = false
    /// The header names as bytes, ASCII letters lowercased, to tell a repeated header (`repeatsHeader`).
    private var headerKeys: [[UInt8]] = []
    /// The last event's row ended with the input: no line break after it, or a quote never closed.
    public private(set) var lastRecordUnterminated = false

    public init(stream: ByteStream, delimiter: UInt8, options: IngestOptions) throws {
        scanner = DelimitedRowScanner(stream: stream, delimiter: delimiter, maximumFieldBytes: options.maximumTextBytes)
        self.stream = stream
        self.options = options
        source = stream.path
        // Excel's `sep=;` first line names the delimiter (see `InputOpener`); it is neither header nor data.
        if DelimiterSniffer.excelSeparator(try stream.peek(10)) != nil { _ = try scanner.nextRow() }
        if let names = options.columnNames {
            header = names.map { $0.trimmingSpaces() }
            textIndex = try resolve(options.textColumn, defaults: Self.defaultTextColumns) ?? max(header.count - 1, 0)
        } else if options.hasHeader {
            guard let row = try scanner.nextRow() else { return }
            if let problem = problem(withHeader: row) {
                throw IngestError.malformedHeader(path: source, line: row.line, reason: problem)
            }
            header = (0..<scanner.fieldCount).map { index in
                scanner.withField(index) { String(decoding: $0, as: UTF8.self) }.trimmingSpaces()
            }
            restoresDefusedCells = GoldFileLayout.matches(header)
            textIndex = try resolve(options.textColumn, defaults: Self.defaultTextColumns) ?? max(header.count - 1, 0)
        } else {
            textIndex = try resolve(options.textColumn, defaults: [])
        }
        idIndex = try resolve(options.idColumn, defaults: Self.defaultIDColumns)
        headerKeys = header.map { $0.utf8.map(Self.asciiLowercased) }
    }

    /// Why the header row cannot name the columns, if it cannot. A data row with these problems is one rejection;
    /// a header with them would silently misname or swallow every row after it (an unclosed quote reads the rest of
    /// the file into one header field), so the reader refuses the input instead.
    private func problem(withHeader row: DelimitedRowScanner.Row) -> Rejection.Reason? {
        if row.unterminated { return .unterminatedQuote }
        if let excess = row.excess { return reason(excess) }
        if let overlong = row.overlong {
            return .fieldTooLong(column: "column_\(overlong.index + 1)", bytes: overlong.bytes,
                                 limit: options.maximumTextBytes)
        }
        return nil
    }

    private func reason(_ excess: DelimitedRowScanner.Excess) -> Rejection.Reason {
        switch excess {
        case let .fields(count): .tooManyFields(count: count, limit: DelimitedRowScanner.maximumFields)
        case let .bytes(bytes): .rowTooLong(bytes: bytes, limit: scanner.maximumRowBytes)
        }
    }

    /// Finds a column by header name (ignoring case and surrounding spaces) or by 1-based number.
    private func resolve(_ name: String?, defaults: [String]) throws -> Int? {
        let keys = header.map { $0.lowercased() }
        func only(_ key: String) throws -> Int? {
            let indices = keys.indices.filter { keys[$0] == key }
            if indices.count > 1 {
                throw IngestError.ambiguousColumn(path: source, column: header[indices[0]], numbers: indices.map { $0 + 1 })
            }
            return indices.first
        }
        if let name {
            let wanted = name.trimmingSpaces().lowercased()
            if let index = try only(wanted) { return index }
            if let number = Int(wanted), number >= 1 { return number - 1 }
            if header.isEmpty {
                throw IngestError.noSuchColumn(path: source, column: name + " (without a header, columns are numbered from 1)",
                                               available: [])
            }
            throw IngestError.noSuchColumn(path: source, column: name, available: header)
        }
        for candidate in defaults { if let index = try only(candidate) { return index } }
        return nil
    }

    /// Whether the last row spells the header (or `--column-names`) again: each field, without surrounding spaces
    /// or a BOM (a second file's header has one), is its header name, ASCII letters in any case. Bytes compared,
    /// the first field's length first: a data row is told apart without a String made.
    private func repeatsHeader() -> Bool {
        guard !headerKeys.isEmpty, scanner.fieldCount == headerKeys.count else { return false }
        for index in 0..<headerKeys.count {
            let key = headerKeys[index]
            let same = scanner.withField(index) { field -> Bool in
                var start = 0
                var end = field.count
                if end - start >= 3 && field[0] == 0xEF && field[1] == 0xBB && field[2] == 0xBF { start = 3 }
                while start < end && (field[start] == 0x20 || field[start] == 0x09) { start += 1 }
                while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
                guard end - start == key.count else { return false }
                for offset in 0..<key.count where Self.asciiLowercased(field[start + offset]) != key[offset] {
                    return false
                }
                return true
            }
            if !same { return false }
        }
        return true
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    private func columnName(_ index: Int) -> String {
        index < header.count && !header[index].isEmpty ? header[index] : "column_\(index + 1)"
    }

    public mutating func next() throws -> IngestEvent? {
        while let row = try scanner.nextRow() {
            // A blank line (or only delimiters) is a separator, not a record.
            if scanner.allFieldsEmpty && !row.unterminated && row.overlong == nil && row.excess == nil { continue }
            recordNumber += 1
            lastRecordUnterminated = row.endedWithInput
            func reject(_ reason: Rejection.Reason, fields: [Field] = []) -> IngestEvent {
                .rejected(Rejection(source: source, recordNumber: recordNumber, line: row.line,
                                    byteOffset: stream.originalOffset(row.byteOffset), reason: reason,
                                    raw: RecordText.raw(scanner.raw), fields: fields))
            }
            if row.unterminated { return reject(.unterminatedQuote) }
            if let excess = row.excess { return reject(reason(excess)) }
            if repeatsHeader() { return reject(.repeatedHeader) }
            let columns = scanner.fieldCount
            let textIndex = self.textIndex ?? columns - 1
            guard textIndex < columns else {
                return reject(.missingColumn(name: columnName(textIndex), columnCount: columns))
            }
            if let overlong = row.overlong {
                return reject(overlong.index == textIndex
                    ? .textTooLong(bytes: overlong.bytes, limit: options.maximumTextBytes)
                    : .fieldTooLong(column: columnName(overlong.index), bytes: overlong.bytes,
                                    limit: options.maximumTextBytes))
            }
            // Each field becomes a string straight from the scanner's buffer, in column order, so the first
            // undecodable one rejects the row as before.
            var text = ""
            var id: String?
            var fields = [Field]()
            fields.reserveCapacity(columns)
            for index in 0..<columns {
                guard var value = scanner.withField(index, { RecordText.decode($0) }) else {
                    return reject(RecordText.invalidEncoding(raw: scanner.raw, start: row.byteOffset, stream: stream))
                }
                if restoresDefusedCells { value = CSVText.restored(value) }
                if index == textIndex { text = value }
                if index == idIndex { id = value.trimmingSpaces() }
                if index != textIndex && index != idIndex { fields.append(Field(columnName(index), value)) }
            }
            // An empty comment keeps the row's fields: a survey answer may hold a rating without one.
            if let problem = RecordText.problem(with: text, options: options) {
                return reject(problem, fields: problem == .emptyText ? fields : [])
            }
            if let problem = RecordText.problem(withID: id, options: options) { return reject(problem) }
            return .record(SourceRecord(source: source, recordNumber: recordNumber, line: row.line,
                                        id: id?.isEmpty == false ? id : nil, text: text, fields: fields))
        }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        // Ids and header names nearly always start and end with a visible ASCII character: nothing to trim, and no
        // need to walk Characters to find that out.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
