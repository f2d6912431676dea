/// The parts of a run that must not overlap with another run's in the same PostgreSQL database (several hosts
/// feeding one database, whose nightly runs overlap), each serialised by a transaction-scoped advisory lock
/// (`pg_advisory_xact_lock`): taken inside the transaction, held until its commit or rollback, so a run that dies
/// never leaves one behind. SQLite needs none: a run holds the database's write lock for its whole transaction
/// (`BEGIN IMMEDIATE`), and another run waits for it (up to the busy timeout).
///
/// What went wrong without them:
/// - **The schema.** `CREATE TABLE IF NOT EXISTS` is not safe against itself: two at once on a fresh database both
///   see no table, and the second fails on `pg_type_typname_nsp_index` (`duplicate key value … (runs, 2200)`). And
///   `CREATE INDEX IF NOT EXISTS` and `CREATE OR REPLACE TRIGGER` lock their table (`SHARE`, `SHARE ROW EXCLUSIVE`)
///   before they look whether there is anything to do, so two runs making their schema at once took those locks in
///   each other's way and one was ended with `deadlock detected`; and a run starting while another was under way
///   waited for that whole run (its writes hold `ROW EXCLUSIVE` on the tables until its commit). Now the schema is
///   made under `schema`, and only what is missing is made (`PostgresSchema`): once the tables are there, a run
///   takes no lock on them before it writes.
/// - **The `aggregates` table.** Each run makes it again, at its end, from every comment the database holds
///   (`StoredAggregates`). Two runs doing that at once each counted the comments they could see, the other's
///   uncommitted ones not among them, so the one that committed last left figures without the other's comments
///   (and deleted the other's groups), or they locked each other's rows in different orders (`deadlock
///   detected`). Under `aggregates`, taken just before the refresh and held to the commit, the second run's
///   refresh starts once the first has committed, and, as every statement of a `READ COMMITTED` transaction sees
///   what was committed before it began, counts the first run's comments too. The rest of the runs (their
///   analysis and their own sources' rows) still overlap.
enum SharedWriteLock: Int32 {
    case schema = 1
    case aggregates = 2

    /// The first of the two keys of every Rater lock ("RATR"), so that another application's advisory locks in the
    /// same database are not taken for Rater's.
    static let namespace: Int32 = 0x5241_5452

    /// Waits for the lock and holds it until the transaction ends (PostgreSQL); nothing for SQLite.
    func take(_ executor: any SQLExecutor) throws {
        guard executor.dialect == .postgres else { return }
        _ = try executor.query("SELECT pg_advisory_xact_lock($1::integer, $2::integer)::text",
                               [.integer(Int(Self.namespace)), .integer(Int(rawValue))])
    }
}
