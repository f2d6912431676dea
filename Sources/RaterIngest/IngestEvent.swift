import RaterCore

/// What a reader yields for each record: the record, or the reason it could not be read.
public enum IngestEvent: Sendable, Equatable {
    case record(SourceRecord)
    case rejected(Rejection)
}

/// A source of ingest events, read one at a time so memory stays flat however large the export.
public protocol RecordReader {
    /// The next record or rejection, or nil at the end of the input.
    mutating func next() throws -> IngestEvent?

    /// Whether the last event came from a record the input ended inside: no line break after it (or, in a quoted
    /// CSV field, no closing quote). A writer may be in the middle of it, so an incremental run does not checkpoint
    /// past it (see `AnalyzeRun`). Line-based formats only; XML is not appended to.
    var lastRecordUnterminated: Bool { get }
}

extension RecordReader {
    public var lastRecordUnterminated: Bool { false }
}

/// A whole input that could not be read at all (missing file, unreadable) — unlike a `Rejection`, which is one
/// record.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case noSuchColumn(path: String, column: String, available: [String])
    /// The header names the text or id column more than once (1-based `numbers`): which one holds the comments is
    /// a guess, and a wrong guess would analyse another column every night without a word.
    case ambiguousColumn(path: String, column: String, numbers: [Int])
    /// The CSV/TSV header row is broken (`reason` says how, as it would for a data row). Every row is read through
    /// the header, so the input stops here rather than guessing: an unclosed quote in it would otherwise swallow
    /// the whole file as one header field, and nothing would be read, rejected or reported.
    case malformedHeader(path: String, line: Int, reason: Rejection.Reason)
    /// No element of an XML file matched `--xml-record` (`record`, as given), though its root has elements
    /// (`children`, the first few names): the option is wrong, and reading nothing would pass for an empty export.
    case noSuchElement(path: String, record: String, root: String, children: [String])
    case unknownEncoding(path: String, name: String)
    case noMatchingFiles(pattern: String)
    case isDirectory(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "\(path): cannot open (\(reason))"
        case let .readFailed(path, reason): return "\(path): read failed (\(reason))"
        case let .noSuchColumn(path, column, available):
            var message = "\(path): no column named '\(column)' in the header (columns: "
                + "\(available.joined(separator: ", ")))"
            // One "column" holding another delimiter: the file is likely delimited by it.
            if available.count == 1, let other = DelimiterSniffer.candidates.first(where: {
                available[0].utf8.contains($0)
            }) {
                message += "; the header was read as one column: if the file is delimited by "
                    + "\(DelimiterSniffer.quoted(other)), pass --delimiter \(DelimiterSniffer.quoted(other))"
            }
            return message
        case let .ambiguousColumn(path, column, numbers):
            return "\(path): the header has \(numbers.count) columns named '\(column)' (columns "
                + numbers.map(String.init).joined(separator: ", ") + "); name one by number, e.g. --text-column "
                + "\(numbers[0]) or --id-column \(numbers[0])"
        case let .malformedHeader(path, line, reason):
            return "\(path):\(line): the header row cannot be read: \(reason.message)"
        case let .noSuchElement(path, record, root, children):
            return "\(path): no element matches --xml-record '\(record)' (the root <\(root)> holds: "
                + children.map { "<\($0)>" }.joined(separator: ", ") + ")"
        case let .unknownEncoding(path, name):
            return "\(path): unknown encoding '\(name)' (try UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5, windows-1252)"
        case let .noMatchingFiles(pattern):
            return "\(pattern): no file matches this pattern"
        case let .isDirectory(path):
            return "\(path): is a directory (name the files, or a pattern such as '\(path)/*.csv')"
        }
    }
}
