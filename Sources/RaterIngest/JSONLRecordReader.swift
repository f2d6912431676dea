import RaterCore

/// JSON Lines (also called NDJSON): one JSON object per line. The comment is the `text` member (or
/// `--text-column`), the id the `id` member (or `--id-column`); every other member is passed through as a field:
/// strings as they are, numbers and booleans as written, nested objects and arrays as their JSON text, nulls left
/// out. When a name occurs twice in one object the last one wins, as in JavaScript and Python.
///
/// Each line stands alone, so there is no header and any slice of a file is itself a valid input: this is what
/// lets a Spark partition be piped through `rater analyze` as it is. Blank lines are separators, not records.
public struct JSONLRecordReader: RecordReader {
    public static let defaultTextMember = "text"
    public static let defaultIDMember = "id"

    private let stream: ByteStream
    private let options: IngestOptions
    private let textMember: String
    private let idMember: String
    /// A line may be longer than the text limit (escapes take up to six bytes per character, and other members
    /// share the line), so lines are kept up to this many bytes.
    private let maximumLineBytes: Int
    private var lines: LineScanner
    private var recordNumber = 0

    public init(stream: ByteStream, options: IngestOptions) {
        self.stream = stream
        self.options = options
        textMember = options.textColumn ?? Self.defaultTextMember
        idMember = options.idColumn ?? Self.defaultIDMember
        maximumLineBytes = options.maximumTextBytes * 6 + (1 << 16)
        lines = LineScanner(stream: stream, limit: maximumLineBytes)
    }

    /// The last record's line ended with the input, without a line break. Noted when the record is returned: blank
    /// lines read after it (`…}\n  `) must not make a terminated record look unterminated.
    public private(set) var lastRecordUnterminated = false

    public mutating func next() throws -> IngestEvent? {
        while let (offset, length) = try lines.next() {
            if lines.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) && length == lines.bytes.count { continue }
            lastRecordUnterminated = !lines.lineEnded
            recordNumber += 1
            return event(offset: offset, length: length)
        }
        return nil
    }

    private func event(offset: Int, length: Int) -> IngestEvent {
        func reject(_ reason: Rejection.Reason, fields: [Field] = []) -> IngestEvent {
            .rejected(Rejection(source: stream.path, recordNumber: recordNumber, line: lines.line,
                                byteOffset: stream.originalOffset(offset), reason: reason, raw: RecordText.raw(lines.bytes),
                                fields: fields))
        }
        if length > maximumLineBytes {
            return reject(.malformedJSON(message: "the line is \(length) bytes, over the \(maximumLineBytes)-byte limit for one record"))
        }
        guard UTF8Validator.firstInvalidOffset(in: lines.bytes) == nil else {
            return reject(RecordText.invalidEncoding(raw: lines.bytes, start: offset, stream: stream))
        }
        let members: [(name: String, value: JSONObjectScanner.Value)]
        do {
            members = try JSONObjectScanner.members(of: lines.bytes)
        } catch {
            // Broken where the input stops mid-line: a file cut short (a copy still being written, a full disk).
            return reject(.malformedJSON(message: "\(error.message) at column \(error.column)",
                                         endsInput: !lines.lineEnded))
        }
        var text: String?
        var id: String?
        var fields = [Field]()
        for (name, value) in members {
            let string: String?
            switch value {
            case let .string(value): string = value
            case let .verbatim(value): string = value
            case .null: string = nil
            }
            if name == textMember {
                // An array or an object is no comment: analysed, its JSON text read as words (`["a","b"]`, a
                // `{"zh":"很好"}` of translations), silently (a user-side review). Named, it points at the member.
                if case let .verbatim(json) = value, let first = json.utf8.first, first == UInt8(ascii: "[")
                    || first == UInt8(ascii: "{") {
                    return reject(.malformedJSON(message: "the comment member '\(textMember)' holds a JSON "
                        + (first == UInt8(ascii: "[") ? "array" : "object") + ", not a string"))
                }
                text = string
            } else if name == idMember {
                id = string?.trimmingSpaces()
            } else if let string {
                if let index = fields.firstIndex(where: { $0.name == name }) { fields.remove(at: index) }
                fields.append(Field(name, string))
            }
        }
        guard let text else {
            // What the object holds instead, and the member with the most text (not the id's) as the likely comment.
            var best: (name: String, length: Int)?
            for (name, value) in members where name != idMember && name != textMember {
                // A quoted number (a rating, a count) is no likely comment.
                guard case let .string(string) = value, !RecordText.isBlank(string),
                      Double(string.trimmingSpaces()) == nil else { continue }
                if string.count > (best?.length ?? 0) { best = (name, string.count) }
            }
            var names = [String]()
            for (name, _) in members where !names.contains(name) { names.append(name) }
            // With the object's other members: an exporter that leaves out empty members writes a survey answer
            // without a comment so, and with a rating it is a rating-only answer (`Rejection.Reason.isNoComment`).
            return reject(.missingMember(name: textMember, holds: Array(names.prefix(8)), suggestion: best?.name,
                                         null: members.contains { $0.name == textMember }), fields: fields)
        }
        // An empty comment keeps the object's other members: a survey answer may hold a rating without one.
        if let problem = RecordText.problem(with: text, options: options) {
            return reject(problem, fields: problem == .emptyText ? fields : [])
        }
        if let problem = RecordText.problem(withID: id, options: options) { return reject(problem) }
        return .record(SourceRecord(source: stream.path, recordNumber: recordNumber, line: lines.line,
                                    id: id?.isEmpty == false ? id : nil, text: text, fields: fields))
    }
}
