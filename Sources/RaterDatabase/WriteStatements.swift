import GRDB
import GRDBSQLite

/// The statements of one write transaction on a GRDB connection, prepared once each and run with SQLite's own
/// binding calls on GRDB's connection handle.
///
/// A `--db` run writes three or more rows per comment. Through GRDB each took a `StatementArguments` built from
/// existential values, a cached-statement lookup and a closure per bound value: together as much time as SQLite's
/// own work on the rows, on the one thread that feeds the databases (and so the limit of a `--db` run). The
/// transaction itself stays GRDB's (`inTransaction`): these statements only bind, step and reset inside it, and are
/// finalized when the transaction's executor goes away. Reads keep going through GRDB.
final class WriteStatements {
    private let connection: OpaquePointer
    private let name: String
    /// The statements prepared so far with their SQL, searched in order. A transaction runs a handful, each from a
    /// string `RunWriter` keeps, so comparing finds the same storage at once, and the lengths tell the others apart;
    /// a dictionary hashed the whole SQL text (several hundred bytes) on every row, 5% of the instructions of storing
    /// a comment.
    private var prepared: [(sql: String, statement: OpaquePointer)] = []
    /// The texts of the row being written, one after the other (see `execute`).
    private var textBytes: [UInt8] = []

    init(_ db: Database, name: String) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError.transactionFailed(database: name, message: "the connection is closed")
        }
        self.connection = connection
        self.name = name
    }

    deinit {
        for entry in prepared { sqlite3_finalize(entry.statement) }
    }

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        let statement = try self.statement(sql)
        // The row's texts are copied into one buffer kept from row to row and bound where they lie there
        // (SQLITE_STATIC), instead of SQLite allocating, copying and freeing each one (SQLITE_TRANSIENT). The buffer
        // does not change until the bindings are cleared, after the step.
        textBytes.removeAll(keepingCapacity: true)
        for value in values {
            if case let .text(text) = value { textBytes.append(contentsOf: text.utf8) }
        }
        try textBytes.withUnsafeBufferPointer { buffer in
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            var textOffset = 0
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32
                switch value {
                case .null: code = sqlite3_bind_null(statement, index)
                case let .integer(number): code = sqlite3_bind_int64(statement, index, Int64(number))
                case let .real(number): code = sqlite3_bind_double(statement, index, number)
                case let .text(text):
                    let count = text.utf8.count
                    // A null pointer would bind NULL, so an empty text gets a pointer of its own.
                    guard count > 0, let base = buffer.baseAddress else {
                        code = sqlite3_bind_text(statement, index, "", 0, Self.static)
                        break
                    }
                    code = (base + textOffset).withMemoryRebound(to: CChar.self, capacity: count) {
                        sqlite3_bind_text(statement, index, $0, Int32(count), Self.static)
                    }
                    textOffset += count
                }
                guard code == SQLITE_OK else { throw failure(sql) }
            }
            while true {
                switch sqlite3_step(statement) {
                case SQLITE_DONE: return
                case SQLITE_ROW: continue
                default: throw failure(sql)
                }
            }
        }
    }

    private func statement(_ sql: String) throws -> OpaquePointer {
        let length = sql.utf8.count
        for entry in prepared where entry.sql.utf8.count == length && entry.sql == sql { return entry.statement }
        var statement: OpaquePointer?
        var rest: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &rest)
            // SQLite prepares the first statement of the text; anything after it would be silently left out.
            if code == SQLITE_OK, let rest, String(cString: rest).contains(where: { !$0.isWhitespace && $0 != ";" }) {
                return SQLITE_MISUSE
            }
            return code
        }
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            if code == SQLITE_MISUSE {
                throw DatabaseError.statementFailed(database: name, sql: sql, message: "more than one statement")
            }
            throw failure(sql)
        }
        prepared.append((sql, statement))
        return statement
    }

    private func failure(_ sql: String) -> DatabaseError {
        .statementFailed(database: name, sql: sql, message: String(cString: sqlite3_errmsg(connection)))
    }

    /// SQLite's `SQLITE_STATIC` destructor (0): the bytes stay where they are, unchanged, while they are bound.
    private static let `static`: sqlite3_destructor_type? = nil
}
