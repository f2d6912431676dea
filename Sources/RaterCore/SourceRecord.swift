/// One record as ingestion found it: a comment's text plus everything needed to trace it back to its source.
///
/// Ingestion emits these in input order; later stages never re-read the source, so whatever an analyst needs to
/// find the record again (file, record number, line, passthrough fields) travels with it.
public struct SourceRecord: Sendable, Equatable {
    /// The input's display name: the path as given on the command line, or `-` for standard input.
    public var source: String
    /// 1-based position of the record within its source, counting rejected records too.
    public var recordNumber: Int
    /// 1-based line where the record starts, when the format has lines.
    public var line: Int?
    /// The id column or attribute, when the export has one.
    public var id: String?
    /// The comment text, as read (not yet normalized).
    public var text: String
    /// The record's other columns, attributes or child elements, in source order.
    public var fields: [Field]

    public init(source: String, recordNumber: Int, line: Int? = nil, id: String? = nil, text: String,
                fields: [Field] = []) {
        self.source = source
        self.recordNumber = recordNumber
        self.line = line
        self.id = id
        self.text = text
        self.fields = fields
    }

    /// The id written to results: the export's own id, else `<source>:<record number>`.
    public var resolvedID: String { id ?? "\(source):\(recordNumber)" }

    /// Where the record is, as a person would write it and as rejections say it: `file.csv:12 (record 11)`, or
    /// `file.xml (record 11)` for a format without lines.
    public var location: String {
        (line.map { "\(source):\($0)" } ?? source) + " (record \(recordNumber))"
    }
}

/// A named passthrough value. An array of these keeps the export's column order, which a dictionary would lose.
public struct Field: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
