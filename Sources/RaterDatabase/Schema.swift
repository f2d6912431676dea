/// The one description of Rater's tables, from which both drivers create their schema and their statements.
///
/// The README's "Database schema" section documents the same tables column by column; `SchemaTests` checks that
/// every column here is mentioned there.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The `n`-th (1-based) statement parameter.
    public func placeholder(_ n: Int) -> String {
        switch self {
        case .sqlite: return "?"
        case .postgres: return "$\(n)"
        }
    }
}

public enum ColumnType: Sendable {
    case text
    case integer
    case real
    /// JSON text. PostgreSQL's `json` (not `jsonb`) keeps the text as written, key order included.
    case json
    /// ISO-8601 UTC text (`2026-11-26T12:50:00.123Z`) in SQLite, `timestamptz` in PostgreSQL: both read as
    /// timestamps by Grafana, Metabase and Superset.
    case timestamp

    func sql(_ dialect: SQLDialect) -> String {
        switch (self, dialect) {
        case (.text, _): return "TEXT"
        case (.integer, .sqlite): return "INTEGER"
        case (.integer, .postgres): return "BIGINT"
        case (.real, .sqlite): return "REAL"
        case (.real, .postgres): return "DOUBLE PRECISION"
        case (.json, .sqlite): return "TEXT"
        case (.json, .postgres): return "JSON"
        case (.timestamp, .sqlite): return "TEXT"
        case (.timestamp, .postgres): return "TIMESTAMPTZ"
        }
    }
}

public struct Column: Sendable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool

    init(_ name: String, _ type: ColumnType, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

public struct TableIndex: Sendable {
    public var name: String
    public var columns: [String]
}

public struct Table: Sendable {
    public var name: String
    public var columns: [Column]
    public var primaryKey: [String]
    public var indexes: [TableIndex]

    init(_ name: String, columns: [Column], primaryKey: [String], indexes: [[String]] = []) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes.map { TableIndex(name: "\(name)_by_" + $0.joined(separator: "_"), columns: $0) }
    }

    public var columnNames: [String] { columns.map(\.name) }

    /// `CREATE TABLE IF NOT EXISTS` and its indexes. Names come from this file only, never from input.
    public func createStatements(_ dialect: SQLDialect) -> [String] {
        var definitions = columns.map { column in
            "\(column.name) \(column.type.sql(dialect))" + (column.nullable ? "" : " NOT NULL")
        }
        definitions.append("PRIMARY KEY (" + primaryKey.joined(separator: ", ") + ")")
        let statements = ["CREATE TABLE IF NOT EXISTS \(name) (\n    " + definitions.joined(separator: ",\n    ") + "\n)"]
        return statements + indexes.map(createStatement(for:))
    }

    /// `CREATE INDEX IF NOT EXISTS` for one of this table's indexes.
    func createStatement(for index: TableIndex) -> String {
        "CREATE INDEX IF NOT EXISTS \(index.name) ON \(name) (" + index.columns.joined(separator: ", ") + ")"
    }

    /// Insert a row, or replace every non-key column of the row with the same primary key. With `rows` above 1,
    /// the same for that many rows, their values one row after another: the rows must have different keys, as
    /// PostgreSQL refuses to change one row twice in a statement.
    public func upsertStatement(_ dialect: SQLDialect, rows: Int = 1) -> String {
        insertStatement(dialect, rows: rows) + onConflictReplace(dialect)
    }

    /// `INSERT` of `rows` rows, their values one row after another, with no conflict clause.
    func insertStatement(_ dialect: SQLDialect, rows: Int = 1) -> String {
        precondition(rows >= 1, "at least one row")
        let rowPlaceholders = (0..<rows).map { row in
            "(" + (1...columns.count).map { dialect.placeholder(row * columns.count + $0) }.joined(separator: ", ")
                + ")"
        }
        return "INSERT INTO \(name) (" + columnNames.joined(separator: ", ") + ") VALUES "
            + rowPlaceholders.joined(separator: ", ")
    }

    /// What makes an `INSERT` an upsert: every non-key column replaced on a key that is already there. In SQLite,
    /// `comments.run_id` is set through `DuplicateNotes`' function, which notes a row the same run wrote before.
    func onConflictReplace(_ dialect: SQLDialect) -> String {
        let notesDuplicates = dialect == .sqlite && name == Schema.comments.name
        let updates = columns.filter { !primaryKey.contains($0.name) }.map { column in
            guard notesDuplicates && column.name == "run_id" else { return "\(column.name) = excluded.\(column.name)" }
            return "run_id = \(DuplicateNotes.functionName)(\(name).run_id = excluded.run_id, \(name).source, "
                + "\(name).comment_key, \(name).record, \(name).line, excluded.run_id)"
        }
        return " ON CONFLICT (" + primaryKey.joined(separator: ", ") + ") DO UPDATE SET "
            + updates.joined(separator: ", ")
    }

    /// The values of a row in column order; a column missing from `values` is a programming error.
    func values(_ values: [String: SQLValue]) -> [SQLValue] {
        precondition(values.count == columns.count, "\(name): \(values.count) values for \(columns.count) columns")
        return columns.map { column in
            guard let value = values[column.name] else { preconditionFailure("\(name).\(column.name) has no value") }
            return value
        }
    }
}

/// Rater's tables.
public enum Schema {
    public static let runs = Table("runs", columns: [
        Column("id", .text),
        Column("started_at", .timestamp),
        Column("finished_at", .timestamp, nullable: true),
        Column("status", .text),
        Column("exit_code", .integer, nullable: true),
        Column("rater_version", .text),
        Column("lexicon_version", .text, nullable: true),
        Column("profile_version", .text, nullable: true),
        Column("read", .integer),
        Column("analysed", .integer),
        Column("rejected", .integer),
        Column("seconds", .real),
        Column("manifest", .json),
        // Last and nullable: databases made before them gain them by `ALTER TABLE … ADD COLUMN`
        // (`SchemaMigration`), and the runs already there were not counted.
        Column("duplicate_keys", .integer, nullable: true),
        Column("duplicates_replaced", .integer, nullable: true),
        // The grouping options the run made the `aggregates` table with (`StoredAggregates`): a run that would make
        // it under others is warned. Null for runs that made none, and for runs before it was recorded.
        Column("aggregation", .json, nullable: true),
        // Survey rows with a rating and no comment (`rating_answers`): read = analysed + rating_only + rejected.
        // Null for runs before they were counted, which rejected such rows as `empty_text`.
        Column("rating_only", .integer, nullable: true),
    ], primaryKey: ["id"], indexes: [["started_at"], ["status"]])

    /// Each input file a run stored comments of, by the name its rows are keyed by (`comments.source`), with the
    /// file's absolute path, links resolved: a later run that names the same file another way (`./x.csv`,
    /// `/data/x.csv`) stores its rows under this name instead of a second copy (`SourceNames`).
    public static let sources = Table("sources", columns: [
        Column("source", .text),
        Column("path", .text),
        Column("run_id", .text),
        Column("recorded_at", .timestamp),
    ], primaryKey: ["source"], indexes: [["path"]])

    public static let comments = Table("comments", columns: [
        Column("source", .text),
        Column("comment_key", .text),
        Column("id", .text),
        Column("record", .integer),
        Column("line", .integer, nullable: true),
        Column("lang", .text),
        Column("text", .text),
        Column("label", .text),
        Column("score", .real),
        Column("positive", .real),
        Column("negative", .real),
        Column("neutral", .real),
        Column("confidence", .real),
        Column("fields", .json),
        Column("explanation", .json),
        Column("run_id", .text),
        Column("analysed_at", .timestamp),
        // Last and nullable: databases made before them gain them by `ALTER TABLE … ADD COLUMN`
        // (`SchemaMigration`), and the comments already there say null (their profile was not stored).
        Column("profile", .text, nullable: true),
        Column("profile_version", .text, nullable: true),
        // The profile-weighted mean of the mentioned dimensions' scores: null when the comment mentions none.
        Column("service_score", .real, nullable: true),
        // What the score rests on (`EvidenceKind`: opinion, learned_only, none), for the review workspace's badge
        // and filter. Null for comments stored before it was recorded.
        Column("evidence_kind", .text, nullable: true),
    ], primaryKey: ["source", "comment_key"],
    // `confidence`: the review workspace's "low confidence first".
    indexes: [["label"], ["source", "record"], ["lang"], ["run_id"], ["analysed_at"], ["confidence"]])

    public static let dimensionMentions = Table("dimension_mentions", columns: [
        Column("source", .text),
        Column("comment_key", .text),
        Column("dimension", .text),
        Column("label", .text),
        Column("score", .real),
        Column("mentions", .integer),
        Column("evidence", .json),
        Column("run_id", .text),
    ], primaryKey: ["source", "comment_key", "dimension"], indexes: [["dimension", "label"], ["run_id"]])

    /// The non-RATER aspects (price, product, location) a comment speaks to, the same shape as
    /// `dimension_mentions` and written and replaced with it.
    public static let aspectMentions = Table("aspect_mentions", columns: [
        Column("source", .text),
        Column("comment_key", .text),
        Column("aspect", .text),
        Column("label", .text),
        Column("score", .real),
        Column("mentions", .integer),
        Column("evidence", .json),
        Column("run_id", .text),
    ], primaryKey: ["source", "comment_key", "aspect"], indexes: [["aspect", "label"], ["run_id"]])

    public static let signals = Table("signals", columns: [
        Column("source", .text),
        Column("comment_key", .text),
        Column("signal", .text),
        Column("value", .text),
        Column("evidence", .json),
        Column("run_id", .text),
    ], primaryKey: ["source", "comment_key", "signal", "value"], indexes: [["signal", "value"], ["run_id"]])

    public static let aggregates = Table("aggregates", columns: [
        Column("group_key", .text),
        Column("period", .text),
        Column("scope", .text),
        Column("groups", .json),
        Column("comments", .integer),
        Column("mentions", .integer),
        Column("positive", .integer),
        Column("negative", .integer),
        Column("neutral", .integer),
        Column("share_positive", .real, nullable: true),
        Column("share_negative", .real, nullable: true),
        Column("share_neutral", .real, nullable: true),
        Column("mean_score", .real, nullable: true),
        Column("net_sentiment", .real, nullable: true),
        Column("positive_low", .real, nullable: true),
        Column("positive_high", .real, nullable: true),
        Column("negative_low", .real, nullable: true),
        Column("negative_high", .real, nullable: true),
        Column("net_change", .real, nullable: true),
        Column("signal_rates", .json),
        Column("nps", .real, nullable: true),
        Column("nps_responses", .integer),
        Column("csat", .real, nullable: true),
        Column("csat_responses", .integer),
        Column("ces", .real, nullable: true),
        Column("ces_responses", .integer),
        Column("run_id", .text),
        Column("written_at", .timestamp),
    ], primaryKey: ["group_key", "period", "scope"],
    indexes: [["period", "scope"], ["scope", "group_key"], ["run_id"]])

    public static let rejects = Table("rejects", columns: [
        Column("source", .text),
        Column("record", .integer),
        Column("line", .integer, nullable: true),
        Column("byte_offset", .integer, nullable: true),
        Column("reason", .text),
        Column("message", .text),
        Column("raw", .text),
        Column("run_id", .text),
    ], primaryKey: ["source", "record"], indexes: [["reason"], ["run_id"]])

    /// Survey answers with a rating and no comment (`RatingOnlyAnswer`), one row per source and record as in
    /// `rejects` (`RatingAnswerRows`): the `aggregates` rebuild counts their ratings beside the stored comments'.
    public static let ratingAnswers = Table("rating_answers", columns: [
        Column("source", .text),
        Column("record", .integer),
        Column("line", .integer, nullable: true),
        Column("byte_offset", .integer, nullable: true),
        Column("fields", .json),
        Column("run_id", .text),
        Column("analysed_at", .timestamp),
    ], primaryKey: ["source", "record"], indexes: [["run_id"]])

    /// Analysts' corrections from the review workspace (`rater serve`), one row per action, never updated or
    /// deleted: the machine's rows above stay as the run wrote them, and a comment's reviewed state is its machine
    /// result with its corrections applied in `seq` order. `seq` is assigned inside the inserting transaction.
    ///
    /// `text_sha256` is what the correction judged: the SHA-256 (lower-case hex) of the comment's stored, normalised
    /// text when the analyst acted. A key is only a name, and a re-export may give it another text; a correction
    /// whose digest no longer matches is stale and is not applied. It and the columns after it are nullable and
    /// come last because databases made before them gain them by `ALTER TABLE … ADD COLUMN` (`SchemaMigration`), and
    /// their rows have none.
    ///
    /// `dimensions` is what an `accept` judged about the dimensions: the reviewed reading's `dimension:label` pairs
    /// (`tangibles:positive;assurance:negative`, empty for none) when the analyst accepted it. Without it, an accept
    /// judged whatever the machine says now, and a later run with other lexicons put its new dimensions into the
    /// gold file as judged. Null for the other actions and for accepts made before the column.
    ///
    /// `signal` names the signal a `set_signal` sets (`loyalty`); its value (`at_risk`) is in `value`, null for
    /// none (the analyst judged the comment carries no such signal).
    public static let corrections = Table("corrections", columns: [
        Column("seq", .integer),
        Column("source", .text),
        Column("comment_key", .text),
        Column("action", .text),
        Column("dimension", .text, nullable: true),
        Column("value", .text, nullable: true),
        Column("machine_label", .text),
        Column("machine_run_id", .text),
        Column("analyst", .text),
        Column("created_at", .timestamp),
        Column("note", .text, nullable: true),
        Column("text_sha256", .text, nullable: true),
        Column("dimensions", .text, nullable: true),
        Column("signal", .text, nullable: true),
    ], primaryKey: ["seq"], indexes: [["source", "comment_key"], ["created_at"], ["analyst"]])

    public static let tables = [runs, comments, dimensionMentions, aspectMentions, signals, aggregates, rejects,
                                corrections, sources, ratingAnswers]

    public static func createStatements(_ dialect: SQLDialect) -> [String] {
        tables.flatMap { $0.createStatements(dialect) } + appendOnlyGuards(dialect)
            + (dialect == .postgres ? DuplicateKeys.postgresTriggerStatements : [])
    }

    /// Triggers that make `corrections` append-only in the database itself, so no client (a script, a dashboard
    /// with write access, a bug in Rater) can rewrite who changed what. PostgreSQL needs version 14 for
    /// `CREATE OR REPLACE TRIGGER`.
    static func appendOnlyGuards(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            return ["UPDATE", "DELETE"].map { event in
                "CREATE TRIGGER IF NOT EXISTS corrections_append_only_\(event.lowercased()) BEFORE \(event) ON corrections "
                    + "BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END"
            }
        case .postgres:
            return [
                "CREATE OR REPLACE FUNCTION rater_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'corrections are append-only'; END $$",
                "CREATE OR REPLACE TRIGGER corrections_append_only BEFORE UPDATE OR DELETE ON corrections "
                    + "FOR EACH ROW EXECUTE FUNCTION rater_corrections_append_only()",
            ]
        }
    }
}
