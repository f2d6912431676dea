/// Brings tables made by earlier versions of Rater to the current schema, inside `createSchema`'s transaction.
///
/// `CREATE TABLE IF NOT EXISTS` leaves an existing table as it is, so a change to a key needs a step of its own.
/// Each step looks at the database first and does nothing when it is already current.
enum SchemaMigration {
    static func run(_ executor: any SQLExecutor) throws {
        try keySignalsByValue(executor)
        try addCorrectionTextDigest(executor)
        // What an accept judged about the dimensions (`Schema.corrections`): earlier accepts say null.
        try addColumn("dimensions", .text, to: Schema.corrections.name, executor)
        // The signal a `set_signal` sets: older databases have no such corrections.
        try addColumn("signal", .text, to: Schema.corrections.name, executor)
        for column in ["duplicate_keys", "duplicates_replaced"] {
            try addColumn(column, .integer, to: Schema.runs.name, executor)
        }
        try addCommentProfile(executor)
        try addColumn("aggregation", .json, to: Schema.runs.name, executor)
        // `rating_answers` is new and made by `CREATE TABLE IF NOT EXISTS`; the runs before it counted none.
        try addColumn("rating_only", .integer, to: Schema.runs.name, executor)
        // What each comment's score rests on (`comments.evidence_kind`): the comments already there say null, and
        // the workspace shows them without a badge until a run writes them again.
        try addColumn("evidence_kind", .text, to: Schema.comments.name, executor)
        try relaxAggregateFigures(executor)
    }

    /// The sentiment figures of `aggregates` (shares, mean, net sentiment, intervals) were `NOT NULL`, and a row of
    /// a group or period whose only records are rating-only answers wrote them as 0, which a dashboard reads as "all
    /// neutral"; they are NULL there now (`AggregateRow.hasSentiment`). PostgreSQL drops the constraints in place;
    /// SQLite cannot, so the rows move to a table made with the current columns, as `keySignalsByValue` does, and
    /// the indexes are made again. The table is made again by every run anyway; its rows are kept so that a
    /// `rater serve` that opens an old database first leaves the dashboards their figures.
    static func relaxAggregateFigures(_ executor: any SQLExecutor) throws {
        let table = Schema.aggregates
        let relaxed = table.columns.filter(\.nullable).map(\.name)
        switch executor.dialect {
        case .sqlite:
            let strict = try executor.query("SELECT 1 FROM pragma_table_info('aggregates') WHERE name = ? AND \"notnull\" = 1",
                                            [.text("share_positive")])
            guard !strict.isEmpty else { return }
            try rebuildSQLiteTable(table, through: "aggregates_relaxed", executor)
        case .postgres:
            let strict = try executor.query("SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('aggregates') "
                                            + "AND attname = $1 AND attnotnull", [.text("share_positive")])
            guard !strict.isEmpty else { return }
            try executor.execute("ALTER TABLE aggregates "
                                 + relaxed.map { "ALTER COLUMN \($0) DROP NOT NULL" }.joined(separator: ", "), [])
        }
    }

    /// `comments.profile`, `profile_version` and `service_score` came after the table: a database made before them
    /// gets the columns, null for the comments already there, whose profile and service score were never stored
    /// (the next run that writes a comment again fills them in). The table those comments' aspects go in,
    /// `aspect_mentions`, is new and made by `CREATE TABLE IF NOT EXISTS`; it holds nothing for them either.
    static func addCommentProfile(_ executor: any SQLExecutor) throws {
        try addColumn("profile", .text, to: Schema.comments.name, executor)
        try addColumn("profile_version", .text, to: Schema.comments.name, executor)
        try addColumn("service_score", .real, to: Schema.comments.name, executor)
    }

    /// `corrections.text_sha256` (what a correction judged) came after the table: a database made before it gets the
    /// column, empty for the rows already there. Those rows cannot be given a digest afterwards (the table is
    /// append-only, and the text they judged may already have been replaced), so the review workspace treats them
    /// as it always did and lists them as `unverified`. `ADD COLUMN` of a nullable column without a default rewrites
    /// no row in either database, and fires no `UPDATE` trigger.
    static func addCorrectionTextDigest(_ executor: any SQLExecutor) throws {
        try addColumn("text_sha256", .text, to: Schema.corrections.name, executor)
    }

    /// Makes a SQLite table again as `table` now describes it (a key or a `NOT NULL` SQLite cannot change in place):
    /// its rows move to a table of the current columns named `temporary`, which takes the old one's name. Inside the
    /// migration's transaction, so a failure leaves the table as it was.
    ///
    /// What a dashboard author built on the table must survive it (SQLite's own procedure for such a change, "Making
    /// Other Kinds Of Table Schema Changes"):
    /// - a view that reads the table: since SQLite 3.26 `RENAME` checks every view and refuses while one names the
    ///   dropped table, so the rename runs with `legacy_alter_table` on, which leaves views as the text they are (they
    ///   name the table, which exists again under that name afterwards);
    /// - indexes and triggers on the table, Rater's and the user's, go with `DROP TABLE`: their SQL is read first and
    ///   run again afterwards. One that no longer fits the table fails the migration with its name, rather than
    ///   vanishing.
    static func rebuildSQLiteTable(_ table: Table, through temporary: String, _ executor: any SQLExecutor) throws {
        let rebuilt = Table(temporary, columns: table.columns, primaryKey: table.primaryKey)
        let columns = table.columnNames.joined(separator: ", ")
        let dependents = try executor.query("SELECT name, sql FROM sqlite_master WHERE tbl_name = ? "
                                            + "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
                                            [.text(table.name)])
            .compactMap { row in row.count == 2 ? row[1].string.map { (name: row[0].string ?? "", sql: $0) } : nil }
        let legacyRename = try executor.query("PRAGMA legacy_alter_table", []).first?.first?.int == 1
        try executor.execute("PRAGMA legacy_alter_table = ON", [])
        defer { try? executor.execute("PRAGMA legacy_alter_table = " + (legacyRename ? "ON" : "OFF"), []) }
        try executor.execute("DROP TABLE IF EXISTS \(temporary)", [])
        for statement in rebuilt.createStatements(.sqlite) { try executor.execute(statement, []) }
        try executor.execute("INSERT INTO \(temporary) (\(columns)) SELECT \(columns) FROM \(table.name)", [])
        try executor.execute("DROP TABLE \(table.name)", [])
        try executor.execute("ALTER TABLE \(temporary) RENAME TO \(table.name)", [])
        for dependent in dependents {
            do { try executor.execute(dependent.sql, []) } catch {
                throw DatabaseError.dependentNotRestored(table: table.name, name: dependent.name,
                                                         message: String(describing: error))
            }
        }
        for statement in table.createStatements(.sqlite) { try executor.execute(statement, []) }
    }

    /// Adds a nullable column that a table made by an earlier version lacks (`runs.duplicate_keys` and
    /// `runs.duplicates_replaced` too: the runs before them were not counted, and say null).
    static func addColumn(_ column: String, _ type: ColumnType, to table: String, _ executor: any SQLExecutor) throws {
        guard try !hasColumn(column, in: table, executor) else { return }
        // PostgreSQL: `IF NOT EXISTS` too, for a `rater serve` and a run that open an old database at once (the
        // second waits for the first's lock and would otherwise fail on the column the first added).
        try executor.execute("ALTER TABLE \(table) ADD COLUMN " + (executor.dialect == .postgres ? "IF NOT EXISTS " : "")
                             + column + " " + type.sql(executor.dialect), [])
    }

    /// Whether `table` exists and has `column`: what a reader that does not migrate (`rater report --db`,
    /// `DatabaseReader`) asks before it reads a column or table that databases made by earlier versions lack.
    /// `table` comes from `Schema`, never from input.
    static func hasColumn(_ column: String, in table: String, _ executor: any SQLExecutor) throws -> Bool {
        switch executor.dialect {
        case .sqlite:
            return try !executor.query("SELECT 1 FROM pragma_table_info('\(table)') WHERE name = ?",
                                       [.text(column)]).isEmpty
        case .postgres:
            // The table the name resolves to through the search path, as every other statement sees it (none: no
            // row).
            return try !executor.query("SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('\(table)') "
                                       + "AND attname = $1 AND NOT attisdropped", [.text(column)]).isEmpty
        }
    }

    /// `signals` was keyed by (`source`, `comment_key`, `signal`), so a comment whose result holds two values of one
    /// signal (recovered and unresolved, loyal and at risk: 4% of the signals of the English benchmark export) kept
    /// only the last one written. The key now includes `value`; the rows already stored fit it as they are.
    static func keySignalsByValue(_ executor: any SQLExecutor) throws {
        let table = Schema.signals
        switch executor.dialect {
        case .sqlite:
            let key = try executor.query("SELECT name FROM pragma_table_info('signals') WHERE pk > 0 ORDER BY pk", [])
                .compactMap { $0.first?.string }
            guard !key.isEmpty, key != table.primaryKey else { return }
            // SQLite cannot change a primary key in place: the rows move to a table made with the new one, and the
            // indexes, dropped with the old table, are made again.
            try rebuildSQLiteTable(table, through: "signals_rekeyed", executor)
        case .postgres:
            let rows = try executor.query("""
                SELECT c.conname, a.attname FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.conrelid = 'signals'::regclass AND c.contype = 'p'
                ORDER BY array_position(c.conkey, a.attnum)
                """, [])
            let key = rows.compactMap { $0.count > 1 ? $0[1].string : nil }
            guard let name = rows.first?.first?.string, key != table.primaryKey else { return }
            // A constraint's name cannot be a parameter; it is quoted as an identifier (its quotes doubled).
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            try executor.execute("ALTER TABLE signals DROP CONSTRAINT \(quoted), ADD PRIMARY KEY ("
                + table.primaryKey.joined(separator: ", ") + ")", [])
        }
    }
}
