import Dispatch
import Foundation
import RaterAggregate
import RaterCore
import RaterSinks

/// Records a run in its databases and its manifest, atomically.
///
/// The whole run is one transaction per database: its `runs` row, comments, mentions, rejects and aggregates
/// become visible together at the commit, or not at all. A run that throws is rolled back and then logged as a
/// `failed` row of its own (nothing else); a run that is killed leaves no trace, and the previous content is
/// exactly as it was. SQLite runs in WAL mode, so dashboards keep reading the previous content meanwhile.
///
/// One transaction rather than committed batches: a batch-committed run would need every reader to filter on
/// "runs that completed" and a rollback story for rows a failed run already replaced, while one SQLite or
/// PostgreSQL transaction of a few million upserts costs disk for the WAL, not memory.
public final class RunRecorder {
    public struct Options: Sendable {
        public var sqlitePath: String?
        public var postgresURL: String?
        public var manifestPath: String?
        /// The expanded inputs, in reading order (`-` for standard input).
        public var inputs: [String]
        /// The lexicon files in force, in load order.
        public var lexiconFiles: [String]
        public var profileVersion: String?
        public var outputs: [String: String]
        public var raterVersion: String

        public init(sqlitePath: String? = nil, postgresURL: String? = nil, manifestPath: String? = nil,
                    inputs: [String], lexiconFiles: [String] = [], profileVersion: String? = nil,
                    outputs: [String: String] = [:], raterVersion: String = RunRecorder.raterVersion) {
            self.sqlitePath = sqlitePath
            self.postgresURL = postgresURL
            self.manifestPath = manifestPath
            self.inputs = inputs
            self.lexiconFiles = lexiconFiles
            self.profileVersion = profileVersion
            self.outputs = outputs
            self.raterVersion = raterVersion
        }

        public var isEnabled: Bool { sqlitePath != nil || postgresURL != nil || manifestPath != nil }
    }

    /// How the body of a run ended, when it did not throw.
    public enum End: Sendable {
        /// Every input was read.
        case finished
        /// `--strict` stopped at the first rejection: what was written so far is kept.
        case stopped
    }

    public static let raterVersion = "0.1.0-dev"

    public let databases: [any DatabaseConnection]
    public private(set) var manifest: RunManifest
    /// What could not be given back after the run (`JournalRelease.failed`), one message per database: the run
    /// itself is settled, so these are warnings for the log, not errors.
    public private(set) var journalWarnings: [String] = []
    private let options: Options
    private let started: DispatchTime

    /// Opens the databases (creating missing tables) and digests the inputs and lexicons: everything that can fail
    /// before the first record is read.
    public init(options: Options, runID: String = UUID().uuidString.lowercased(), now: Date = Date()) throws {
        started = DispatchTime.now()
        self.options = options
        var databases = [any DatabaseConnection]()
        var outputs = options.outputs
        if let path = options.sqlitePath {
            databases.append(try SQLiteConnection(path: path))
            outputs["sqlite"] = path
        }
        if let url = options.postgresURL {
            let connection = try PostgresConnection(url: url)
            databases.append(connection)
            outputs["postgres"] = connection.displayName
        }
        for database in databases { try database.createSchema() }
        self.databases = databases
        let hashing = DispatchTime.now()
        let inputs = try RunManifest.digests(options.inputs)
        let lexicons = try RunManifest.digests(options.lexiconFiles)
        var timings = RunManifest.Timings()
        timings.hashingSeconds = Self.seconds(since: hashing)
        manifest = RunManifest(
            runID: runID, raterVersion: options.raterVersion, startedAt: Rows.timestamp(now), finishedAt: nil,
            status: "running", exitCode: nil, error: nil, inputs: inputs, lexicons: lexicons,
            lexiconVersion: RunManifest.lexiconVersion(lexicons), profileVersion: options.profileVersion,
            counts: RunManifest.Counts(), timings: timings, outputs: outputs)
    }

    /// Runs `body` inside one transaction per database, then records the run's row and writes the manifest.
    /// Returns the finished manifest (its `exitCode` is what the process should exit with). When `body` throws,
    /// nothing it wrote is kept, a `failed` run is logged, the manifest says so, and the error is rethrown.
    @discardableResult
    public func record(_ body: (RunSink) throws -> End) throws -> RunManifest {
        let sink = RunSink()
        do {
            try within(databases[...], sink: sink) { sink in
                let end = try body(sink)
                for writer in sink.writers { try writer.finish() }
                finish(end: end, sink: sink)
                for writer in sink.writers {
                    try writer.executor.execute(Schema.runs.upsertStatement(writer.executor.dialect), try runRow())
                }
            }
        } catch {
            fail(error, sink: sink)
            throw error
        }
        releaseJournals(committed: true)
        manifest.timings.seconds = Self.seconds(since: started)
        try options.manifestPath.map { try manifest.write(to: $0) }
        return manifest
    }

    /// Nests one transaction per database, the first outermost; each inserts the run's `running` row first.
    private func within(_ databases: ArraySlice<any DatabaseConnection>, sink: RunSink,
                        _ body: (RunSink) throws -> Void) throws {
        guard let database = databases.first else { return try body(sink) }
        try database.transaction { executor in
            try executor.execute(Schema.runs.upsertStatement(executor.dialect), try runRow())
            let (runID, timestamp) = (manifest.runID, manifest.startedAt)
            sink.writers.append(executor.dialect == .sqlite
                ? StagedRunWriter(executor: executor, runID: runID, timestamp: timestamp)
                : RunWriter(executor: executor, runID: runID, timestamp: timestamp))
            defer { sink.writers.removeLast() }
            try within(databases.dropFirst(), sink: sink, body)
        }
    }

    private func finish(end: End, sink: RunSink) {
        manifest.counts = sink.counts
        manifest.finishedAt = Rows.timestamp(Date())
        switch end {
        case .finished where sink.counts.rejected > 0:
            manifest.status = "complete_with_rejects"
            manifest.exitCode = 3
        case .finished:
            manifest.status = "complete"
            manifest.exitCode = 0
        case .stopped:
            manifest.status = "stopped"
            manifest.exitCode = 4
        }
        manifest.timings.seconds = Self.seconds(since: started)
    }

    /// Logs the failed run in each database that can still be reached (its own small transaction) and writes
    /// the manifest; failures here are secondary to the run's own error and are not reported over it.
    private func fail(_ error: any Error, sink: RunSink) {
        manifest.counts = sink.counts
        manifest.finishedAt = Rows.timestamp(Date())
        manifest.status = "failed"
        manifest.exitCode = 1
        manifest.error = "\(error)"
        manifest.timings.seconds = Self.seconds(since: started)
        for database in databases {
            try? database.transaction { executor in
                try executor.execute(Schema.runs.upsertStatement(executor.dialect), try runRow())
            }
        }
        // A rolled-back run leaves the pages it spilled in SQLite's WAL just the same.
        releaseJournals(committed: false)
        try? options.manifestPath.map { try manifest.write(to: $0) }
    }

    /// Releases each database's journal after the run (`committed`: the run's rows are in, rather than rolled back)
    /// and keeps a warning for each that failed, with what to do: the WAL must not be deleted, since the database
    /// file alone is then corrupt (a checkpoint that failed part-way has already overwritten some of its pages).
    private func releaseJournals(committed: Bool) {
        for database in databases {
            guard case .failed(let message) = database.releaseJournal() else { continue }
            let outcome = committed ? "the run is committed and its rows are safe in the WAL" : "the run was rolled back"
            journalWarnings.append("\(database.displayName): SQLite could not copy the WAL into the database "
                + "(\(message)); \(outcome). Do not delete the -wal file: the database needs it. Free disk space, then "
                + "run `PRAGMA wal_checkpoint(TRUNCATE)` on the database (the next run tries again, and adds its own "
                + "rows to the WAL first)")
        }
    }

    private func runRow() throws -> [SQLValue] {
        Schema.runs.values([
            "id": .text(manifest.runID),
            "started_at": .text(manifest.startedAt),
            "finished_at": SQLValue(manifest.finishedAt),
            "status": .text(manifest.status),
            "exit_code": SQLValue(manifest.exitCode),
            "rater_version": .text(manifest.raterVersion),
            "lexicon_version": SQLValue(manifest.lexiconVersion),
            "profile_version": SQLValue(manifest.profileVersion),
            "read": .integer(manifest.counts.read),
            "analysed": .integer(manifest.counts.analysed),
            "rejected": .integer(manifest.counts.rejected),
            "seconds": .real(manifest.timings.seconds),
            "manifest": .text(try manifest.json()),
        ])
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// What a run writes to: every database's writer, and the counts for the `runs` row and the manifest.
public final class RunSink {
    fileprivate(set) var writers: [any RunRowWriter] = []
    public private(set) var counts = RunManifest.Counts()

    init() {}

    /// Writes a comment and its signals to every database; returns its key (the same in each) when a writer knows
    /// it by now (see `RunRowWriter.write(_:)`).
    @discardableResult
    public func write(_ result: CommentResult) throws -> String? {
        try write(StoredComment(result))
    }

    /// `write(_:)` for a result already in its stored form, as the workers of `rater analyze` make it.
    @discardableResult
    public func write(_ comment: StoredComment) throws -> String? {
        counts.read += 1
        counts.analysed += 1
        counts.signals += comment.signals.count
        var key: String?
        for writer in writers { key = try writer.write(comment) ?? key }
        return key
    }

    public func write(_ rejection: Rejection) throws {
        counts.read += 1
        counts.rejected += 1
        counts.rejectedByReason[rejection.reason.code, default: 0] += 1
        for writer in writers { try writer.write(rejection) }
    }

    public func write(_ aggregates: [AggregateRow]) throws {
        counts.aggregates += aggregates.count
        for writer in writers { try writer.write(aggregates) }
    }
}
