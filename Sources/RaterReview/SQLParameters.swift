import RaterDatabase

/// Collects statement parameters and hands out their placeholders, so a query built piece by piece (the list
/// filters) numbers PostgreSQL's `$n` correctly and never interpolates a value.
struct SQLParameters {
    let dialect: SQLDialect
    private(set) var values: [SQLValue] = []

    init(_ dialect: SQLDialect) { self.dialect = dialect }

    /// Adds a value and returns its placeholder.
    mutating func add(_ value: SQLValue) -> String {
        values.append(value)
        return dialect.placeholder(values.count)
    }

    mutating func add(_ text: String) -> String { add(.text(text)) }
}
