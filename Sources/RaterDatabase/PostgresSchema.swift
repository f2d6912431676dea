/// Which of the schema's statements (`Schema.createStatements`) still have something to make in a PostgreSQL
/// database: a run makes only those, so that once the tables are there it locks none of them before it writes.
///
/// `CREATE INDEX IF NOT EXISTS` takes a `SHARE` lock on its table, and `CREATE OR REPLACE TRIGGER` a `SHARE ROW
/// EXCLUSIVE` one, before looking whether there is anything to do; both wait for any run whose transaction has
/// written to the table, that is until its commit, and while one waits, the locks it already took stop that run.
/// Two runs into one database then deadlocked, or the second waited for the whole first run (`SharedWriteLock`).
/// SQLite runs every statement: its run holds the whole database anyway.
///
/// A table, index or trigger counts as there by its name alone: a trigger whose definition changes must get a new
/// name or a step in `SchemaMigration`, as a changed column or key already does. Functions are always made again
/// (`CREATE OR REPLACE FUNCTION` locks no table), so a changed body reaches every database.
enum PostgresSchema {
    static func missing(_ statements: [String], _ executor: any SQLExecutor) throws -> [String] {
        guard executor.dialect == .postgres else { return statements }
        return try statements.filter { try !isThere($0, executor) }
    }

    /// Whether what `statement` makes (a table, an index, a trigger on its table) is already in the schema that
    /// `search_path` names; false for any other statement. The names come from `Schema`, never from input.
    static func isThere(_ statement: String, _ executor: any SQLExecutor) throws -> Bool {
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        func found(_ sql: String, _ values: [SQLValue]) throws -> Bool { try !executor.query(sql, values).isEmpty }
        if words.count > 5, words[0] == "CREATE", ["TABLE", "INDEX"].contains(words[1]),
           Array(words[2...4]) == ["IF", "NOT", "EXISTS"] {
            return try found("SELECT 1 WHERE to_regclass($1) IS NOT NULL", [.text(words[5])])
        }
        if words.count > 4, Array(words[0...3]) == ["CREATE", "OR", "REPLACE", "TRIGGER"],
           let on = words.firstIndex(of: "ON"), on + 1 < words.count {
            return try found("SELECT 1 FROM pg_trigger WHERE tgname = $1 AND tgrelid = to_regclass($2)",
                             [.text(words[4]), .text(words[on + 1])])
        }
        return false
    }
}
