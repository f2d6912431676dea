/// A record that could not be analysed, with enough context to find it and fix it.
///
/// Rejections are results too: the run summary reconciles `read = analysed + rejected`, and the rejects file lets
/// someone repair and re-feed exactly the records that failed.
public struct Rejection: Sendable, Equatable, Error {
    public var source: String
    public var recordNumber: Int
    public var line: Int?
    public var byteOffset: Int?
    public var reason: Reason
    /// The record's bytes as read (after gzip and charset decoding, so UTF-8), cut at 4 KB between characters. An
    /// XML record whose bytes the reader could not keep (a start tag over 64 KB may be one, one libxml2 recovered
    /// from an error in) is rebuilt from what was parsed instead, and an XML error between records has none (see
    /// `XMLRecentBytes`).
    public var raw: String
    /// The record's other columns, kept on an `empty_text` rejection only (empty on every other): a survey row with
    /// no comment may still hold a rating, and `rater analyze` counts such a row as a rating-only answer
    /// (`RatingOnlyAnswer`) instead of rejecting it. Ingestion cannot tell, as it does not know the rating columns.
    public var fields: [Field]

    public init(source: String, recordNumber: Int, line: Int? = nil, byteOffset: Int? = nil, reason: Reason,
                raw: String, fields: [Field] = []) {
        self.source = source
        self.recordNumber = recordNumber
        self.line = line
        self.byteOffset = byteOffset
        self.reason = reason
        self.raw = raw
        self.fields = fields
    }

    /// Why a record was rejected. Each case carries what a person needs to understand the problem.
    public enum Reason: Sendable, Equatable {
        case emptyText
        case missingColumn(name: String, columnCount: Int)
        case unterminatedQuote
        /// `byteOffset` is where the offending bytes start in the original input (in the decompressed data for a
        /// `.gz` input); `bytes` are those bytes, when known.
        case invalidEncoding(encoding: String, byteOffset: Int? = nil, bytes: [UInt8] = [])
        case fieldTooLong(column: String, bytes: Int, limit: Int)
        /// A delimited row with more fields than any export has (`count` is the row's true number of fields).
        case tooManyFields(count: Int, limit: Int)
        /// A delimited row whose fields together hold more bytes than any export's row (`bytes`: all of them).
        case rowTooLong(bytes: Int, limit: Int)
        /// The input stopped being readable (a truncated `.gz`, an I/O error): the rest of that input is lost.
        case unreadableInput(message: String)
        /// `endsInput`: libxml2 read no further (it cannot recover, or the input stops inside an open element: a
        /// truncated export), so the records after this point, if the export had any, were never seen.
        case malformedXML(message: String, endsInput: Bool = false)
        /// A JSON Lines line that is not one JSON object; the message names the problem and its column.
        /// `endsInput`: the line is the input's last and ends without a line break, so the file was most likely cut
        /// there and the records after it, if the export had any, were never seen.
        case malformedJSON(message: String, endsInput: Bool = false)
        /// A JSON Lines object without the member that holds the comment (or with `null` there).
        /// `holds`: the object's members (the first few), `suggestion`: the string member with the most text, not the
        /// id's, the likeliest place of the comment; `null`: the member is there but null. As for XML, only the
        /// message can point at `--text-column` when every line of an export keeps its comment under another name.
        case missingMember(name: String, holds: [String] = [], suggestion: String? = nil, null: Bool = false)
        /// An XML record without the comment's place (`name`: `text`, or `--xml-text`). `record` is the record
        /// element's name, `holds` what it holds instead (its child elements, then `@attributes`; the first few), and
        /// `suggestion` the one of them with the most text, the likeliest place of the comment. Every record of an
        /// export whose comments sit under another name is rejected so, and only the message can point at
        /// `--xml-text`.
        case missingElement(name: String, record: String = "", holds: [String] = [], suggestion: String? = nil)
        /// Without `--xml-record`: an element under the root that is not the record element Rater settled on (a
        /// header such as `<generated>`, or a record of another kind). It is reported rather than skipped, so nothing
        /// in the file goes unseen; naming the record element with `--xml-record` skips such elements instead.
        case otherElement(name: String, record: String)
        case textTooLong(bytes: Int, limit: Int)
        /// An export id longer than the databases key comments by (`IngestOptions.maximumIDBytes`): rejected in
        /// every output, so the results file, SQLite and PostgreSQL agree.
        case idTooLong(bytes: Int, limit: Int)
        case analysisFailed(message: String)
        /// A CSV/TSV row that spells the header again (exports or gzip members concatenated whole, each with its
        /// header): not a comment, and counted here so that read = analysed + rejected.
        case repeatedHeader

        /// A plain-words explanation for logs and the rejects file.
        public var message: String {
            switch self {
            case .emptyText:
                return "the comment text is empty"
            case let .missingColumn(name, count):
                return "the row has \(count) field(s), so it has no '\(name)' column"
            case .unterminatedQuote:
                // The scanner reads an open quote to the end of the input (its limits end a runaway one first), so
                // this record is always the last: most often a file cut short.
                return "a quoted field is never closed: it runs to the end of the file (truncated?)"
            case let .invalidEncoding(encoding, offset, bytes):
                var text = "bytes that are not valid \(encoding)"
                if !bytes.isEmpty {
                    let hex = bytes.prefix(8).map { byte in
                        let digits = String(byte, radix: 16, uppercase: true)
                        return (digits.count == 1 ? "0x0" : "0x") + digits
                    }
                    text += " (" + hex.joined(separator: " ") + ")"
                }
                if let offset { text += " at byte \(offset)" }
                return text
            case let .fieldTooLong(column, bytes, limit):
                return "the '\(column)' field is \(bytes) bytes, over the \(limit)-byte limit"
            case let .tooManyFields(count, limit):
                return "the row has \(count) fields, over the \(limit)-field limit for one row"
            case let .rowTooLong(bytes, limit):
                return "the row's fields are \(bytes) bytes in all, over the \(limit)-byte limit for one row"
            case let .unreadableInput(message):
                return "the rest of the input could not be read: \(message)"
            case let .malformedXML(message, _):
                return "malformed XML: \(message)"
            case let .malformedJSON(message, endsInput):
                return "malformed JSON: \(message)"
                    + (endsInput ? " (the last line ends without a line break: a truncated file?)" : "")
            case let .missingMember(name, holds, suggestion, null):
                var text = null ? "the JSON object's '\(name)' member is null" : "the JSON object has no '\(name)' member"
                guard !holds.isEmpty else { return text }
                text += " (it has " + holds.map { "'\($0)'" }.joined(separator: ", ") + ")"
                if let suggestion { text += "; if the comments are in '\(suggestion)', pass --text-column \(suggestion)" }
                return text
            case let .missingElement(name, record, holds, suggestion):
                let place = name.hasPrefix("@") ? "attribute \(name)" : "element <\(name)>"
                guard !record.isEmpty else { return "the record has no comment text in \(place)" }
                var text = "the <\(record)> record has no comment text in \(place)"
                guard !holds.isEmpty else { return text + " (it holds no element or attribute)" }
                text += " (it holds " + holds.map { $0.hasPrefix("@") ? $0 : "<\($0)>" }.joined(separator: ", ") + ")"
                if let suggestion {
                    let named = suggestion.hasPrefix("@") ? suggestion : "<\(suggestion)>"
                    text += "; if the comments are in \(named), pass --xml-text \(suggestion)"
                } else {
                    text += "; none of them holds text: name the comment's element with --xml-text"
                }
                return text
            case let .otherElement(name, record):
                return "<\(name)> is not a record: the records were taken to be the <\(record)> elements under the root "
                    + "(name the record element with --xml-record to read only those)"
            case let .textTooLong(bytes, limit):
                return "the comment is \(bytes) bytes, over the \(limit)-byte limit"
            case let .idTooLong(bytes, limit):
                return "the id is \(bytes) bytes, over the \(limit)-byte limit for ids (is the id column the right one?)"
            case let .analysisFailed(message):
                return "the comment could not be analysed: \(message)"
            case .repeatedHeader:
                return "the row repeats the header (files or gzip members concatenated, each with its header): "
                    + "not a comment"
            }
        }

        /// The record holds no comment: an empty one, or none where the comment belongs (a JSON member or XML
        /// element an exporter left out, or wrote as null, for an empty answer). With a valid rating such a record
        /// is a rating-only answer, not a rejection.
        public var isNoComment: Bool {
            switch self {
            case .emptyText, .missingMember, .missingElement: return true
            default: return false
            }
        }

        /// Whether the input was not read to its end after this rejection (a read error, a truncated or unrecoverable
        /// XML document): what the export held after it is unknown, so `--replace-source` must not take the records
        /// it did not deliver for records it dropped.
        public var endsInput: Bool {
            switch self {
            case .unreadableInput: return true
            // The scanner reads an open quote to the end of the input: the rows after it were never told apart.
            case .unterminatedQuote: return true
            case let .malformedXML(_, endsInput): return endsInput
            case let .malformedJSON(_, endsInput): return endsInput
            default: return false
            }
        }

        /// A stable machine-readable code for the rejects file.
        public var code: String {
            switch self {
            case .emptyText: return "empty_text"
            case .missingColumn: return "missing_column"
            case .unterminatedQuote: return "unterminated_quote"
            case .invalidEncoding: return "invalid_encoding"
            case .fieldTooLong: return "field_too_long"
            case .tooManyFields: return "too_many_fields"
            case .rowTooLong: return "row_too_long"
            case .unreadableInput: return "unreadable_input"
            case .malformedXML: return "malformed_xml"
            case .malformedJSON: return "malformed_json"
            case .missingMember: return "missing_member"
            case .missingElement: return "missing_element"
            case .otherElement: return "other_element"
            case .textTooLong: return "text_too_long"
            case .idTooLong: return "id_too_long"
            case .analysisFailed: return "analysis_failed"
            case .repeatedHeader: return "repeated_header"
            }
        }
    }

    /// Where the record is, as a person would write it: `file.csv:12 (record 11)`.
    public var location: String {
        var text = source
        if let line { text += ":\(line)" }
        text += " (record \(recordNumber)"
        if let byteOffset { text += ", byte \(byteOffset)" }
        return text + ")"
    }
}
