import Foundation
import RaterAggregate
import RaterCore

/// Reads every stored rating-only answer (`rating_answers`) back for the `aggregates` rebuild, a page at a time in
/// key order, as `StoredObservations` reads the comments: the rebuild then counts the ratings a run's own aggregate
/// files counted, so the table and the files agree.
struct StoredRatingAnswers {
    let executor: any SQLExecutor
    /// The passthrough fields aggregation reads (group-by, date and rating columns); nil: every field, as
    /// `DatabaseReader.fields` reads them (`rater report --db`).
    let fieldNames: Set<String>?
    let pageSize: Int

    init(executor: any SQLExecutor, options: AggregationOptions,
         pageSize: Int = StoredObservations.standardPageSize) {
        self.init(executor: executor, fieldNames: Set(options.namedColumns), pageSize: pageSize)
    }

    init(executor: any SQLExecutor, fieldNames: Set<String>?, pageSize: Int = StoredObservations.standardPageSize) {
        precondition(pageSize >= 1, "pages of one answer or more")
        self.executor = executor
        self.pageSize = pageSize
        self.fieldNames = fieldNames
    }

    /// Calls `body` with every stored answer, in key order.
    func forEach(_ body: (RatingOnlyAnswer) throws -> Void) throws {
        let dialect = executor.dialect
        let columns = "SELECT source, record, fields, line FROM \(Schema.ratingAnswers.name)"
        let order = " ORDER BY source, record LIMIT \(pageSize)"
        let nextPage = columns + " WHERE (source, record) > (\(dialect.placeholder(1)), \(dialect.placeholder(2)))"
            + order
        var last: [SQLValue]?
        while true {
            let page = try executor.query(last == nil ? columns + order : nextPage, last ?? [])
            for row in page {
                guard row.count == 4, case let .text(source) = row[0], let record = row[1].int,
                      case let .text(json) = row[2] else {
                    throw DatabaseError.unexpectedValue(table: Schema.ratingAnswers.name, column: "fields",
                                                        value: "\(row)")
                }
                try body(RatingOnlyAnswer(source: source, recordNumber: record, line: row[3].int,
                                          fields: fieldNames == nil ? DatabaseReader.fields(row[2]) : try fields(json)))
            }
            guard page.count == pageSize, let end = page.last else { return }
            last = [end[0], end[1]]
        }
    }

    /// The fields aggregation reads, from the stored JSON object (a repeated name's first value, as
    /// `RatingOnlyAnswer.field` reads it).
    private func fields(_ json: String) throws -> [Field] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw DatabaseError.unexpectedValue(table: Schema.ratingAnswers.name, column: "fields",
                                                value: String(json.prefix(80)))
        }
        var fields = [Field]()
        for name in (fieldNames ?? []).sorted() {
            if let value = object[name] as? String {
                fields.append(Field(name, value))
            } else if let value = (object[name] as? [Any])?.first as? String {
                fields.append(Field(name, value))
            }
        }
        return fields
    }
}
