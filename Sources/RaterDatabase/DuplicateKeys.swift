/// The keys that came more than once in one run, as the database saw them: the comment written last under a key
/// replaces the rows of the one before (upserts by key), so the database holds fewer comments of the run than the
/// run analysed. Counted, and the first few named, so that a nightly log says so instead of losing them quietly.
///
/// Why the database counts, not a set in memory: a run can hold millions of keys, and the database already knows
/// when a key was written earlier *in this run*, as the row it replaces carries the run's id. So:
///
/// - rows written as they come (`RunWriter`: PostgreSQL, and SQLite's comments with export ids before the first one
///   keyed by its text) are upserts, and the key is noted in a table of the run's duplicates (`tableName`) when
///   the replaced row's `run_id` is the new row's: in SQLite by a function the upsert calls (`DuplicateNotes`; a
///   trigger made every multi-row insert keep a statement journal), in PostgreSQL by an `UPDATE` trigger made with
///   the schema whose function writes only where the session made that table (another client's `UPDATE` is left
///   alone);
/// - rows a SQLite run staged are merged only the last under each key (`StagedRunWriter`), and the others are the
///   staged keys that are not the latest, found in the merge's own sort and added after it (`stagedStatement`).
///
/// The table holds one row per duplicated key (its first occurrence's record and line, and how many records were
/// replaced), so it grows with the duplicates, never with the run. It lives as long as the run's transaction.
public struct DuplicateKeys: Sendable, Equatable {
    /// Keys that came more than once in the run.
    public var keys = 0
    /// Records whose rows a later record of the run with the same key replaced: the run stored `analysed - replaced`
    /// comments.
    public var replaced = 0
    /// The first few duplicated keys, in the order they were found.
    public var examples: [Example] = []

    public struct Example: Sendable, Equatable {
        public var source: String
        public var key: String
        /// Where the key came first (nil when the format has no lines), and where the kept comment is.
        public var firstLine: Int?
        public var keptLine: Int?

        public init(source: String, key: String, firstLine: Int?, keptLine: Int?) {
            self.source = source
            self.key = key
            self.firstLine = firstLine
            self.keptLine = keptLine
        }
    }

    public init(keys: Int = 0, replaced: Int = 0, examples: [Example] = []) {
        self.keys = keys
        self.replaced = replaced
        self.examples = examples
    }

    /// How many keys `examples` holds at most.
    static let exampleCount = 5

    /// The run's table of duplicated keys: the connection's own in both (SQLite's `temp` schema, PostgreSQL's
    /// `pg_temp`), so a run never sees another's.
    static let tableName = "rater_duplicate_keys"

    /// Makes the run's table, empty, and (SQLite) the trigger that fills it; PostgreSQL's trigger comes with the
    /// schema (`postgresTriggerStatements`). Called at the start of each run's transaction.
    static func prepare(_ executor: any SQLExecutor) throws {
        try createTable(executor)
        switch executor.dialect {
        case .sqlite:
            // A rolled-back run's rows would stay in a table that outlives transactions. The keys are noted by the
            // upsert itself (`DuplicateNotes`), not a trigger: see there.
            try executor.execute("DELETE FROM temp.\(tableName)", [])
        case .postgres:
            try executor.execute("DELETE FROM pg_temp.\(tableName)", [])
        }
    }

    /// The run's table, if the connection does not have it yet (SQLite keeps it, as its `temp` schema lives as
    /// long as the connection; PostgreSQL drops it at the commit).
    static func createTable(_ executor: any SQLExecutor) throws {
        switch executor.dialect {
        case .sqlite:
            try executor.execute("CREATE TEMP TABLE IF NOT EXISTS \(tableName) (found INTEGER PRIMARY KEY, "
                + "source TEXT NOT NULL, comment_key TEXT NOT NULL, first_record INTEGER, first_line INTEGER, "
                + "replaced INTEGER NOT NULL, UNIQUE (source, comment_key))", [])
        case .postgres:
            try executor.execute("CREATE TEMP TABLE IF NOT EXISTS \(tableName) (found BIGSERIAL PRIMARY KEY, "
                + "source TEXT NOT NULL, comment_key TEXT NOT NULL, first_record BIGINT, first_line BIGINT, "
                + "replaced BIGINT NOT NULL, UNIQUE (source, comment_key)) ON COMMIT DROP", [])
        }
    }

    /// The trigger's statement: the replaced row is the key's first occurrence unless the key is noted already.
    /// (SQLite's triggers take neither a schema before the table, which a `TEMP` trigger finds in `temp` first, nor
    /// an alias; `replaced` alone is the stored row's.)
    private static func noteStatement(_ dialect: SQLDialect) -> String {
        let (table, old) = dialect == .sqlite ? (tableName, "old") : ("pg_temp.\(tableName) AS d", "OLD")
        return "INSERT INTO \(table) (source, comment_key, first_record, first_line, replaced) VALUES "
            + "(\(old).source, \(old).comment_key, \(old).record, \(old).line, 1) "
            + "ON CONFLICT (source, comment_key) DO UPDATE SET replaced = "
            + (dialect == .sqlite ? "replaced" : "d.replaced") + " + 1"
    }

    /// After a staged merge (`StagedRunWriter.finish`): the staged comments that were not the latest under their
    /// key, one row per key with its first occurrence's record and line, added to what the trigger noted (a key
    /// the direct writer stored earlier in the run keeps that first occurrence). `keys` is the merge's table of
    /// keys, `staged` the staged comments, whose rowid is their `seq` (inserted in order into a new table).
    static func stagedStatement(keys: String, staged: String) -> String {
        "INSERT INTO temp.\(tableName) (source, comment_key, first_record, first_line, replaced) "
            + "SELECT k.source, k.comment_key, s.record, s.line, k.replaced FROM (SELECT source, comment_key, "
            + "min(seq) AS seq, count(*) AS replaced FROM \(keys) WHERE NOT latest GROUP BY source, comment_key) AS k "
            + "JOIN \(staged) AS s ON s.rowid = k.seq WHERE s.seq = k.seq ORDER BY k.seq "
            + "ON CONFLICT (source, comment_key) DO UPDATE SET replaced = replaced + excluded.replaced"
    }

    /// PostgreSQL's trigger on `comments`, made with the schema. Its function writes only into a session that made
    /// the run's table (`prepare`): an `UPDATE` by another client that keeps `run_id` is not a duplicate of a run.
    static let postgresTriggerStatements = [
        "CREATE OR REPLACE FUNCTION rater_note_duplicate_key() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "IF to_regclass('pg_temp.\(tableName)') IS NOT NULL THEN " + noteStatement(.postgres) + "; END IF; "
            + "RETURN NULL; END $$",
        "CREATE OR REPLACE TRIGGER comments_note_duplicate_key AFTER UPDATE ON \(Schema.comments.name) "
            + "FOR EACH ROW WHEN (OLD.run_id = NEW.run_id) EXECUTE FUNCTION rater_note_duplicate_key()",
    ]

    /// What the run's table holds, once the writers have finished (the comments' rows are the kept ones).
    static func read(_ executor: any SQLExecutor) throws -> DuplicateKeys {
        let table = executor.dialect == .sqlite ? "temp.\(tableName)" : "pg_temp.\(tableName)"
        if let notes = (executor as? GRDBExecutor)?.notes?.drain(), !notes.isEmpty {
            // Rows written as they came precede the staged ones, so their first occurrence is the key's first.
            try createTable(executor)
            for note in notes {
                try executor.execute(
                    "INSERT INTO \(table) (source, comment_key, first_record, first_line, replaced) VALUES "
                        + "(?, ?, ?, ?, ?) ON CONFLICT (source, comment_key) DO UPDATE SET first_record = "
                        + "excluded.first_record, first_line = excluded.first_line, replaced = replaced + excluded.replaced",
                    [.text(note.source), .text(note.key), SQLValue(note.firstRecord), SQLValue(note.firstLine),
                     .integer(note.replaced)])
            }
        }
        let totals = try executor.query("SELECT count(*), coalesce(sum(replaced), 0) FROM \(table)", [])
        var result = DuplicateKeys(keys: totals.first?.first?.int ?? 0,
                                   replaced: totals.first.flatMap { $0.count > 1 ? $0[1].int : nil } ?? 0)
        guard result.keys > 0 else { return result }
        let rows = try executor.query(
            "SELECT d.source, d.comment_key, d.first_line, c.line FROM \(table) AS d LEFT JOIN "
                + "\(Schema.comments.name) AS c ON c.source = d.source AND c.comment_key = d.comment_key "
                + "ORDER BY d.found LIMIT \(exampleCount)", [])
        result.examples = rows.compactMap { row in
            guard row.count == 4, let source = row[0].string, let key = row[1].string else { return nil }
            return Example(source: source, key: key, firstLine: row[2].int, keptLine: row[3].int)
        }
        return result
    }
}
