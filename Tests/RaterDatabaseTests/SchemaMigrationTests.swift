import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// Databases made by earlier versions of Rater are brought to the current schema when a run opens them.
@Suite struct SchemaMigrationTests {
    /// The signals table as Rater made it before its key included `value`, with one row.
    func makeOldSignalsTable(_ scratch: Scratch) throws {
        try scratch.open().transaction { executor in
            try executor.execute("""
                CREATE TABLE signals (source TEXT NOT NULL, comment_key TEXT NOT NULL, signal TEXT NOT NULL,
                    value TEXT NOT NULL, evidence \(ColumnType.json.sql(executor.dialect)) NOT NULL,
                    run_id TEXT NOT NULL, PRIMARY KEY (source, comment_key, signal))
                """, [])
            try executor.execute("CREATE INDEX signals_by_signal_value ON signals (signal, value)", [])
            try executor.execute("INSERT INTO signals VALUES ('hotel.csv', 'H001', 'recovery', 'recovered', '[]', 'old')",
                                 [])
        }
    }

    func primaryKey(_ database: any DatabaseConnection) throws -> [String] {
        let sql = switch database.dialect {
        case .sqlite: "SELECT name FROM pragma_table_info('signals') WHERE pk > 0 ORDER BY pk"
        case .postgres: """
            SELECT a.attname FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.conrelid = 'signals'::regclass AND c.contype = 'p' ORDER BY array_position(c.conkey, a.attnum)
            """
        }
        return try database.read { try $0.query(sql, []).compactMap { $0.first?.string } }
    }

    func signalsAreKeyedByValue(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        try makeOldSignalsTable(scratch)
        let database = try scratch.open()
        #expect(try primaryKey(database) == ["source", "comment_key", "signal"])
        try database.createSchema()
        #expect(try primaryKey(database) == Schema.signals.primaryKey)
        #expect(try database.read { try $0.query("SELECT source, comment_key, signal, value, run_id FROM signals", []) }
                == [[.text("hotel.csv"), .text("H001"), .text("recovery"), .text("recovered"), .text("old")]])
        // Made again on a current table, the schema changes nothing.
        try database.createSchema()
        #expect(try database.count(Schema.signals) == 1)
        if kind == .sqlite {
            let indexes = try database.read {
                try $0.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signals' "
                             + "AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name", []).compactMap { $0.first?.string }
            }
            #expect(indexes == Schema.signals.indexes.map(\.name).sorted())
        }
        // Both values of one signal of a comment are kept, in a run on the migrated table.
        try RunRecorder(options: scratch.options()).record { sink in
            var result = comment("H001", record: 1)
            result.signals = [SignalSummary(value: .recovered, evidence: []), SignalSummary(value: .unresolved, evidence: [])]
            try sink.write(result)
            return .finished
        }
        let values = try database.read { try $0.query("SELECT value FROM signals ORDER BY value", []) }
        #expect(values == [[.text("recovered")], [.text("unresolved")]])
    }

    /// A comment's signals are replaced as a whole: a value its new result no longer has does not linger.
    func signalsAreReplacedOnRerun(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        for values in [[SignalValue.loyal, .atRisk], [.loyal], []] {
            try RunRecorder(options: scratch.options()).record { sink in
                var result = comment("H001", record: 1)
                result.signals = values.map { SignalSummary(value: $0, evidence: []) }
                try sink.write(result)
                return .finished
            }
            let stored = try scratch.open().read { try $0.query("SELECT value FROM signals ORDER BY value", []) }
            #expect(stored == values.map(\.rawValue).sorted().map { [.text($0)] })
        }
    }

    @Test func sqliteSignalsAreKeyedByValue() throws { try signalsAreKeyedByValue(.sqlite) }
    @Test func sqliteSignalsAreReplacedOnRerun() throws { try signalsAreReplacedOnRerun(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresSignalsAreKeyedByValue() throws {
        try signalsAreKeyedByValue(.postgres)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresSignalsAreReplacedOnRerun() throws {
        try signalsAreReplacedOnRerun(.postgres)
    }
}
