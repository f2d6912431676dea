import Foundation
import RaterCore

/// Reads stored comments back as `CommentResult`s (round-trip tests, `rater report --db`), with their dimension and
/// aspect mentions and their signals (`StoredComments` pages them), and the stored rating-only answers.
///
/// Passthrough fields come back in name order: the `fields` column is a JSON object, whose key order PostgreSQL's
/// `json` keeps but JSON parsers do not promise.
public enum DatabaseReader {
    /// Comments or answers a page when reading a database whole: as many as the `aggregates` rebuild pages.
    public static let standardPageSize = StoredObservations.standardPageSize

    /// Every stored comment, in source and record order (round-trip tests). It holds the whole database in memory:
    /// what reads a database of any size (`rater report --db`) calls `forEachComment(in:pageSize:_:)`.
    public static func comments(in database: any DatabaseConnection) throws -> [CommentResult] {
        var all = [CommentResult]()
        try forEachComment(in: database) { all.append($0) }
        return all.sorted { ($0.source, $0.recordNumber) < ($1.source, $1.recordNumber) }
    }

    /// Calls `body` with every stored comment, with its dimension and aspect mentions and its signals, a page at a
    /// time in key order (`source`, `comment_key`), so that memory is bounded by a page, not by the database: a
    /// report over a year of nightly runs must not need the year in memory.
    public static func forEachComment(in database: any DatabaseConnection,
                                      pageSize: Int = DatabaseReader.standardPageSize,
                                      _ body: (CommentResult) throws -> Void) throws {
        try forEachStored(in: database, pageSize: pageSize, comment: body, answer: { _ in })
    }

    /// Calls `body` with every stored rating-only answer with all its fields, a page at a time in key order.
    public static func forEachRatingAnswer(in database: any DatabaseConnection,
                                           pageSize: Int = DatabaseReader.standardPageSize,
                                           _ body: (RatingOnlyAnswer) throws -> Void) throws {
        try database.snapshot { executor in try forEachRatingAnswer(executor, pageSize: pageSize, body) }
    }

    /// Every stored comment, then every rating-only answer, all read from one snapshot of the database: what
    /// `rater report --db` and `--postgres` show is one state of the database, even while a nightly run commits.
    public static func forEachStored(in database: any DatabaseConnection,
                                     pageSize: Int = DatabaseReader.standardPageSize,
                                     comment: (CommentResult) throws -> Void,
                                     answer: (RatingOnlyAnswer) throws -> Void) throws {
        try database.snapshot { executor in
            try StoredComments(executor: executor, pageSize: pageSize).forEach(comment)
            try forEachRatingAnswer(executor, pageSize: pageSize, answer)
        }
    }

    private static func forEachRatingAnswer(_ executor: any SQLExecutor, pageSize: Int,
                                            _ body: (RatingOnlyAnswer) throws -> Void) throws {
        guard try SchemaMigration.hasColumn("fields", in: Schema.ratingAnswers.name, executor) else { return }
        try StoredRatingAnswers(executor: executor, fieldNames: nil, pageSize: pageSize).forEach(body)
    }

    /// The stored survey answers with a rating and no comment (`rating_answers`), in key order: `rater report --db`
    /// counts their ratings as the `aggregates` rebuild does. None in a database made before they were stored.
    public static func ratingAnswers(in database: any DatabaseConnection) throws -> [RatingOnlyAnswer] {
        var all = [RatingOnlyAnswer]()
        try forEachRatingAnswer(in: database) { all.append($0) }
        return all
    }

    /// The `fields` column (a JSON object) as fields in name order; repeated fields (JSON arrays) as one field per
    /// value. A missing or unreadable object gives no fields.
    public static func fields(_ value: SQLValue) -> [Field] {
        let object = (try? JSONSerialization.jsonObject(with: Data((value.string ?? "{}").utf8))) as? [String: Any] ?? [:]
        return object.keys.sorted().flatMap { name -> [Field] in
            if let values = object[name] as? [String] { return values.map { Field(name, $0) } }
            return [Field(name, object[name] as? String ?? "")]
        }
    }

    /// The `explanation` column's objects as terms; a term stored before `source` and `learned` were recorded has
    /// neither (no file named, not learned).
    public static func terms(_ array: [[String: Any]]) -> [TermExplanation] {
        array.map { term in
            TermExplanation(term: term["term"] as? String ?? "", base: (term["base"] as? NSNumber)?.doubleValue ?? 0,
                            rules: term["rules"] as? [String] ?? [], weight: (term["weight"] as? NSNumber)?.doubleValue ?? 0,
                            source: term["source"] as? String,
                            isLearned: (term["learned"] as? NSNumber).map { $0.isJSONBoolean && $0.boolValue } ?? false)
        }
    }

    /// An `evidence` column's objects as cue and clause.
    public static func evidence(_ array: [[String: Any]]) -> [(cue: String, clause: String)] {
        array.map { (cue: $0["cue"] as? String ?? "", clause: $0["clause"] as? String ?? "") }
    }

    /// An `evidence` column's objects as cue, clause and negator (aspects' and signals' evidence).
    public static func cueEvidence(_ array: [[String: Any]]) -> [CueEvidence] {
        array.map { CueEvidence(cue: $0["cue"] as? String ?? "", clause: $0["clause"] as? String ?? "",
                                negator: $0["negator"] as? String) }
    }

    /// A JSON-array column, or an error naming the table and column when it is not one.
    public static func jsonArray(_ value: SQLValue, table: String, column: String) throws -> [[String: Any]] {
        guard let text = value.string,
              let array = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] else {
            throw DatabaseError.unexpectedValue(table: table, column: column, value: value.description)
        }
        return array
    }
}
