/// A survey row with no comment but at least one valid rating (`--nps-column`, `--csat-column`, `--ces-column`): a
/// respondent who scored and wrote nothing.
///
/// Neither a result (there is no text to analyse: no sentiment, dimensions or signals) nor a rejection (nothing is
/// wrong with it, and nothing in it could be repaired and fed again): a third outcome of a record, so that
/// `read = analysed + rating-only + rejected` still holds. Its ratings count in the NPS, CSAT and CES figures
/// wherever they are made (the run's aggregate files and partials, the databases' `rating_answers` and
/// `aggregates`); it counts in no sentiment, dimension or signal figure.
///
/// Made from the `empty_text` rejection ingestion gives such a row (`Rejection.fields`), since only the run knows
/// the rating columns.
public struct RatingOnlyAnswer: Sendable, Equatable {
    /// As `SourceRecord.source`: the input's display name (`-` for standard input).
    public var source: String
    public var recordNumber: Int
    public var line: Int?
    public var byteOffset: Int?
    /// The row's columns other than the (empty) comment and the id, in source order, as a result's `fields`.
    public var fields: [Field]

    public init(source: String, recordNumber: Int, line: Int? = nil, byteOffset: Int? = nil, fields: [Field]) {
        self.source = source
        self.recordNumber = recordNumber
        self.line = line
        self.byteOffset = byteOffset
        self.fields = fields
    }

    /// The answer an `empty_text` rejection is, once its fields are known to hold a rating.
    public init(_ rejection: Rejection) {
        self.init(source: rejection.source, recordNumber: rejection.recordNumber, line: rejection.line,
                  byteOffset: rejection.byteOffset, fields: rejection.fields)
    }

    /// Where the record is, as rejections say it: `survey.csv:4 (record 3)`.
    public var location: String {
        (line.map { "\(source):\($0)" } ?? source) + " (record \(recordNumber))"
    }

    public func field(_ name: String) -> String? {
        fields.value(ofColumn: name)
    }
}
