/// A row's values added one by one in column order, each with its column's name: debug builds (the tests) check
/// every name against the table's columns, release builds only append the value.
///
/// The values go straight into the one array that is bound. Naming them in a `KeyValuePairs` first built a second
/// array of `(String, SQLValue)` pairs per row, freed through the runtime's generic tuple destructor: 6% of the
/// instructions of storing a comment, on the one thread that feeds the databases.
struct OrderedRow {
    private(set) var values: [SQLValue]
    #if DEBUG
    private let table: Table
    #endif

    init(_ table: Table) {
        #if DEBUG
        self.table = table
        #endif
        values = []
        values.reserveCapacity(table.columns.count)
    }

    @inline(__always)
    mutating func add(_ column: StaticString, _ value: SQLValue) {
        #if DEBUG
        let expected = values.count < table.columns.count ? table.columns[values.count].name : "no column"
        assert("\(column)" == expected, "\(table.name): \(column) given where \(expected) is")
        #endif
        values.append(value)
    }

    /// The values, every column's given.
    var complete: [SQLValue] {
        #if DEBUG
        assert(values.count == table.columns.count, "\(table.name): \(values.count) of \(table.columns.count) values")
        #endif
        return values
    }
}
