import Foundation
import RaterCore
import RaterDatabase

/// The workspace's reads and its one kind of write (appending a correction), over a results database written by
/// `rater analyze --db` (SQLite, or PostgreSQL when shared).
///
/// Every value reaches SQL as a bound parameter; the only text spliced into statements is column and table names
/// from Rater's own schema and the fixed fragments below. Access is serialised with a lock: `DatabaseConnection`s
/// are not safe to share between threads (libpq's is not), and a review workspace serves a handful of analysts,
/// so one statement at a time costs nothing noticeable.
public final class ReviewStore: @unchecked Sendable {
    private let connection: any DatabaseConnection
    private let lock = NSLock()
    /// The passthrough column holding each comment's date, when there is one (for the date filter).
    public let dateColumn: String?
    /// Passthrough columns seen in the comments (for the group filter), sorted.
    public let groupColumns: [String]

    /// Opens the workspace over `connection`, adding the corrections table (and its append-only triggers) to a
    /// database written before it existed. `dateColumn` names the date field; nil picks a common name if present.
    public init(connection: any DatabaseConnection, dateColumn: String? = nil) throws {
        self.connection = connection
        try connection.createSchema()
        let columns = try Self.fieldNames(connection)
        groupColumns = columns
        if let dateColumn {
            self.dateColumn = dateColumn
        } else {
            let common = ["date", "created_at", "created", "timestamp", "time", "日期", "时间", "评论时间"]
            self.dateColumn = common.first { name in columns.contains { $0.lowercased() == name } }
                .flatMap { name in columns.first { $0.lowercased() == name } }
        }
    }

    private func withConnection<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }

    // MARK: Listing

    /// One page of the comments matching `filter`, with the total count for the pager.
    public func page(_ filter: ReviewFilter, pageSize: Int = ReviewLimits.pageSize) throws -> ReviewPageData {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let condition = try whereClause(filter, &parameters)
                let total = try executor.query("SELECT COUNT(*) FROM comments c WHERE " + condition,
                                               parameters.values).first?.first?.int ?? 0
                let order = filter.order == .lowConfidence
                    ? "c.confidence ASC, c.source, c.record" : "c.source, c.record"
                let limit = parameters.add(.integer(pageSize))
                let offset = parameters.add(.integer((filter.page - 1) * pageSize))
                let rows = try executor.query("SELECT " + Self.commentColumns + " FROM comments c WHERE " + condition
                    + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset, parameters.values)
                let comments = try rows.map { try details(Self.comment(from: $0), executor) }
                return ReviewPageData(comments: comments, total: total, page: filter.page, pageSize: pageSize)
            }
        }
    }

    /// One comment with its details, or nil when the database has no such comment.
    public func comment(source: String, key: String) throws -> ReviewComment? {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let sql = "SELECT " + Self.commentColumns + " FROM comments c WHERE c.source = "
                    + parameters.add(source) + " AND c.comment_key = " + parameters.add(key)
                guard let row = try executor.query(sql, parameters.values).first else { return nil }
                return try details(Self.comment(from: row), executor)
            }
        }
    }

    /// How many comments there are, and how many have at least one correction.
    public func progress() throws -> (comments: Int, reviewed: Int) {
        try withConnection { connection in
            try connection.read { executor in
                let comments = try executor.query("SELECT COUNT(*) FROM comments", []).first?.first?.int ?? 0
                let reviewed = try executor.query(
                    "SELECT COUNT(*) FROM (SELECT DISTINCT source, comment_key FROM corrections) r", []
                ).first?.first?.int ?? 0
                return (comments, reviewed)
            }
        }
    }

    // MARK: Corrections

    /// Appends one correction and returns it as stored. The comment must exist; the machine's label and run are
    /// recorded beside the analyst's action.
    @discardableResult
    public func record(_ request: CorrectionRequest, at date: Date = Date()) throws -> Correction {
        try request.validate()
        return try withConnection { connection in
            try connection.transaction { executor in
                var lookup = SQLParameters(executor.dialect)
                let sql = "SELECT label, run_id FROM comments WHERE source = " + lookup.add(request.source)
                    + " AND comment_key = " + lookup.add(request.commentKey)
                guard let row = try executor.query(sql, lookup.values).first,
                      let machineLabel = row[0].string.flatMap(SentimentLabel.init(rawValue:)) else {
                    throw ReviewError.unknownComment(source: request.source, key: request.commentKey)
                }
                // Inside the write transaction, so two analysts saving at once still get distinct numbers (SQLite
                // serialises writers; on PostgreSQL a clash fails on the primary key instead of overwriting).
                let seq = (try executor.query("SELECT COALESCE(MAX(seq), 0) FROM corrections", []).first?.first?.int ?? 0) + 1
                let correction = Correction(
                    seq: seq, source: request.source, commentKey: request.commentKey, action: request.action,
                    dimension: request.dimension, value: request.value, machineLabel: machineLabel,
                    machineRunID: row[1].string ?? "",
                    analyst: request.analyst.trimmingCharacters(in: .whitespacesAndNewlines),
                    createdAt: Rows.timestamp(date), note: request.note)
                var insert = SQLParameters(executor.dialect)
                let values: [SQLValue] = [
                    .integer(correction.seq), .text(correction.source), .text(correction.commentKey),
                    .text(correction.action.rawValue), SQLValue(correction.dimension?.rawValue),
                    SQLValue(correction.value?.rawValue), .text(correction.machineLabel.rawValue),
                    .text(correction.machineRunID), .text(correction.analyst), .text(correction.createdAt),
                    SQLValue(correction.note),
                ]
                let placeholders = values.map { insert.add($0) }.joined(separator: ", ")
                try executor.execute("INSERT INTO corrections (" + Schema.corrections.columnNames.joined(separator: ", ")
                                     + ") VALUES (" + placeholders + ")", insert.values)
                return correction
            }
        }
    }

    /// The audit trail, newest first.
    public func corrections(limit: Int = 200, offset: Int = 0) throws -> [Correction] {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let sql = "SELECT " + Self.correctionColumns + " FROM corrections ORDER BY seq DESC LIMIT "
                    + parameters.add(.integer(limit)) + " OFFSET " + parameters.add(.integer(offset))
                return try executor.query(sql, parameters.values).map(Self.correction(from:))
            }
        }
    }

    /// Every reviewed comment with its reviewed reading, in source order: the gold file's rows.
    public func reviewedComments() throws -> [ReviewComment] {
        try withConnection { connection in
            try connection.read { executor in
                let rows = try executor.query("SELECT " + Self.commentColumns + " FROM comments c WHERE EXISTS ("
                    + "SELECT 1 FROM corrections k WHERE k.source = c.source AND k.comment_key = c.comment_key)"
                    + " ORDER BY c.source, c.record", [])
                return try rows.map { try details(Self.comment(from: $0), executor) }
            }
        }
    }

    // MARK: Query pieces

    /// The label after corrections, in SQL: the last label or accept, else the machine's.
    private static let reviewedLabel = "COALESCE((SELECT k.value FROM corrections k WHERE k.source = c.source AND "
        + "k.comment_key = c.comment_key AND k.action IN ('label', 'accept') ORDER BY k.seq DESC LIMIT 1), c.label)"

    private func whereClause(_ filter: ReviewFilter, _ parameters: inout SQLParameters) throws -> String {
        var conditions = ["1 = 1"]
        let dialect = parameters.dialect
        if let label = filter.label {
            conditions.append(Self.reviewedLabel + " = " + parameters.add(label.rawValue))
        }
        if let dimension = filter.dimension {
            // Present after corrections: the last add/remove for the dimension decides; without one, the machine's
            // mention does.
            let last = "(SELECT k.action FROM corrections k WHERE k.source = c.source AND k.comment_key = c.comment_key"
                + " AND k.dimension = " + parameters.add(dimension.rawValue)
                + " AND k.action IN ('add_dimension', 'remove_dimension') ORDER BY k.seq DESC LIMIT 1)"
            let machine = "(CASE WHEN EXISTS (SELECT 1 FROM dimension_mentions d WHERE d.source = c.source AND "
                + "d.comment_key = c.comment_key AND d.dimension = " + parameters.add(dimension.rawValue)
                + ") THEN 'add_dimension' ELSE 'remove_dimension' END)"
            conditions.append("COALESCE(" + last + ", " + machine + ") = 'add_dimension'")
        }
        if let signal = filter.signal {
            var condition = "EXISTS (SELECT 1 FROM signals s WHERE s.source = c.source AND s.comment_key = c.comment_key"
                + " AND s.signal = " + parameters.add(signal.rawValue)
            if let value = filter.signalValue { condition += " AND s.value = " + parameters.add(value.rawValue) }
            conditions.append(condition + ")")
        }
        if let column = filter.groupColumn {
            guard groupColumns.contains(column) else { throw ReviewError.invalidFilter("no column '\(column)' in the comments") }
            let field = Self.field(column, dialect, &parameters)
            if let value = filter.groupValue {
                conditions.append(field + " = " + parameters.add(value))
            } else {
                conditions.append(field + " IS NOT NULL")
            }
        }
        if filter.dateFrom != nil || filter.dateTo != nil {
            guard let dateColumn else {
                throw ReviewError.invalidFilter("the comments have no date column (start the server with --date-column)")
            }
            // ISO dates compare as text; slashes (2026/11/26) are read as dashes.
            for (bound, comparison) in [(filter.dateFrom, ">="), (filter.dateTo, "<=")] {
                guard let bound else { continue }
                let day = "substr(replace(" + Self.field(dateColumn, dialect, &parameters) + ", '/', '-'), 1, 10)"
                conditions.append(day + " " + comparison + " " + parameters.add(bound))
            }
        }
        if let search = filter.search {
            let function = dialect == .sqlite ? "instr" : "strpos"
            conditions.append(function + "(lower(c.text), lower(" + parameters.add(search) + ")) > 0")
        }
        if let review = filter.review {
            conditions.append((review == .reviewed ? "" : "NOT ") + "EXISTS (SELECT 1 FROM corrections k WHERE "
                + "k.source = c.source AND k.comment_key = c.comment_key)")
        }
        return conditions.joined(separator: " AND ")
    }

    /// A passthrough field's value as text (the column name is a bound parameter too).
    ///
    /// On SQLite the name is compared as a key, never written into a JSON path: SQLite's path parser ends a quoted
    /// label at the first `"` whatever the escaping, so a column named `a"b` matched nothing. PostgreSQL's `->>`
    /// takes the key as it is.
    private static func field(_ name: String, _ dialect: SQLDialect, _ parameters: inout SQLParameters) -> String {
        switch dialect {
        case .sqlite:
            return "(SELECT j.value FROM json_each(c.fields) j WHERE j.key = " + parameters.add(name) + " LIMIT 1)"
        case .postgres:
            return "(c.fields ->> CAST(" + parameters.add(name) + " AS TEXT))"
        }
    }

    private static let commentColumns = "c.source, c.comment_key, c.id, c.record, c.lang, c.text, c.label, c.score, "
        + "c.confidence, c.fields, c.explanation, c.run_id"

    private static let correctionColumns = "seq, source, comment_key, action, dimension, value, machine_label, "
        + "machine_run_id, analyst, created_at, note"

    private static func comment(from row: [SQLValue]) throws -> ReviewComment {
        guard let label = row[6].string.flatMap(SentimentLabel.init(rawValue:)) else {
            throw DatabaseError.unexpectedValue(table: "comments", column: "label", value: row[6].description)
        }
        let terms = DatabaseReader.terms(try DatabaseReader.jsonArray(row[10], table: "comments", column: "explanation"))
        let fields = DatabaseReader.fields(row[9])
        return ReviewComment(
            source: row[0].string ?? "", key: row[1].string ?? "", id: row[2].string ?? "", record: row[3].int ?? 0,
            language: row[4].string ?? "", text: row[5].string ?? "", machineLabel: label,
            score: row[7].double ?? 0, confidence: row[8].double ?? 0, terms: terms, fields: fields,
            runID: row[11].string ?? "", machineDimensions: [], signals: [], corrections: [])
    }

    private static func correction(from row: [SQLValue]) throws -> Correction {
        guard let action = row[3].string.flatMap(CorrectionAction.init(rawValue:)),
              let machineLabel = row[6].string.flatMap(SentimentLabel.init(rawValue:)) else {
            throw DatabaseError.unexpectedValue(table: "corrections", column: "action/machine_label",
                                                value: "\(row[3]) \(row[6])")
        }
        return Correction(
            seq: row[0].int ?? 0, source: row[1].string ?? "", commentKey: row[2].string ?? "", action: action,
            dimension: row[4].string.flatMap(ServiceDimension.init(rawValue:)),
            value: row[5].string.flatMap(SentimentLabel.init(rawValue:)), machineLabel: machineLabel,
            machineRunID: row[7].string ?? "", analyst: row[8].string ?? "", createdAt: row[9].string ?? "",
            note: row[10].string)
    }

    /// Adds the comment's dimension mentions, signals and corrections.
    private func details(_ comment: ReviewComment, _ executor: any SQLExecutor) throws -> ReviewComment {
        var comment = comment
        var parameters = SQLParameters(executor.dialect)
        let key = " WHERE source = " + parameters.add(comment.source) + " AND comment_key = " + parameters.add(comment.key)
        for row in try executor.query("SELECT dimension, label, score, mentions, evidence FROM dimension_mentions" + key,
                                      parameters.values) {
            guard let dimension = row[0].string.flatMap(ServiceDimension.init(rawValue:)),
                  let label = row[1].string.flatMap(SentimentLabel.init(rawValue:)) else { continue }
            let evidence = DatabaseReader.evidence(
                try DatabaseReader.jsonArray(row[4], table: "dimension_mentions", column: "evidence"))
            comment.machineDimensions.append(DimensionSummary(dimension: dimension, label: label,
                                                              score: row[2].double ?? 0, mentions: row[3].int ?? 0,
                                                              evidence: evidence))
        }
        comment.machineDimensions.sort { $0.dimension < $1.dimension }
        for row in try executor.query("SELECT signal, value, evidence FROM signals" + key, parameters.values) {
            guard let kind = row[0].string.flatMap(SignalKind.init(rawValue:)),
                  let value = row[1].string.flatMap(SignalValue.init(rawValue:)) else { continue }
            let cues = DatabaseReader.evidence(try DatabaseReader.jsonArray(row[2], table: "signals", column: "evidence"))
                .map(\.cue)
            comment.signals.append(.init(kind: kind, value: value, cues: cues))
        }
        comment.signals.sort { $0.kind < $1.kind }
        comment.corrections = try executor.query("SELECT " + Self.correctionColumns + " FROM corrections" + key
                                                 + " ORDER BY seq", parameters.values).map(Self.correction(from:))
        return comment
    }

    /// The passthrough field names in the comments (the first 10,000 comments are enough to find them).
    private static func fieldNames(_ connection: any DatabaseConnection) throws -> [String] {
        try connection.read { executor in
            let sql: String
            switch executor.dialect {
            case .sqlite:
                sql = "SELECT DISTINCT j.key FROM (SELECT fields FROM comments LIMIT 10000) c, json_each(c.fields) j"
            case .postgres:
                sql = "SELECT DISTINCT json_object_keys(c.fields) FROM (SELECT fields FROM comments LIMIT 10000) c"
            }
            return try executor.query(sql, []).compactMap { $0.first?.string }.sorted()
        }
    }
}

/// One page of the list.
public struct ReviewPageData: Sendable, Equatable {
    public var comments: [ReviewComment]
    public var total: Int
    public var page: Int
    public var pageSize: Int

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
