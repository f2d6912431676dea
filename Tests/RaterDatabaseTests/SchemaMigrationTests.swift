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

    /// The comments table as Rater made it before it stored the profile and service score (and the evidence kind,
    /// which came later), with one comment, beside `dimension_mentions` and no `aspect_mentions`.
    func makeOldCommentsTable(_ scratch: Scratch) throws {
        let profileColumns: Set = ["profile", "profile_version", "service_score", "evidence_kind"]
        let old = Table("comments", columns: Schema.comments.columns.filter { !profileColumns.contains($0.name) },
                        primaryKey: Schema.comments.primaryKey)
        try scratch.open().transaction { executor in
            for statement in old.createStatements(executor.dialect) + Schema.dimensionMentions.createStatements(
                executor.dialect) { try executor.execute(statement, []) }
            try executor.execute(old.insertStatement(executor.dialect), [
                .text("hotel.csv"), .text("H001"), .text("H001"), .integer(1), .integer(2), .text("zh"),
                .text("价格太贵"), .text("negative"), .real(-0.5), .real(0), .real(1), .real(0), .real(0.8),
                .text("{}"), .text("[]"), .text("old"), .text("2026-11-20T00:00:00.000Z"),
            ])
        }
    }

    func commentColumns(_ database: any DatabaseConnection) throws -> Set<String> {
        let sql = switch database.dialect {
        case .sqlite: "SELECT name FROM pragma_table_info('comments')"
        case .postgres: "SELECT attname FROM pg_attribute WHERE attrelid = 'comments'::regclass AND attnum > 0 "
            + "AND NOT attisdropped"
        }
        return Set(try database.read { try $0.query(sql, []).compactMap { $0.first?.string } })
    }

    /// An older database gains `comments.profile`, `profile_version` and `service_score` (null for the comments
    /// already there) and `aspect_mentions` when a run opens it; until then a reader that does not migrate
    /// (`rater report --db`) reads it as it is, without aspects or a profile.
    func commentsGainTheProfileAndAspects(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        try makeOldCommentsTable(scratch)
        let database = try scratch.open()
        #expect(try !commentColumns(database).contains("service_score"))
        let unmigrated = try DatabaseReader.comments(in: database)
        #expect(unmigrated.map(\.id) == ["H001"])
        #expect(unmigrated.first?.aspects == [])
        #expect(unmigrated.first?.profile == ProfileSummary(name: "", version: "", serviceScore: nil))

        try database.createSchema()
        #expect(try commentColumns(database) == Set(Schema.comments.columnNames))
        #expect(try database.count(Schema.aspectMentions) == 0)
        let old = try database.read {
            try $0.query("SELECT run_id, profile, profile_version, service_score FROM comments", [])
        }
        #expect(old == [[.text("old"), .null, .null, .null]])
        try database.createSchema()  // already current: nothing changes
        #expect(try commentColumns(database) == Set(Schema.comments.columnNames))

        // A run on the migrated table writes the new columns and the aspects; the comment it does not write again
        // keeps its nulls.
        try RunRecorder(options: scratch.options()).record { sink in
            try sink.write(comment("H002", record: 2))
            return .finished
        }
        let rows = try database.read {
            try $0.query("SELECT comment_key, profile, profile_version, service_score FROM comments ORDER BY 1", [])
        }
        #expect(rows == [[.text("H001"), .null, .null, .null],
                         [.text("H002"), .text("hotel"), .text("1"), .real(-0.3)]])
        let aspects = try database.read { try $0.query("SELECT comment_key, aspect, label FROM aspect_mentions", []) }
        #expect(aspects == [[.text("H002"), .text("price"), .text("negative")]])
        let read = try DatabaseReader.comments(in: database)
        #expect(read.map(\.profile.name) == ["", "hotel"])
        #expect(read.map { $0.aspects.map(\.aspect) } == [[], [.price]])
    }

    /// The comments table as Rater made it before it stored the evidence kind (with the profile columns), with one
    /// comment whose stored terms name no source.
    func makeCommentsTableBeforeEvidenceKind(_ scratch: Scratch) throws {
        let old = Table("comments", columns: Schema.comments.columns.filter { $0.name != "evidence_kind" },
                        primaryKey: Schema.comments.primaryKey)
        try scratch.open().transaction { executor in
            for statement in old.createStatements(executor.dialect) + Schema.dimensionMentions.createStatements(
                executor.dialect) + Schema.aspectMentions.createStatements(executor.dialect) {
                try executor.execute(statement, [])
            }
            try executor.execute(old.insertStatement(executor.dialect), [
                .text("hotel.csv"), .text("H001"), .text("H001"), .integer(1), .integer(2), .text("en"),
                .text("Staff just disappeared."), .text("positive"), .real(0.2), .real(1), .real(0), .real(0),
                .real(0.6), .text("{}"), .text(#"[{"term":"staff","base":0.3,"weight":0.3,"rules":[]}]"#), .text("old"),
                .text("2026-11-20T00:00:00.000Z"), .text("generic"), .text("1"), .null,
            ])
        }
    }

    /// An older database gains `comments.evidence_kind` (null for the comments already there) when a run opens it;
    /// until then a reader that does not migrate reads it as it is. The stored terms of the old comment have no
    /// source and are not learned; those a run writes now carry both, and the kind.
    func commentsGainTheEvidenceKind(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        try makeCommentsTableBeforeEvidenceKind(scratch)
        let database = try scratch.open()
        #expect(try !commentColumns(database).contains("evidence_kind"))
        let unmigrated = try DatabaseReader.comments(in: database)
        #expect(unmigrated.map(\.sentiment.evidenceKind) == [nil])
        #expect(unmigrated.first?.sentiment.terms == [TermExplanation(term: "staff", base: 0.3, rules: [], weight: 0.3)])

        try database.createSchema()
        #expect(try commentColumns(database) == Set(Schema.comments.columnNames))
        #expect(try database.read { try $0.query("SELECT evidence_kind FROM comments", []) } == [[.null]])
        try database.createSchema()  // already current: nothing changes
        #expect(try commentColumns(database) == Set(Schema.comments.columnNames))

        try RunRecorder(options: scratch.options()).record { sink in
            var result = comment("H002", record: 2)
            result.sentiment.evidenceKind = .learnedOnly
            result.sentiment.terms = [TermExplanation(term: "staff", base: 0.3, rules: [], weight: 0.3,
                                                      source: "en/learned-reviews.tsv", isLearned: true),
                                      TermExplanation(term: "rude", base: -2, rules: [], weight: -2,
                                                      source: "team's \"odd\".tsv")]
            try sink.write(result)
            return .finished
        }
        let rows = try database.read { try $0.query("SELECT comment_key, evidence_kind FROM comments ORDER BY 1", []) }
        #expect(rows == [[.text("H001"), .null], [.text("H002"), .text("learned_only")]])
        let read = try DatabaseReader.comments(in: database)
        #expect(read.map(\.sentiment.evidenceKind) == [nil, .learnedOnly])
        #expect(read.last?.sentiment.terms.map(\.source) == ["en/learned-reviews.tsv", "team's \"odd\".tsv"])
        #expect(read.last?.sentiment.terms.map(\.isLearned) == [true, false])
    }

    @Test func sqliteCommentsGainTheEvidenceKind() throws { try commentsGainTheEvidenceKind(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresCommentsGainTheEvidenceKind() throws {
        try commentsGainTheEvidenceKind(.postgres)
    }

    @Test func sqliteCommentsGainTheProfileAndAspects() throws { try commentsGainTheProfileAndAspects(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresCommentsGainTheProfileAndAspects() throws {
        try commentsGainTheProfileAndAspects(.postgres)
    }

    /// `aggregates` made when its sentiment figures were `NOT NULL`: the constraints go and the rows stay, so a row
    /// of rating-only answers alone can say NULL rather than 0.
    func aggregateFiguresBecomeNullable(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        try makeStrictAggregates(scratch)
        func strict(_ database: any DatabaseConnection) throws -> Bool {
            let sql = switch database.dialect {
            case .sqlite: "SELECT \"notnull\" FROM pragma_table_info('aggregates') WHERE name = 'net_sentiment'"
            case .postgres: "SELECT CASE WHEN attnotnull THEN 1 ELSE 0 END FROM pg_attribute "
                + "WHERE attrelid = to_regclass('aggregates') AND attname = 'net_sentiment'"
            }
            return try database.read { try $0.query(sql, []).first?.first?.int == 1 }
        }
        let database = try scratch.open()
        #expect(try strict(database))
        try database.createSchema()
        #expect(try !strict(database))
        #expect(try database.count(Schema.aggregates) == 1)
        try database.createSchema()
        #expect(try database.count(Schema.aggregates) == 1)
        if kind == .sqlite {
            let indexes = try database.read {
                try $0.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'aggregates' "
                             + "AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name", []).compactMap { $0.first?.string }
            }
            #expect(indexes == Schema.aggregates.indexes.map(\.name).sorted())
        }
    }

    /// A view, an index and a trigger a dashboard author made on `aggregates` survive SQLite's rebuild of the table:
    /// the rename used to fail on the view ("error in view …: no such table"), so the new version could not open
    /// the database at all, and the index and trigger went with the old table.
    @Test func sqliteRebuildKeepsWhatUsersMadeOnTheTable() throws {
        let scratch = try Scratch(.sqlite)
        try makeStrictAggregates(scratch)
        try scratch.open().transaction { executor in
            try executor.execute("CREATE VIEW weekly AS SELECT period, net_sentiment FROM aggregates", [])
            try executor.execute("CREATE INDEX dashboard_by_period ON aggregates (period, scope)", [])
            try executor.execute("CREATE TABLE audit (what TEXT)", [])
            try executor.execute("CREATE TRIGGER aggregates_audit AFTER INSERT ON aggregates "
                                 + "BEGIN INSERT INTO audit VALUES ('aggregate'); END", [])
        }
        let database = try scratch.open()
        try database.createSchema()
        let objects = try database.read {
            try $0.query("SELECT type, name FROM sqlite_master WHERE name IN ('weekly', 'dashboard_by_period', "
                         + "'aggregates_audit') ORDER BY name", []).map { $0.compactMap(\.string) }
        }
        #expect(objects == [["trigger", "aggregates_audit"], ["index", "dashboard_by_period"], ["view", "weekly"]])
        #expect(try database.read { try $0.query("SELECT count(*) FROM weekly", []).first?.first?.int } == 1)
        let notNull = try database.read {
            try $0.query("SELECT \"notnull\" FROM pragma_table_info('aggregates') WHERE name = 'net_sentiment'", [])
                .first?.first?.int
        }
        #expect(notNull == 0)
    }

    /// An `aggregates` table as versions before the rating-only answers made it (sentiment figures `NOT NULL`),
    /// holding one row.
    func makeStrictAggregates(_ scratch: Scratch) throws {
        let figures: Set = ["share_positive", "share_negative", "share_neutral", "mean_score", "net_sentiment",
                            "positive_low", "positive_high", "negative_low", "negative_high"]
        let old = Table("aggregates", columns: Schema.aggregates.columns.map { column in
            var column = column
            if figures.contains(column.name) { column.nullable = false }
            return column
        }, primaryKey: Schema.aggregates.primaryKey, indexes: Schema.aggregates.indexes.map(\.columns))
        let row = Schema.aggregates.columns.map { column -> SQLValue in
            switch column.type {
            case .integer: return .integer(1)
            case .real: return .real(0.5)
            case .json: return .text("{}")
            case .timestamp: return .text("2026-11-01T00:00:00.000Z")
            default: return .text(column.name == "scope" ? "overall" : "")
            }
        }
        try scratch.open().transaction { executor in
            for statement in old.createStatements(executor.dialect) { try executor.execute(statement, []) }
            try executor.execute(old.insertStatement(executor.dialect), row)
        }
    }

    @Test func sqliteAggregateFiguresBecomeNullable() throws { try aggregateFiguresBecomeNullable(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresAggregateFiguresBecomeNullable() throws {
        try aggregateFiguresBecomeNullable(.postgres)
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
