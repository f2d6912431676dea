/// Rows of one table waiting to be written together, their values one row after another in column order.
///
/// A `--db` run upserts a comment, its dimension mentions and its signals: three to eight statements per comment,
/// each opening a cursor on its table and on every index of it and closing them again. Written `rowsPerStatement`
/// rows at a time, storing takes a quarter fewer instructions (see `RunWriter.Batching`). The rows must have
/// different keys; `RunWriter` sees to that.
struct PendingRows {
    /// How the rows go in: upserted into Rater's tables, or plainly inserted into `StagedRunWriter`'s staging tables.
    enum Statement {
        case upsert
        case insert
    }

    let table: Table
    let rowsPerStatement: Int
    private let statement: Statement
    /// `statements[n - 1]`: the upsert of `n` rows, made when first needed. A table needs the full one and
    /// whatever number is left over at the end of a run.
    private var statements: [String?]
    private let dialect: SQLDialect
    private(set) var values: [SQLValue] = []

    init(_ table: Table, dialect: SQLDialect, rowsPerStatement: Int, statement: Statement = .upsert) {
        precondition(rowsPerStatement >= 1, "at least one row per statement")
        self.table = table
        self.statement = statement
        self.dialect = dialect
        self.rowsPerStatement = rowsPerStatement
        statements = Array(repeating: nil, count: rowsPerStatement)
        values.reserveCapacity(rowsPerStatement * table.columns.count)
    }

    var count: Int { values.count / table.columns.count }

    /// Adds the row `fill` writes, in column order (`Rows`); once `rowsPerStatement` rows wait, writes them.
    mutating func append(writingTo executor: any SQLExecutor, _ fill: (inout OrderedRow) -> Void) throws {
        // The values move into the row and back, so they stay the only reference to their storage and grow in place.
        var row = OrderedRow(table, appendingTo: values)
        values = []
        fill(&row)
        values = row.complete
        precondition(values.count % table.columns.count == 0, "\(table.name): a value for each column")
        if count == rowsPerStatement { try write(to: executor) }
    }

    /// The index of the waiting row whose first values are `key`, if any.
    func firstIndex(ofRowStartingWith key: [SQLValue]) -> Int? {
        let width = table.columns.count
        return (0..<count).first { row in values[(row * width)..<(row * width + key.count)].elementsEqual(key) }
    }

    /// Takes waiting row `index` out: a later upsert of the same key replaces it.
    mutating func remove(_ index: Int) {
        let width = table.columns.count
        values.removeSubrange(index * width..<(index + 1) * width)
    }

    /// Writes the waiting rows in one statement.
    mutating func write(to executor: any SQLExecutor) throws {
        let rows = count
        guard rows > 0 else { return }
        if statements[rows - 1] == nil {
            statements[rows - 1] = switch statement {
            case .upsert: table.upsertStatement(dialect, rows: rows)
            case .insert: table.insertStatement(dialect, rows: rows)
            }
        }
        try executor.execute(statements[rows - 1]!, values)
        values.removeAll(keepingCapacity: true)
    }
}
