/// Runs parameterised statements inside a transaction or a read.
public protocol SQLExecutor {
    var dialect: SQLDialect { get }
    /// Runs one statement with its parameters bound (never interpolated).
    func execute(_ sql: String, _ values: [SQLValue]) throws
    /// Runs one query and returns its rows, columns in select order.
    func query(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]]
    /// Does now, inside the transaction, the part of its commit that can fail and can be done ahead (SQLite: writing
    /// the changed pages to the WAL), so that a run over several databases fails before any of them commits.
    func prepareCommit() throws
}

extension SQLExecutor {
    /// Nothing to do ahead (PostgreSQL: the server writes at the commit).
    public func prepareCommit() throws {}
}

/// A database Rater writes to: SQLite through GRDB, PostgreSQL through libpq.
public protocol DatabaseConnection: AnyObject {
    var dialect: SQLDialect { get }
    /// A display name for messages and manifests (no password).
    var displayName: String { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
    /// Runs `body` outside any explicit transaction (reads, schema checks).
    func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
    /// Runs `body`'s reads against one snapshot of the database: a read in many statements (a report paging through
    /// a year of comments, then the rating-only answers) must not pair a page of one run's comments with another
    /// run's mentions when a nightly run commits in between.
    func snapshot<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
    /// Gives back the disk a run's journal took, where the database keeps one beside its file, and says whether it
    /// did, or what kept it from doing so. Never throws: it comes after the run's outcome is settled, which it must
    /// not change.
    func releaseJournal() -> JournalRelease
}

extension DatabaseConnection {
    /// PostgreSQL recycles its WAL segments itself.
    public func releaseJournal() -> JournalRelease { .released }

    /// Where `read` already reads one snapshot (SQLite's pool reads in one read transaction).
    public func snapshot<T>(_ body: (any SQLExecutor) throws -> T) throws -> T { try read(body) }
}

extension DatabaseConnection {
    /// Creates the tables and indexes that are missing (every statement is `IF NOT EXISTS`), and brings tables made
    /// by earlier versions to the current schema (`SchemaMigration`). In PostgreSQL, one run at a time, and only
    /// what is missing (`SharedWriteLock.schema`, `PostgresSchema`): runs from several hosts start together.
    public func createSchema() throws {
        try transaction { executor in
            try SharedWriteLock.schema.take(executor)
            for statement in try PostgresSchema.missing(Schema.createStatements(dialect), executor) {
                try executor.execute(statement, [])
            }
            try SchemaMigration.run(executor)
        }
    }

    /// Row count of one of Rater's tables.
    public func count(_ table: Table) throws -> Int {
        try read { try $0.query("SELECT COUNT(*) FROM \(table.name)", []).first?.first?.int ?? 0 }
    }
}

/// What went wrong talking to a database, with the database and the statement.
public enum DatabaseError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(database: String, message: String)
    case statementFailed(database: String, sql: String, message: String)
    case transactionFailed(database: String, message: String)
    case unexpectedValue(table: String, column: String, value: String)
    /// An index or trigger someone made on a table that a migration had to make again no longer fits it.
    case dependentNotRestored(table: String, name: String, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(database, message):
            return "\(database): cannot open the database (\(message))"
        case let .statementFailed(database, sql, message):
            let statement = sql.count > 120 ? String(sql.prefix(120)) + "…" : sql
            return "\(database): \(message) (in: \(statement))"
        case let .transactionFailed(database, message):
            return "\(database): transaction failed (\(message))"
        case let .unexpectedValue(table, column, value):
            return "\(table).\(column): unexpected value \(value)"
        case let .dependentNotRestored(table, name, message):
            return "\(table): the index or trigger \(name) cannot be made again after this version's change to the "
                + "table (\(message)); drop it, run Rater once, and make it again"
        }
    }
}
