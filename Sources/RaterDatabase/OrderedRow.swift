/// A row's values added one by one in column order, each with its column's name, after the rows already in
/// `values`: debug builds (the tests) check every name against the table's columns, release builds only append the
/// value.
///
/// The values go straight into the array that is bound (`PendingRows`). Naming them in a `KeyValuePairs` first
/// built a second array of `(String, SQLValue)` pairs per row, freed through the runtime's generic tuple destructor:
/// 6% of the instructions of storing a comment, on the one thread that feeds the databases.
struct OrderedRow {
    private(set) var values: [SQLValue]
    #if DEBUG
    private let table: Table
    private let start: Int
    #endif

    /// Appends to `values`, which must end on a whole row.
    init(_ table: Table, appendingTo values: [SQLValue]) {
        #if DEBUG
        self.table = table
        start = values.count
        assert(start % table.columns.count == 0, "\(table.name): values end inside a row")
        #endif
        self.values = values
    }

    @inline(__always)
    mutating func add(_ column: StaticString, _ value: SQLValue) {
        #if DEBUG
        let index = values.count - start
        let expected = index < table.columns.count ? table.columns[index].name : "no column"
        assert("\(column)" == expected, "\(table.name): \(column) given where \(expected) is")
        #endif
        values.append(value)
    }

    /// The values, this row's complete.
    var complete: [SQLValue] {
        #if DEBUG
        assert(values.count - start == table.columns.count,
               "\(table.name): \(values.count - start) of \(table.columns.count) values")
        #endif
        return values
    }
}
