/// Rows of one table waiting to be written together, their values one row after another in column order.
///
/// A `--db` run upserts a comment, its dimension mentions and its signals: three to eight statements per comment,
/// each opening a cursor on its table and on every index of it and closing them again. Written `rowsPerStatement`
/// rows at a time, storing takes a quarter fewer instructions (see `RunWriter.Batching`). The rows must have
/// different keys; `RunWriter` sees to that.
struct PendingRows {
    let table: Table
    let rowsPerStatement: Int
    /// `statements[n - 1]`: the upsert of `n` rows, made when first needed. A table needs the full one and
    /// whatever number is left over at the end of a run.
    private var statements: [String?]
    private let dialect: SQLDialect
    private(set) var values: [SQLValue] = []

    init(_ table: Table, dialect: SQLDialect, rowsPerStatement: Int) {
        precondition(rowsPerStatement >= 1, "at least one row per statement")
        self.table = table
        self.dialect = dialect
        self.rowsPerStatement = rowsPerStatement
        statements = Array(repeating: nil, count: rowsPerStatement)
        values.reserveCapacity(rowsPerStatement * table.columns.count)
    }

    var count: Int { values.count / table.columns.count }

    /// Adds a row; once `rowsPerStatement` rows wait, writes them.
    mutating func append(_ row: [SQLValue], writingTo executor: any SQLExecutor) throws {
        precondition(row.count == table.columns.count, "\(table.name): a value for each column")
        values.append(contentsOf: row)
        if count == rowsPerStatement { try write(to: executor) }
    }

    /// The index of the waiting row whose values in `columns` are `key`, if any.
    func firstIndex(ofRowWith key: [SQLValue], in columns: [Int]) -> Int? {
        let width = table.columns.count
        return (0..<count).first { row in
            zip(columns, key).allSatisfy { column, value in values[row * width + column] == value }
        }
    }

    /// Puts `row` in place of waiting row `index`: a later upsert of the same key, which would have replaced it.
    mutating func replace(_ index: Int, with row: [SQLValue]) {
        precondition(row.count == table.columns.count, "\(table.name): a value for each column")
        let width = table.columns.count
        values.replaceSubrange(index * width..<(index + 1) * width, with: row)
    }

    /// Writes the waiting rows in one statement.
    mutating func write(to executor: any SQLExecutor) throws {
        let rows = count
        guard rows > 0 else { return }
        if statements[rows - 1] == nil { statements[rows - 1] = table.upsertStatement(dialect, rows: rows) }
        try executor.execute(statements[rows - 1]!, values)
        values.removeAll(keepingCapacity: true)
    }
}
