/// How to read an export: which format, and where the comment, its id and its fields are.
public struct IngestOptions: Sendable, Equatable {
    public var format: InputFormat = .auto
    /// CSV/TSV header column holding the comment. Nil: a column named like text/comment/review/content, else the
    /// last column.
    public var textColumn: String?
    public var idColumn: String?
    /// XML element that is one record. Nil: the element that repeats under the root.
    public var xmlRecord: String?
    /// XML child element holding the comment. Nil: a child named `text`, else the record's own text.
    public var xmlText: String?
    /// XML attribute or child holding the record's id. Nil: an `id` attribute if present.
    public var xmlID: String?
    /// Comments longer than this are rejected rather than analysed (a multi-MB "comment" is usually a broken export).
    public var maximumTextBytes: Int = 1 << 20

    public init() {}
}
