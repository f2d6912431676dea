import Foundation
import RaterAggregate
import RaterCore

/// Reads every stored comment back as what aggregation needs of it (`Observation`), a page of comments at a time, so
/// that the `aggregates` table can be made from the whole database in memory bounded by a page, not by the database.
///
/// Pages follow the primary key of `comments` (`source`, `comment_key`), which `dimension_mentions`,
/// `aspect_mentions` and `signals` share as the start of theirs: each page is one indexed range read in each of the
/// four tables. The page's
/// mentions and signals are matched to its comments by key in a dictionary, never by comparing keys in Swift, so
/// the database's collation (PostgreSQL's may not be byte order) decides the order alone.
///
/// A stored row gives the same observation as the run's result did: labels, scores (summed in units of 1/10,000,
/// which the stored doubles keep exactly), the dimensions and aspects mentioned and the signal values, and the passthrough
/// fields from the stored `fields` object (a repeated name's first value, as `Observation.field` reads it).
struct StoredObservations {
    let executor: any SQLExecutor
    /// The passthrough fields aggregation reads (group-by, date and rating columns); empty: `fields` is not read.
    let fieldNames: Set<String>
    let pageSize: Int

    /// 4,096 comments a page: four queries a page, a few MB of rows at most.
    static let standardPageSize = 4_096

    init(executor: any SQLExecutor, options: AggregationOptions, pageSize: Int = standardPageSize) {
        precondition(pageSize >= 1, "pages of one comment or more")
        self.executor = executor
        self.pageSize = pageSize
        fieldNames = Set(options.groupBy + [options.dateColumn, options.npsColumn, options.csatColumn,
                                            options.cesColumn].compactMap { $0 })
    }

    private struct Key: Hashable {
        var source: String
        var key: String
    }

    /// Calls `body` with every stored comment's observation, in key order.
    func forEach(_ body: (Observation) throws -> Void) throws {
        let dialect = executor.dialect
        let (p1, p2, p3, p4) = (dialect.placeholder(1), dialect.placeholder(2), dialect.placeholder(3),
                                dialect.placeholder(4))
        let columns = "source, comment_key, label, score" + (fieldNames.isEmpty ? "" : ", fields")
        let order = " ORDER BY source, comment_key LIMIT \(pageSize)"
        let firstPage = "SELECT \(columns) FROM comments" + order
        let nextPage = "SELECT \(columns) FROM comments WHERE (source, comment_key) > (\(p1), \(p2))" + order
        let inPage = " WHERE (source, comment_key) >= (\(p1), \(p2)) AND (source, comment_key) <= (\(p3), \(p4))"
        let mentionsOfPage = "SELECT source, comment_key, dimension, label, score FROM dimension_mentions" + inPage
        let signalsOfPage = "SELECT source, comment_key, signal, value FROM signals" + inPage
        let aspectsOfPage = "SELECT source, comment_key, aspect, label, score FROM aspect_mentions" + inPage

        var last: [SQLValue]?
        while true {
            let page = try executor.query(last == nil ? firstPage : nextPage, last ?? [])
            guard let first = page.first, let end = page.last else { return }
            let range = [first[0], first[1], end[0], end[1]]
            var mentions = [Key: [Observation.Mention]]()
            for row in try executor.query(mentionsOfPage, range) {
                // A dimension this version of Rater does not know (no run writes one) has no aggregate row.
                guard let dimension = ServiceDimension(rawValue: try text(row, 2, "dimension_mentions", "dimension"))
                else { continue }
                let mention = Observation.Mention(
                    dimension: dimension, label: try label(row, 3, "dimension_mentions"),
                    score: try number(row, 4, "dimension_mentions", "score"))
                mentions[try key(row, "dimension_mentions"), default: []].append(mention)
            }
            var aspects = [Key: [Observation.AspectMention]]()
            for row in try executor.query(aspectsOfPage, range) {
                // An aspect this version of Rater does not know (no run writes one) has no aggregate row.
                guard let aspect = Aspect(rawValue: try text(row, 2, "aspect_mentions", "aspect")) else { continue }
                let mention = Observation.AspectMention(
                    aspect: aspect, label: try label(row, 3, "aspect_mentions"),
                    score: try number(row, 4, "aspect_mentions", "score"))
                aspects[try key(row, "aspect_mentions"), default: []].append(mention)
            }
            var signals = [Key: [String]]()
            for row in try executor.query(signalsOfPage, range) {
                let name = try text(row, 2, "signals", "signal") + "." + text(row, 3, "signals", "value")
                signals[try key(row, "signals"), default: []].append(name)
            }
            for row in page {
                let key = try key(row, "comments")
                try body(Observation(
                    label: try label(row, 2, "comments"), score: try number(row, 3, "comments", "score"),
                    mentions: mentions[key] ?? [], aspects: aspects[key] ?? [], signals: (signals[key] ?? []).sorted(),
                    fields: fieldNames.isEmpty ? [] : try fields(row, 4)))
            }
            guard page.count == pageSize else { return }
            last = [end[0], end[1]]
        }
    }

    private func text(_ row: [SQLValue], _ column: Int, _ table: String, _ name: String) throws -> String {
        guard column < row.count, case let .text(value) = row[column] else {
            throw DatabaseError.unexpectedValue(table: table, column: name,
                                                value: column < row.count ? "\(row[column])" : "nothing")
        }
        return value
    }

    private func key(_ row: [SQLValue], _ table: String) throws -> Key {
        Key(source: try text(row, 0, table, "source"), key: try text(row, 1, table, "comment_key"))
    }

    private func label(_ row: [SQLValue], _ column: Int, _ table: String) throws -> SentimentLabel {
        let value = try text(row, column, table, "label")
        guard let label = SentimentLabel(rawValue: value) else {
            throw DatabaseError.unexpectedValue(table: table, column: "label", value: value)
        }
        return label
    }

    private func number(_ row: [SQLValue], _ column: Int, _ table: String, _ name: String) throws -> Double {
        guard column < row.count, let value = row[column].double else {
            throw DatabaseError.unexpectedValue(table: table, column: name,
                                                value: column < row.count ? "\(row[column])" : "nothing")
        }
        return value
    }

    /// The fields aggregation reads, from the stored JSON object: a name that repeats is stored as an array of its
    /// values, whose first is the one `Observation.field` would have found.
    private func fields(_ row: [SQLValue], _ column: Int) throws -> [Field] {
        let json = try text(row, column, "comments", "fields")
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            throw DatabaseError.unexpectedValue(table: "comments", column: "fields", value: String(json.prefix(80)))
        }
        var fields = [Field]()
        for name in fieldNames {
            if let value = object[name] as? String {
                fields.append(Field(name, value))
            } else if let value = (object[name] as? [Any])?.first as? String {
                fields.append(Field(name, value))
            }
        }
        return fields
    }
}
