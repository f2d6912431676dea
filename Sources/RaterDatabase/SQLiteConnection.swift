import Foundation
import CRaterSQLite
import GRDB
import GRDBSQLite

/// An SQLite database file through GRDB, in WAL mode so dashboards keep reading the previous content while a run
/// writes, and see the new run only when its transaction commits.
public final class SQLiteConnection: DatabaseConnection {
    public let path: String
    public let dialect = SQLDialect.sqlite
    private let pool: DatabasePool

    public var displayName: String { path }

    /// SQLite keeps memory statistics by default, under one process-wide mutex taken around each of its allocations
    /// and frees: 9% of the instructions of storing a comment, for figures Rater never reads. They can be turned off
    /// only before the first connection opens, so every connection asks for it first; this runs once per process.
    /// `SQLITE_OK`, or `SQLITE_MISUSE` if something opened SQLite before Rater did (then the statistics stay on).
    static let memoryStatisticsOff: Int32 = rater_sqlite_disable_memory_statistics()

    // SQLite's statement journals keep their default, 64 KiB in memory before they go to a temporary file. The ninth
    // round raised that to 4 MiB (`SQLITE_CONFIG_STMTJRNL_SPILL`) for multi-row upserts; but SQLite 3.40 moves a
    // journal from memory to its file in chunks of that size, and its Unix layer writes at most 128 KiB at a time,
    // so the first journal to pass 4 MiB failed its statement with "database or disk is full": 64 comments of 150
    // KB each failed a run into a fresh database, and 64 KiB pages failed at once. Rater's SQLite runs now write
    // comments with ids row by row, which needs no statement journal, and stage the rest (`StagedRunWriter`). A
    // spill threshold of 128 KiB, the most that works, left the multi-row upserts' system time as it was.

    /// How long a statement waits for another connection's lock before it fails.
    static let busyTimeoutSeconds = 30

    /// The page size of a database file Rater creates, in bytes (SQLite's default is 4,096); a database that already
    /// exists keeps its own. A run is one transaction whose pages SQLite finds again through the WAL's index, segment
    /// by segment, and keys from text digests touch pages at random, so fewer, larger pages mean fewer look-ups and
    /// shallower trees. `rater analyze … --jobs 2 --no-explanation --db` into a fresh database: 300 MB of plain text
    /// 307 s with 4 KiB pages, 228 s with 16 KiB (peak RSS 138 and 131 MiB, database 5.4 and 5.1 GB); the 100 MB
    /// mixed CSV, keyed by export ids, 26.1–27.2 s and 22.7–23.0 s (two runs each). 64 KiB pages failed at once with
    /// "database or disk is full" on 20 MB of plain text: their statement journals passed the 4 MiB that Rater then
    /// kept in memory (see the statement journals above), not tried since.
    static let newDatabasePageSize = 16_384

    public convenience init(path: String) throws {
        try self.init(path: path, newDatabasePageSize: Self.newDatabasePageSize)
    }

    /// `newDatabasePageSize` applies only if `path` does not hold a database yet: tests make older databases with it.
    init(path: String, newDatabasePageSize: Int) throws {
        self.path = path
        _ = Self.memoryStatisticsOff
        var configuration = Configuration()
        configuration.label = "rater"
        // A dashboard that is reading must not fail the nightly run: wait for its lock instead.
        configuration.busyMode = .timeout(Double(Self.busyTimeoutSeconds))
        // Before GRDB turns WAL mode on, which writes the first page: SQLite ignores the setting once a database
        // has pages (until a VACUUM, which cannot change it in WAL mode either).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(newDatabasePageSize)")
            // A run stages gigabytes in an anonymous database (`stagingSchema`) and sorts them: in files (unless SQLite
            // was built with SQLITE_TEMP_STORE=3, which keeps them in memory always), set before anything opens the
            // temporary database, after which SQLite refuses to change it inside a transaction.
            try db.execute(sql: "PRAGMA temp_store = FILE")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw DatabaseError.cannotOpen(database: path, message: Self.message(error) + Self.folderProblem(path))
        }
    }

    /// Why SQLite's "unable to open database file" when the cause is the folder: it does not exist or is no folder
    /// (a typo in a path, an unmounted volume); SQLite makes the file, never its folder. Empty otherwise.
    static func folderProblem(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return "" }
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            return "; the folder \(folder) does not exist (Rater makes the database file, not its folder)"
        }
        return isFolder.boolValue ? "" : "; \(folder) is not a folder"
    }

    /// SQLite's page cache on the connection that writes, in KiB (SQLite's default is 2,000). A comment keyed by its
    /// text's digest lands at a random place in the primary-key indexes of `comments`, `dimension_mentions` and
    /// `signals`, so once those outgrow the cache nearly every row reads a page back from the journal and writes
    /// it out again. On 50 MB of plain text (265,000 comments, `rater analyze … --jobs 2 --db`, three runs each):
    /// 18.6–20.3 s and 8.9–9.7 s of system time with the default, 15.3–16.5 s and 5.0–5.6 s with 32 MiB, for
    /// 33 MB more peak RSS (123 MB). Exports with ids, whose keys mostly come in order, gain nothing from it
    /// (`en_20mb.csv`: 3.4–4.0 s either way). Readers keep the default: a dashboard's connections are many.
    static let writerCacheKiB = 32_768

    /// The schema of the run's staging tables (`StagedRunWriter`): an anonymous database, a temporary file of its
    /// own (`temp_store` above) that `transaction` attaches before the transaction and detaches after it. Detaching
    /// closes the file, which was deleted when it was opened, so the staged rows go in no time. Dropping them as
    /// temporary tables walked every page of them to free it: 7.6–44 s after 1 GB of plain text, the longer when
    /// the merge had pushed them out of the operating system's cache and they were read back from disk to be freed.
    /// SQLite detaches a database that a transaction wrote only once the transaction has ended, hence here rather
    /// than in the writer.
    static let stagingSchema = "rater_staging"

    public func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
                // A detach fails while a statement of this connection is still running, which Rater's never are
                // once the transaction has ended; the file then stays until the next transaction reuses it
                // (`attachStaging`), whose staging drops what is left first, or until the connection closes.
                defer { try? db.execute(sql: "DETACH DATABASE \(Self.stagingSchema)") }
                try Self.attachStaging(db)
                var result: T?
                // Before any statement is prepared: the upsert of `comments` calls it (`DuplicateNotes`).
                let notes = DuplicateNotes()
                db.add(function: notes.function)
                try db.inTransaction(.immediate) {
                    result = try body(GRDBExecutor(db: db, name: path, writes: try WriteStatements(db, name: path),
                                                   notes: notes))
                    try Self.writeChangedPages(db, path: path)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw error
        } catch let error as GRDB.DatabaseError {
            throw DatabaseError.transactionFailed(database: path, message: Self.message(error))
        }
    }

    /// Writes the pages the transaction changed to their files before `COMMIT`, so that the commit has next to
    /// nothing left to write to the staging database. SQLite commits each database of a transaction on its own, the
    /// main one first: once the main database's WAL holds the commit record, the run is in the database, and a
    /// failure to write the staging database's last pages after it (a full disk under the temporary directory) made
    /// `COMMIT` fail although the run had been committed, and Rater reported the run as failed. Written here, a
    /// failure rolls the whole run back. The main database's pages go to the WAL as they would at the commit, without
    /// its commit record.
    ///
    /// "Next to nothing": the flush leaves each database's first page, which the transaction holds, and a temporary
    /// database writes its dirty pages at the commit only when they are a quarter of its cache or more. One page of
    /// the staging database's 2 MB cache (about 124 pages of 16 KiB) stays far below that; a staging cache of four
    /// pages or fewer would bring the failure back.
    static func writeChangedPages(_ db: Database, path: String) throws {
        let code = sqlite3_db_cacheflush(db.sqliteConnection)
        guard code == SQLITE_OK else {
            let reason = String(cString: sqlite3_errstr(code))
            throw DatabaseError.transactionFailed(database: path,
                                                  message: "writing its pages before the commit: \(reason)")
        }
    }

    /// Attaches an empty staging database, unless one is still attached from a transaction whose detach failed. It
    /// is set up as the temporary schema was, where the staging tables lived before: never synced, since it is thrown
    /// away; its pages freed without the zeroing Debian's SQLite adds, which also journals each page first; and pages
    /// the size of a new database's (an attached database starts with SQLite's 4 KiB; the page size takes effect
    /// until its first table is made, so it is set again on a database still attached).
    private static func attachStaging(_ db: Database) throws {
        let attached = try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM pragma_database_list WHERE name = ?",
                                         arguments: [stagingSchema]) ?? false
        if !attached { try db.execute(sql: "ATTACH DATABASE '' AS \(stagingSchema)") }
        try db.execute(sql: "PRAGMA \(stagingSchema).page_size = \(newDatabasePageSize)")
        try db.execute(sql: "PRAGMA \(stagingSchema).synchronous = OFF")
        try db.execute(sql: "PRAGMA \(stagingSchema).secure_delete = OFF")
    }

    /// A run is one transaction, so its WAL grows to about the size of everything it writes: 12 GB for a 1 GB CSV
    /// export into a fresh database, 18 GB for 1 GB of plain text. SQLite copies the WAL into the database after the
    /// commit, but keeps the file at its size for reuse and deletes it only when the last connection closes; with a
    /// dashboard or `rater serve` holding the database open, a nightly run's WAL stayed on disk beside the database,
    /// doubling its footprint until the next run. So after a run: a `PASSIVE` checkpoint, which copies what no
    /// reader still needs and waits for nobody, then, if that copied everything, a `TRUNCATE` checkpoint, which
    /// cuts the file to nothing. The truncation holds the write lock while it waits for readers to leave the WAL,
    /// so it waits at most `truncationWaitMilliseconds` instead of the 30 s busy timeout (`rater serve`'s writes and
    /// the run's manifest would wait behind it). When readers stay longer, the WAL keeps its size until the next
    /// run releases it or the last connection closes.
    public func releaseJournal() -> JournalRelease {
        do {
            return try pool.writeWithoutTransaction { db in
                let (logged, copied) = try db.checkpoint(.passive)
                // Frames a reader on an older snapshot still needs were left: truncating would wait for it.
                guard logged == copied else { return .keptForReaders }
                try db.execute(sql: "PRAGMA busy_timeout = \(Self.truncationWaitMilliseconds)")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.busyTimeoutSeconds * 1000)") }
                // A successful truncation reports (0, 0); readers in the way make it throw `SQLITE_BUSY`.
                try db.checkpoint(.truncate)
                return .released
            }
        } catch let error as GRDB.DatabaseError {
            return Self.journalRelease(failedWith: error.extendedResultCode.rawValue,
                                       message: Self.message(error) + walSize)
        } catch {
            return .failed("\(error)" + walSize)
        }
    }

    /// The WAL's size for a message, as "; the WAL holds N bytes", or nothing if it cannot be read.
    private var walSize: String {
        guard let bytes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int else { return "" }
        return "; the WAL holds \(bytes) bytes"
    }

    /// A checkpoint that failed because another connection was in the way (`SQLITE_BUSY`, with any extended code)
    /// left the WAL for readers; anything else (`SQLITE_FULL`, `SQLITE_IOERR` …) is a failure to report. A 1 GB run
    /// whose checkpoint met a full disk left an 18 GB WAL and said nothing before. `SQLITE_LOCKED` is reported too:
    /// without shared cache it means a statement of this very connection was left unfinished, a bug in Rater.
    static func journalRelease(failedWith code: Int32, message: String) -> JournalRelease {
        code & 0xff == 5 ? .keptForReaders : .failed(message)
    }

    /// How long the WAL's truncation after a run waits for readers; see `releaseJournal`.
    static let truncationWaitMilliseconds = 1_000

    public func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(GRDBExecutor(db: db, name: path, writes: nil)) }
        } catch let error as GRDB.DatabaseError {
            throw DatabaseError.transactionFailed(database: path, message: Self.message(error))
        }
    }

    static func message(_ error: any Error) -> String {
        guard let error = error as? GRDB.DatabaseError else { return "\(error)" }
        return message(error.message ?? "\(error.resultCode)", primaryCode: error.resultCode.primaryResultCode.rawValue)
    }

    /// SQLite's message, and for a lock that was not given up in time (`SQLITE_BUSY`, 5) what most likely held it
    /// and the ways out: SQLite cannot say who holds a lock (a user-side review: two cron runs into one file, the
    /// second failing after 30 s with only "database is locked").
    static func message(_ message: String, primaryCode: Int32) -> String {
        guard primaryCode == 5 else { return message }
        return message + " (another connection kept the database's write lock for \(busyTimeoutSeconds) s: most "
            + "likely another `rater analyze` into the same file; runs into one SQLite database must take turns, e.g. "
            + "`flock results.sqlite.lock rater analyze …` in cron, and a database that takes runs at once is "
            + "PostgreSQL, --postgres)"
    }
}

/// Statements on one GRDB connection, prepared once and cached by GRDB; in a transaction, writes go through
/// `WriteStatements`.
struct GRDBExecutor: SQLExecutor {
    let db: Database
    let name: String
    let writes: WriteStatements?
    /// The keys the run's upserts replaced, on the connection that writes a run (`DuplicateNotes`).
    var notes: DuplicateNotes? = nil
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        if let writes { return try writes.execute(sql, values) }
        do {
            let statement = try db.cachedStatement(sql: sql)
            try statement.execute(arguments: Self.arguments(values))
        } catch let error as GRDB.DatabaseError {
            throw DatabaseError.statementFailed(database: name, sql: sql, message: SQLiteConnection.message(error))
        }
    }

    /// The pages the transaction changed go to their files now (`SQLiteConnection.writeChangedPages`): a run over
    /// SQLite and PostgreSQL does this before PostgreSQL commits, so a full disk fails both rather than SQLite alone
    /// after PostgreSQL has committed.
    func prepareCommit() throws {
        try SQLiteConnection.writeChangedPages(db, path: name)
    }

    /// Runs a statement prepared (and cached) by GRDB, but binds and reads its values with SQLite's own calls, with
    /// their lengths.
    ///
    /// GRDB binds a string only up to its first NUL (`sqlite3_bind_text(…, -1, …)`) and reads text with
    /// `String(cString:)`, which stops there too. Values are stored with their length (`WriteStatements`), so an id
    /// such as `A<NUL>B` from an export was read back as `A`, and a lookup for it bound `A`: the review workspace
    /// showed the key `A` and recorded its corrections on the comment whose id is `A`.
    func query(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        let statement: Statement
        do {
            statement = try db.cachedStatement(sql: sql)
        } catch let error as GRDB.DatabaseError {
            throw DatabaseError.statementFailed(database: name, sql: sql, message: SQLiteConnection.message(error))
        }
        let handle = statement.sqliteStatement
        func failure(_ message: String? = nil) -> DatabaseError {
            .statementFailed(database: name, sql: sql,
                             message: message ?? String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        // GRDB resets and binds anew whenever it runs the statement with arguments, as this executor always does.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw failure("\(values.count) values for \(expected) parameters")
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case let .integer(number): code = sqlite3_bind_int64(handle, index, Int64(number))
            case let .real(number): code = sqlite3_bind_double(handle, index, number)
            case let .text(text):
                var text = text
                code = text.withUTF8 { bytes in
                    // A null pointer would bind NULL, so an empty text gets a pointer of its own.
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    }
                    return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
                    }
                }
            }
            guard code == SQLITE_OK else { throw failure() }
        }
        let columns = sqlite3_column_count(handle)
        var rows = [[SQLValue]]()
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE:
                return rows
            case SQLITE_ROW:
                var row = [SQLValue]()
                row.reserveCapacity(Int(columns))
                for column in 0..<columns {
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_NULL: row.append(.null)
                    case SQLITE_INTEGER: row.append(.integer(Int(sqlite3_column_int64(handle, column))))
                    case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(handle, column)))
                    default:
                        // Text, or a blob read as UTF-8 text as before: the bytes and their count, NULs included.
                        let bytes = sqlite3_column_blob(handle, column)
                        let count = Int(sqlite3_column_bytes(handle, column))
                        row.append(.text(bytes.map {
                            String(decoding: UnsafeRawBufferPointer(start: $0, count: count), as: UTF8.self)
                        } ?? ""))
                    }
                }
                rows.append(row)
            default:
                throw failure()
            }
        }
    }

    /// SQLite's `SQLITE_TRANSIENT` destructor (-1): SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: return nil
            case let .integer(number): return number
            case let .real(number): return number
            case let .text(text): return text
            }
        })
    }
}
