import ArgumentParser
import Foundation
import RaterDatabase

/// `--db PATH` or `--postgres URL`: the results database that `rater serve` and `rater corrections` work on.
struct ResultsDatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite database written by `rater analyze --db`.")
    var db: String?

    @Option(help: "A PostgreSQL connection URL instead of --db (libpq syntax).")
    var postgres: String?

    init() {}

    /// The same choice made by another command's own options (`rater report`, which also reads result files).
    init(db: String?, postgres: String?) {
        self.db = db
        self.postgres = postgres
    }

    func validate() throws {
        if (db == nil) == (postgres == nil) { throw ValidationError("give exactly one of --db PATH and --postgres URL") }
    }

    /// Opens the database; an SQLite path must already exist (an empty new file would only hide a typo).
    func connection() throws -> any DatabaseConnection {
        if let db {
            guard FileManager.default.fileExists(atPath: db) else { throw MissingDatabase.sqlite(path: db) }
            return try SQLiteConnection(path: db)
        }
        return try PostgresConnection(url: postgres!)
    }
}
