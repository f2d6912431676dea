/// How to read an export: which format and charset, and where the comment, its id and its fields are.
public struct IngestOptions: Sendable, Equatable {
    public var format: InputFormat = .auto
    /// An ICU charset name. Nil: detected from the first bytes (see `EncodingDetector`).
    public var encoding: String?
    /// CSV field delimiter. Nil: tab for TSV, else sniffed from the first rows (`,` `;` tab `|`).
    public var delimiter: UInt8?
    /// False when the first CSV/TSV row is data; columns are then named by number (1-based).
    public var hasHeader = true
    /// Names for the CSV/TSV columns, in order, when the data has no header row of its own (implies no header):
    /// a slice of an export, such as a Spark partition, then gets the same field names as the whole file.
    public var columnNames: [String]?
    /// Plain text: blank-line separated paragraphs are comments, instead of single lines.
    public var paragraphs = false
    /// CSV/TSV column (header name, or 1-based number) holding the comment. Nil: a column named like
    /// text/comment/review/content, else the last column.
    public var textColumn: String?
    public var idColumn: String?
    /// XML element that is one record, or a path ending in it (`reviews/review`); elements of other names are
    /// skipped. Nil: every element under the root is read, the first name repeated there being the record (see
    /// `XMLRecordGuess`) and the others rejected as `other_element`.
    public var xmlRecord: String?
    /// Where the comment is inside a record: a child (`text`), a nested path (`body/p`), an attribute (`@text`).
    /// Nil: a child named `text`, else the record's own text.
    public var xmlText: String?
    /// Where the record's id is, in the same notation. Nil: an `id` attribute if present.
    public var xmlID: String?
    /// Comments longer than this are rejected rather than analysed (a multi-MB "comment" is usually a broken export).
    public var maximumTextBytes: Int = 1 << 20
    /// Records whose export id (after trimming) is longer than this are rejected as `id_too_long`. The id keys the
    /// comment in the databases, and PostgreSQL refuses an index entry over 2,704 bytes (which failed whole runs
    /// that SQLite finished); an id this long is nearly always the wrong column.
    public var maximumIDBytes: Int = IngestOptions.standardMaximumIDBytes
    /// The documented id limit (README, "Ingestion"): 512 bytes.
    public static let standardMaximumIDBytes = 512

    public init() {}
}
