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
    private var prepared: [String: OpaquePointer] = [:]

    init(_ db: Database, name: String) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError.transactionFailed(database: name, message: "the connection is closed")
        }
        self.connection = connection
        self.name = name
    }

    deinit {
        for statement in prepared.values { sqlite3_finalize(statement) }
    }

    func execute(_ sql: String, _ values: [SQLValue]) throws {
        let statement = try self.statement(sql)
        defer { sqlite3_reset(statement) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case let .integer(number): code = sqlite3_bind_int64(statement, index, Int64(number))
            case let .real(number): code = sqlite3_bind_double(statement, index, number)
            case var .text(text):
                // SQLite copies the bytes (SQLITE_TRANSIENT), so they need not outlive this call. A null pointer
                // would bind NULL, so an empty text gets a pointer of its own.
                code = text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(statement, index, "", 0, Self.transient)
                    }
                    return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
                    }
                }
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

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let statement = prepared[sql] { return statement }
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
        prepared[sql] = statement
        return statement
    }

    private func failure(_ sql: String) -> DatabaseError {
        .statementFailed(database: name, sql: sql, message: String(cString: sqlite3_errmsg(connection)))
    }

    /// SQLite's `SQLITE_TRANSIENT` destructor (-1), which C defines as a cast Swift does not import.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
