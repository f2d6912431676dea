import RaterAggregate
import RaterCore
import RaterSinks

/// Writes one run's rows into one SQLite database, through staging tables once a comment keyed by its text's digest
/// comes: from then on the comments, dimension and aspect mentions and signals go into staging tables with no
/// index as they come (in a database attached for the transaction and thrown away with it), and `finish()` merges
/// them into Rater's tables in key order, in a few statements. The rows that end up in the database are the ones `RunWriter`
/// would write.
///
/// Why: a comment keyed by its text's digest lands at a random place in the primary keys of `comments`,
/// `dimension_mentions`, `aspect_mentions` and `signals`. Once those outgrow SQLite's page cache, every row written
/// one at a time reads a page back and writes it out again, and a 1 GB export of plain text took 20 minutes against 1.5 without a
/// database. Merged in key order, the primary keys' pages are written once per run, and the sorting is SQLite's
/// own, in bounded memory and temporary files (see "Databases" in the README for where those go).
///
/// Comments with export ids that come before the first digest-keyed one (an export with an id column: all of them)
/// are written at once, row by row, by a `RunWriter`: their ids mostly come in order, so each lands next to the one
/// before, and staging them only added the copy (the 100 MB mixed CSV took 12% longer staged, 19% on a rerun).
///
/// Staged keys are assigned in the merge: a comment with an export id keeps it; one without is keyed by the digest
/// of its text, `#2`, `#3` … for its repeats in the same source, numbered in input order by a window function over
/// the staged rows, after the text's occurrences in the records an incremental run skipped (staged with each
/// comment, from `SkippedTexts`). That needs no count in memory (`RunWriter` keeps a `RepeatCounter` and asks the
/// database when it has forgotten), so `write(_:)` returns no key once staging has begun.
public final class StagedRunWriter: RunRowWriter {
    public let runID: String
    public let executor: any SQLExecutor
    let timestamp: String
    private var comments: PendingRows
    private var dimensions: PendingRows
    private var aspects: PendingRows
    private var signals: PendingRows
    /// The staged comment's number, in input order: what its mentions and signals refer to, and what orders repeats.
    private var sequence = 0
    /// The sources of the staged comments: only their rows can be replaced. Sources come in long runs (an export is
    /// one source), so each comment compares its source with the last one's.
    private var stagedSources = Set<String>()
    private var lastStagedSource: String?
    private var finished = false
    private let upsertRejection: String
    /// Writes the comments that come before the first one keyed by a digest; nil once staging has begun.
    private var direct: RunWriter?

    /// The staging tables, in the connection's staging database (`SQLiteConnection.stagingSchema`), which goes with
    /// its file when the transaction ends: Rater's columns, after the comment's number (`seq`) and, for comments,
    /// whether the key is a digest to number (`counted`), how many times its text occurred in the records of its
    /// source that the run skipped (`earlier`, which its number comes after; 0 but in an incremental run) and the
    /// dimensions and aspects it has mentions of (`dimensions`, `aspects`, bit `ordinal` for each; see
    /// `replacementStatements`). A comment's staged `comment_key` is its export id or its text's digest key without
    /// a number; mentions and signals take their comment's final key in the merge.
    static let stagedComments = Table(
        staging("comments"),
        columns: [Column("seq", .integer), Column("counted", .integer), Column("earlier", .integer),
                  Column("dimensions", .integer), Column("aspects", .integer)] + Schema.comments.columns,
        primaryKey: [])
    static let stagedDimensions = Table(
        staging("dimensions"), columns: [Column("seq", .integer)] + Schema.dimensionMentions.columns, primaryKey: [])
    static let stagedAspects = Table(
        staging("aspects"), columns: [Column("seq", .integer)] + Schema.aspectMentions.columns, primaryKey: [])
    static let stagedSignals = Table(
        staging("signals"), columns: [Column("seq", .integer)] + Schema.signals.columns, primaryKey: [])
    /// A staging table's name, qualified by the staging database's.
    static func staging(_ name: String) -> String { SQLiteConnection.stagingSchema + ".rater_staged_" + name }
    /// SQLite's page cache while the repeats are numbered, in KiB; see `finish()`.
    static let numberingCacheKiB = 8_192
    /// SQLite's page cache while the rows are merged and the unordered indexes built again, in KiB: each sort keeps
    /// up to this much in memory, and its helper as much again. Merges beside a larger table keep the writer's.
    static let mergeCacheKiB = 16_384
    /// Helper threads for SQLite's sorts in `finish()` (`PRAGMA threads`): the statement fills one list while a
    /// helper sorts and writes the last one, on the core the analysis' second worker had, idle by then. For the
    /// numbering always; for the merges when the unordered indexes are built again (`mergeCacheKiB`). On 100 MB
    /// of plain text, two runs each: the numbering 3.1 → 2.2 s, the comments' merge 3.8 → 2.9 s, the mentions'
    /// 5.9 → 4.5 s. A helper holds a list of its own, so the merges' cache went from 32 to 16 MiB: peak RSS 151 →
    /// 127 MB (with 32 MiB, 183 MB; with 8 MiB, as fast and no smaller). Two helpers were no faster.
    static let sortHelperThreads = 1

    /// The indexes of `comments` whose order the merge does not follow: `confidence` and `(source, record)` (input
    /// position) are at random next to the key, so each new row's entry lands on a page of its own. The others lead
    /// with a column that a run fills with few values (`label`, `lang`) or one (`run_id`, `analysed_at`), and the
    /// rowid that follows grows as the merge appends (a rerun visits its rows in the order an earlier merge appended
    /// them), so their entries are written in order.
    ///
    /// Building one again sorts the whole table's entries once. At 1 GB of plain text (6.7 million comments, a fresh
    /// database) the comments' merge took 172 s with them and 61 s without, and building both took 25 s: about
    /// 16.5 µs a new row written at random against 3.7 µs a stored row rebuilt (see `Benchmarks/ROUNDS.md`).
    static let unorderedIndexes: [TableIndex] = Schema.comments.indexes.filter {
        $0.columns == ["confidence"] || $0.columns == ["source", "record"]
    }
    /// Rebuild the unordered indexes when the table holds at most this many times the rows the run stages. From the
    /// costs above, building again pays while the table after the run is under about 4.5 times the run's new rows;
    /// 3 leaves room for a table that has outgrown the memory that caches its pages, where the rebuild reads it
    /// from disk. Nightly runs of one size into a fresh database rebuild them on the first four nights.
    static let rebuildRatio = 3

    /// Each staged comment's final key, and whether it is the last comment of the run under that key (the one whose
    /// rows are kept).
    static let keysTable = staging("keys")

    init(executor: any SQLExecutor, runID: String, timestamp: String, rowsPerStatement: Int = 32) {
        precondition(executor.dialect == .sqlite, "staging tables are in a database SQLite attaches")
        self.executor = executor
        self.runID = runID
        self.timestamp = timestamp
        upsertRejection = Schema.rejects.upsertStatement(.sqlite)
        comments = PendingRows(Self.stagedComments, dialect: .sqlite, rowsPerStatement: rowsPerStatement,
                               statement: .insert)
        dimensions = PendingRows(Self.stagedDimensions, dialect: .sqlite, rowsPerStatement: rowsPerStatement,
                                 statement: .insert)
        aspects = PendingRows(Self.stagedAspects, dialect: .sqlite, rowsPerStatement: rowsPerStatement,
                              statement: .insert)
        signals = PendingRows(Self.stagedSignals, dialect: .sqlite, rowsPerStatement: rowsPerStatement,
                              statement: .insert)
        // Row by row: a statement of several rows keeps a journal of the pages it changes, which SQLite sends to a
        // temporary file past 64 KiB (a few rows, with 16 KiB pages); one row needs none. The 100 MB mixed CSV:
        // 32 rows a statement 25.3–28.3 s with 8.5–9.6 s of system time, row by row 21.9–24.7 s with 2.4–2.8 s.
        direct = RunWriter(executor: executor, runID: runID, timestamp: timestamp, batching: .none)
    }

    /// Writes what the direct writer holds, then creates the staging tables.
    private func beginStaging() throws {
        try direct?.finish()
        direct = nil
        // The staging database is new with each transaction; this only guards against one whose detach failed.
        try dropStagingTables()
        for table in [Self.stagedComments, Self.stagedDimensions, Self.stagedAspects, Self.stagedSignals] {
            let columns = table.columns.map { "\($0.name) \($0.type.sql(.sqlite))" }
            try executor.execute("CREATE TABLE \(table.name) (" + columns.joined(separator: ", ") + ")", [])
        }
        try executor.execute(
            "CREATE TABLE \(Self.keysTable) (seq INTEGER PRIMARY KEY, source TEXT, comment_key TEXT, "
                + "latest INTEGER, dimensions INTEGER, aspects INTEGER)", [])
    }

    @discardableResult
    public func write(_ comment: StoredComment) throws -> String? {
        precondition(!finished, "a staged run is written before it finishes")
        let hasExportID = Rows.hasExportID(id: comment.id, source: comment.source, recordNumber: comment.recordNumber)
        if let direct {
            if hasExportID { return try direct.write(comment) }
            try beginStaging()
        }
        sequence += 1
        if comment.source != lastStagedSource {
            stagedSources.insert(comment.source)
            lastStagedSource = comment.source
        }
        let seq = SQLValue.integer(sequence)
        var key = comment.id
        var earlier = 0
        if !hasExportID {
            let hex = SHA256Digest.hex(of: comment.text)
            key = "sha256:" + hex
            earlier = try comment.skippedTexts.map { try $0.occurrences(of: SkippedTexts.Digest(hex: hex)!) } ?? 0
        }
        try comments.append(writingTo: executor) { row in
            row.add("seq", seq)
            row.add("counted", .integer(hasExportID ? 0 : 1))
            row.add("earlier", .integer(earlier))
            row.add("dimensions", .integer(Self.bits(comment.dimensions.lazy.map(\.dimension))))
            row.add("aspects", .integer(Self.bits(comment.aspects.lazy.map(\.aspect))))
            Rows.comment(comment, key: key, runID: runID, at: timestamp, into: &row)
        }
        for dimension in comment.dimensions {
            try dimensions.append(writingTo: executor) { row in
                row.add("seq", seq)
                Rows.dimension(dimension, source: comment.source, key: key, runID: runID, into: &row)
            }
        }
        for aspect in comment.aspects {
            try aspects.append(writingTo: executor) { row in
                row.add("seq", seq)
                Rows.aspect(aspect, source: comment.source, key: key, runID: runID, into: &row)
            }
        }
        for signal in comment.signals {
            let record = SignalRecord(source: comment.source, commentKey: key, signal: signal.value.kind.rawValue,
                                      value: signal.value.rawValue, evidenceJSON: signal.evidenceJSON)
            try signals.append(writingTo: executor) { row in
                row.add("seq", seq)
                Rows.signal(record, runID: runID, into: &row)
            }
        }
        return nil
    }

    public func write(_ rejection: Rejection) throws {
        try executor.execute(upsertRejection, Rows.rejection(rejection, runID: runID))
        try RatingAnswerRows.deleteAnswer(of: rejection, executor: executor)
    }

    public func write(_ answer: RatingOnlyAnswer) throws {
        try RatingAnswerRows.write(answer, runID: runID, at: timestamp, executor: executor)
    }

    /// From Rater's tables, at once: the staged rows are merged into them only when the run finishes, and none of
    /// them is the superseded record's (it comes first of its input, and a run reads an input once).
    public func delete(_ superseded: SupersededRecord) throws {
        precondition(!finished, "a staged run is written before it finishes")
        if let direct { return try direct.delete(superseded) }
        try SupersededRows.delete(superseded, executor: executor)
    }

    /// Merges the staged rows into Rater's tables (or writes what the direct writer holds, when nothing was staged).
    /// The staging tables stay until the transaction ends, when their database is detached.
    public func finish() throws {
        precondition(!finished, "a staged run finishes once")
        finished = true
        if let direct { return try direct.finish() }
        try comments.write(to: executor)
        try dimensions.write(to: executor)
        try aspects.write(to: executor)
        try signals.write(to: executor)
        // SQLite sorts with as much memory as the page cache may hold, per sort, and the numbering runs three sorts
        // at once: it runs with a smaller cache than the merges (see the README's "Databases"). Its sorts, and the
        // merges' when the indexes are built again, hand their full lists to a helper thread. The settings outlive a
        // rollback, so they are put back however this ends.
        let (numbering, merges) = (Self.mergeStatements[0], Self.mergeStatements.dropFirst())
        defer {
            try? executor.execute("PRAGMA threads = 0", [])
            try? executor.execute("PRAGMA cache_size = -\(SQLiteConnection.writerCacheKiB)", [])
        }
        try executor.execute("PRAGMA threads = \(Self.sortHelperThreads)", [])
        try executor.execute("PRAGMA cache_size = -\(Self.numberingCacheKiB)", [])
        try executor.execute(numbering, [])
        let rebuilt = try indexesToRebuild()
        if rebuilt.isEmpty {
            // Beside a table several times the run, the two unordered indexes are written at random, and a larger
            // cache keeps more of their pages: the settings measured before the helper thread came (see
            // `sortHelperThreads`), as the helper's list would take memory from the cache.
            try executor.execute("PRAGMA threads = 0", [])
            try executor.execute("PRAGMA cache_size = -\(SQLiteConnection.writerCacheKiB)", [])
        } else {
            try executor.execute("PRAGMA cache_size = -\(Self.mergeCacheKiB)", [])
        }
        let statistics = try drop(rebuilt)
        if try replacesStoredRows() {
            for statement in Self.replacementStatements { try executor.execute(statement, []) }
        }
        for statement in merges { try executor.execute(statement, []) }
        // After the merge, whose upserts noted the staged keys the direct writer had stored earlier in the run.
        try DuplicateKeys.createTable(executor)
        try executor.execute(DuplicateKeys.stagedStatement(keys: Self.keysTable, staged: Self.stagedComments.name), [])
        for index in rebuilt { try executor.execute(Schema.comments.createStatement(for: index), []) }
        for row in statistics {
            try executor.execute("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", row)
        }
    }

    /// Whether the tables hold comments of a source this run stages, whose mentions and signals the run may replace.
    /// A nightly export under a new file name holds none, and skips the look-ups.
    private func replacesStoredRows() throws -> Bool {
        try stagedSources.contains { source in
            try !executor.query("SELECT 1 FROM \(Schema.comments.name) WHERE source = ? LIMIT 1", [.text(source)])
                .isEmpty
        }
    }

    /// Drops `indexes` and returns what `ANALYZE` had recorded about them (`sqlite_stat1` rows, which `DROP INDEX`
    /// deletes), to be put back once they are built again: a dashboard that ran `ANALYZE` or `PRAGMA optimize`
    /// keeps its query plans. Their pages are freed without being zeroed first (Debian's SQLite zeroes every freed
    /// page, and journals it: as many bytes of WAL as the indexes hold); what they held is built again at once.
    private func drop(_ indexes: [TableIndex]) throws -> [[SQLValue]] {
        guard !indexes.isEmpty else { return [] }
        var statistics = [[SQLValue]]()
        if try !executor.query("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'", []).isEmpty {
            for index in indexes {
                statistics += try executor.query(
                    "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl = ? AND idx = ?",
                    [.text(Schema.comments.name), .text(index.name)])
            }
        }
        let secureDelete = try executor.query("PRAGMA main.secure_delete", []).first?.first?.int ?? 1
        try executor.execute("PRAGMA main.secure_delete = 0", [])
        defer { try? executor.execute("PRAGMA main.secure_delete = \(secureDelete)", []) }
        for index in indexes { try executor.execute("DROP INDEX IF EXISTS \(index.name)", []) }
        return statistics
    }

    /// The indexes of `comments` that the merge would write at random and that are cheaper to build again: all of
    /// `unorderedIndexes` when the table holds at most `rebuildRatio` times as many rows as the run stages, none
    /// otherwise. Dropped and created inside the run's transaction, so a reader never sees the table without them.
    ///
    /// The table's rows are counted by its largest rowid, a look-up rather than a scan: Rater never deletes comments,
    /// and an upsert keeps the row's rowid, so it is the count unless someone deleted rows by hand; then it counts
    /// more, and at worst keeps indexes a rebuild would have written faster: time lost, never rows.
    private func indexesToRebuild() throws -> [TableIndex] {
        let stored = try executor.query("SELECT coalesce(max(rowid), 0) FROM \(Schema.comments.name)", [])
        guard case .integer(let rows)? = stored.first?.first else { return [] }
        return Self.rebuildsIndexes(storedRows: rows, stagedRows: sequence) ? Self.unorderedIndexes : []
    }

    /// Whether a run that stages `stagedRows` comments into a table of `storedRows` builds the unordered indexes again.
    static func rebuildsIndexes(storedRows: Int, stagedRows: Int) -> Bool {
        stagedRows > 0 && storedRows <= rebuildRatio * stagedRows
    }

    private func dropStagingTables() throws {
        let names = [Self.stagedComments.name, Self.stagedDimensions.name, Self.stagedAspects.name,
                     Self.stagedSignals.name, Self.keysTable,
                     Self.replacedKeysTable, Self.signalKeysTable]
        for name in names {
            try executor.execute("DROP TABLE IF EXISTS \(name)", [])
        }
    }

    /// When the run writes keys the tables may hold (`replacesStoredRows()`), before the merge: the stored mentions
    /// (of dimensions and of aspects) and signals of the run's keys that the run does not write again are deleted. The merge updates the others in
    /// place.
    ///
    /// Why not delete all of the keys' rows and insert them again: in one transaction SQLite must read a page freed
    /// earlier in it before it reuses it, so the inserts read back every page the deletes had freed. Rerunning 1 GB
    /// of plain text into its own database, deleting the mentions took 72 s and inserting them again 320 s, against
    /// 70 s for the insert into a fresh database.
    ///
    /// Everything here goes in key order: the run's keys, and the keys of its staged signals, are first sorted into
    /// tables of their own (`WITHOUT ROWID`, so the key is the table), and the stored rows are read through the
    /// primary key's index alone (it holds the key with the dimension, or the signal and value). Looking the staged
    /// rows up by their comment's number instead, a random place for each stored row, took 96 s for the mentions and
    /// 67 s for the signals of that rerun.
    ///
    /// A comment's dimensions are few and known, so its key's row carries them as bits (`bits`) instead of a sorted
    /// table of the staged mentions' keys, whose sort took 30 s of the 75 s of this step at 1 GB; its aspects too.
    static let replacementStatements: [String] = {
        let keys = keysTable
        let inStoredSource = "EXISTS (SELECT 1 FROM \(Schema.comments.name) AS c WHERE c.source = k.source)"
        func sortedTable(_ name: String, _ columns: [String], values: [String] = []) -> String {
            "CREATE TABLE \(name) (" + (columns.map { "\($0) TEXT" } + values.map { "\($0) INTEGER" })
                .joined(separator: ", ")
                + ", PRIMARY KEY (" + columns.joined(separator: ", ") + ")) WITHOUT ROWID"
        }
        // Only the keys of sources the tables hold: of a run over two exports, one of them new, the new one's keys
        // would be sorted to find nothing.
        let fillReplaced = "INSERT INTO \(replacedKeysTable) SELECT source, comment_key, dimensions, aspects "
            + "FROM \(keys) AS k "
            + "WHERE latest AND \(inStoredSource) ORDER BY source, comment_key"
        // A signal may come twice in a comment's staged rows: one row is kept, whichever.
        func fillStaged(_ table: String, from staged: Table, _ columns: [String]) -> String {
            "INSERT OR IGNORE INTO \(table) SELECT k.source, k.comment_key, "
                + columns.map { "s.\($0)" }.joined(separator: ", ") + " FROM \(staged.name) AS s "
                + "JOIN \(keys) AS k ON k.seq = s.seq WHERE k.latest AND \(inStoredSource) ORDER BY 1, 2, "
                + columns.indices.map { "\($0 + 3)" }.joined(separator: ", ")
        }
        // One table and a row-value `IN`, whose list SQLite walks in its index's order: written as a join with the
        // keys, the statement read the whole table first (a Bloom filter) once `ANALYZE` had counted fewer rows in
        // it than SQLite guesses for the unanalysed keys.
        func stale(_ table: Table, staged: String, matching columns: [String]) -> String {
            let sameRow = (["source", "comment_key"] + columns).map { "s.\($0) = t.\($0)" }.joined(separator: " AND ")
            return "DELETE FROM \(table.name) AS t WHERE (source, comment_key) IN (SELECT source, comment_key "
                + "FROM \(replacedKeysTable)) AND NOT EXISTS (SELECT 1 FROM \(staged) AS s WHERE \(sameRow))"
        }
        // A stored mention is stale when its key's row lacks its dimension's (or aspect's) bit. Names Rater does
        // not know have no bit (`ELSE 0`): no run writes them.
        func staleMentions<Name: CaseOrdered & RawRepresentable<String>>(_ table: Table, _ column: String,
                                                                         _: Name.Type, bits: String) -> String {
            let bit = "CASE t.\(column) "
                + Name.allCases.map { "WHEN '\($0.rawValue)' THEN \(1 << $0.ordinal)" }.joined(separator: " ")
                + " ELSE 0 END"
            return "DELETE FROM \(table.name) AS t WHERE (source, comment_key) IN (SELECT source, comment_key FROM "
                + "\(replacedKeysTable)) AND ((SELECT r.\(bits) FROM \(replacedKeysTable) AS r WHERE r.source = t.source "
                + "AND r.comment_key = t.comment_key) & \(bit)) = 0"
        }
        return [
            sortedTable(replacedKeysTable, ["source", "comment_key"], values: ["dimensions", "aspects"]),
            fillReplaced,
            sortedTable(signalKeysTable, ["source", "comment_key", "signal", "value"]),
            fillStaged(signalKeysTable, from: stagedSignals, ["signal", "value"]),
            staleMentions(Schema.dimensionMentions, "dimension", ServiceDimension.self, bits: "dimensions"),
            staleMentions(Schema.aspectMentions, "aspect", Aspect.self, bits: "aspects"),
            stale(Schema.signals, staged: signalKeysTable, matching: ["signal", "value"]),
        ]
    }()

    /// The bits of a comment's dimensions (or aspects) for `replacementStatements`: bit `ordinal` for each.
    static func bits<Name: CaseOrdered>(_ names: some Sequence<Name>) -> Int {
        names.reduce(0) { $0 | 1 << $1.ordinal }
    }

    /// The run's keys that the tables may hold, with the dimensions and aspects their comments have mentions of, and
    /// the keys of
    /// their staged signals, in key order; see `replacementStatements`.
    static let replacedKeysTable = staging("replaced_keys")
    static let signalKeysTable = staging("signal_keys")

    /// The merge, in order: the keys; then the four tables in key order, each row after the earlier rows of its key
    /// so that the later one wins where a signal repeats, a stored row with the same key updated in place. Only the
    /// last comment under each key counts, as when each replaced the last.
    static let mergeStatements: [String] = {
        let keys = keysTable
        // The digest keys' numbers: the n-th comment with the same text in the same source is `#n` (the first has
        // none), counting the `earlier` occurrences of the records an incremental run skipped (the same for every
        // comment with that text in that source), as counting in memory would number them. Nothing else that came
        // before this run counts: the keys depend on the input alone.
        let numbering = """
            INSERT INTO \(keys) (seq, source, comment_key, latest, dimensions, aspects) \
            SELECT seq, source, comment_key, seq = max(seq) OVER (PARTITION BY source, comment_key), dimensions, \
            aspects FROM (SELECT seq, source, dimensions, aspects, \
            CASE WHEN counted = 0 OR earlier + row_number() OVER occurrences = 1 THEN comment_key \
            ELSE comment_key || '#' || (earlier + row_number() OVER occurrences) END AS comment_key \
            FROM \(stagedComments.name) \
            WINDOW occurrences AS (PARTITION BY source, comment_key, counted ORDER BY seq)) ORDER BY seq
            """
        func merge(_ table: Table, from staged: Table, orderedBy order: [String]) -> String {
            let values = table.columns.map { $0.name == "comment_key" ? "k.comment_key" : "s.\($0.name)" }
            // `WHERE` before `ON CONFLICT` keeps SQLite from reading the conflict clause as the join's `ON`.
            return "INSERT INTO \(table.name) (" + table.columnNames.joined(separator: ", ") + ") SELECT "
                + values.joined(separator: ", ") + " FROM \(staged.name) AS s JOIN \(keys) AS k ON k.seq = s.seq "
                + "WHERE k.latest ORDER BY " + order.joined(separator: ", ") + table.onConflictReplace(.sqlite)
        }
        return [
            numbering,
            merge(Schema.comments, from: stagedComments, orderedBy: ["s.source", "k.comment_key"]),
            merge(Schema.dimensionMentions, from: stagedDimensions,
                  orderedBy: ["s.source", "k.comment_key", "s.dimension", "s.rowid"]),
            merge(Schema.aspectMentions, from: stagedAspects,
                  orderedBy: ["s.source", "k.comment_key", "s.aspect", "s.rowid"]),
            merge(Schema.signals, from: stagedSignals,
                  orderedBy: ["s.source", "k.comment_key", "s.signal", "s.value", "s.rowid"]),
        ]
    }()
}
