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
        /// The grouping the `aggregates` table is made with at the end of the run, over every stored comment
        /// (`StoredAggregates`).
        public var aggregation: AggregationOptions
        /// What relative inputs are relative to, for the stored sources' paths (`SourceNames`).
        public var currentDirectory: String
        /// The name an input is stored under when it is not its path (`--source-name`), by input as in `inputs`.
        public var sourceNames: [String: String] = [:]
        /// `--replace-source`: each input is the whole of its source, and the rows earlier runs stored for it that a
        /// finished run did not write go (`SourceReplacement`).
        public var replacesSources = false
        /// False for an `--incremental` run, which writes the records appended since the last one only: the rows
        /// earlier runs stored are no leftovers then.
        public var readsInputsWhole = true

        public init(sqlitePath: String? = nil, postgresURL: String? = nil, manifestPath: String? = nil,
                    inputs: [String], lexiconFiles: [String] = [], profileVersion: String? = nil,
                    outputs: [String: String] = [:], raterVersion: String = RunRecorder.raterVersion,
                    aggregation: AggregationOptions = AggregationOptions(),
                    currentDirectory: String = FileManager.default.currentDirectoryPath) {
            self.sqlitePath = sqlitePath
            self.postgresURL = postgresURL
            self.manifestPath = manifestPath
            self.inputs = inputs
            self.lexiconFiles = lexiconFiles
            self.profileVersion = profileVersion
            self.outputs = outputs
            self.raterVersion = raterVersion
            self.aggregation = aggregation
            self.currentDirectory = currentDirectory
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
    /// What could not be given back after the run (`JournalRelease.failed`), one message per database, and a failed
    /// run's `runs` row that could not be written (a full disk): the run itself is settled, so these are warnings
    /// for the log, not errors.
    public private(set) var closingWarnings: [String] = []
    /// The keys that came more than once in the run (the first database's count; each counts the same input).
    public private(set) var duplicates = DuplicateKeys()
    /// Which inputs are stored under another source name, and why (`SourceNames`), for the log at info level.
    public private(set) var sourceNotes: [String] = []
    /// Sources whose recorded path changed in this run (`SourceNames`), and sources most of whose comments another
    /// source already holds (`SourceOverlap`), for the log at warning level.
    public private(set) var sourceWarnings: [String] = []
    /// What `--replace-source` deleted, one line per source and database, for the run's summary: a deletion leaves
    /// no other trace, so it is said where a cron mail shows it, not at info level.
    public private(set) var replacements: [String] = []
    /// The grouping options this run made the `aggregates` tables with, as `runs.aggregation` records them; nil
    /// until it has made them.
    private var madeAggregates: String?
    private let options: Options
    private let started: DispatchTime
    private let manifestFile: ManifestFile?
    /// Per database (as `databases`): whether its transaction of this run has committed.
    private var committed: [Bool]
    /// A signal that asks the run to stop (`SIGTERM`, `SIGINT`): checked once the body has returned, before the
    /// commit, so that a run asked to stop while its end was prepared (the staged rows merged, the aggregates made)
    /// is rolled back, not committed. The body checks it between records itself.
    public var interruption: RunInterruption?

    /// Opens the databases (creating missing tables) and digests the inputs and lexicons: everything that can fail
    /// before the first record is read. The manifest's temporary file is made first (`manifestFile`, if the caller
    /// made it earlier still, else from `options.manifestPath`), so an unwritable manifest fails the run before
    /// anything is opened; then the run's `running` manifest replaces the previous run's (`ManifestFile.begin`), so
    /// that a run killed from here on never leaves the previous run's `complete` one in place. When anything after
    /// that fails, the failure is still recorded: as a `failed` manifest
    /// (replacing the previous run's, which would otherwise go on saying `complete`) and as a `failed` row in each
    /// database that was already open and ready; then the error is rethrown.
    public convenience init(options: Options, manifestFile: ManifestFile? = nil,
                            runID: String = UUID().uuidString.lowercased(), now: Date = Date()) throws {
        var opening = [() throws -> any DatabaseConnection]()
        if let path = options.sqlitePath { opening.append { try SQLiteConnection(path: path) } }
        if let url = options.postgresURL { opening.append { try PostgresConnection(url: url) } }
        try self.init(options: options, manifestFile: manifestFile, runID: runID, now: now, opening: opening)
    }

    /// `init(options:…)` over the databases `opening` opens, in order (tests pass their own connections).
    init(options: Options, manifestFile: ManifestFile?, runID: String, now: Date,
         opening: [() throws -> any DatabaseConnection]) throws {
        started = DispatchTime.now()
        self.options = options
        let manifestFile = try manifestFile ?? options.manifestPath.map { try ManifestFile(path: $0) }
        self.manifestFile = manifestFile
        var manifest = RunManifest(
            runID: runID, raterVersion: options.raterVersion, startedAt: Rows.timestamp(now), finishedAt: nil,
            status: "running", exitCode: nil, error: nil, inputs: options.inputs.map {
                RunManifest.FileDigest(path: $0, bytes: nil, sha256: nil)
            }, lexicons: [], lexiconVersion: nil, profileVersion: options.profileVersion,
            counts: RunManifest.Counts(), timings: RunManifest.Timings(), outputs: options.outputs)
        (manifest.pid, manifest.host) = RunManifest.currentProcess
        // Each database gets its tables before the next one is opened: one that cannot be reached still leaves a
        // `failed` row in those before it.
        var ready = [any DatabaseConnection]()
        do {
            try manifestFile?.begin(manifest)
            for open in opening {
                let database = try open()
                manifest.outputs[database.dialect == .sqlite ? "sqlite" : "postgres"] = database.displayName
                try database.createSchema()
                ready.append(database)
            }
            let hashing = DispatchTime.now()
            manifest.inputs = try RunManifest.digests(options.inputs, in: options.currentDirectory)
            manifest.lexicons = try RunManifest.digests(options.lexiconFiles)
            manifest.lexiconVersion = RunManifest.lexiconVersion(manifest.lexicons)
            manifest.timings.hashingSeconds = Self.seconds(since: hashing)
        } catch {
            manifest.markFailed(error, seconds: Self.seconds(since: started))
            for database in ready {
                try? database.transaction { executor in
                    try executor.execute(Schema.runs.upsertStatement(executor.dialect), try Self.runRow(manifest))
                }
            }
            try? manifestFile?.write(manifest)
            throw error
        }
        databases = ready
        self.manifest = manifest
        committed = Array(repeating: false, count: ready.count)
    }

    /// Runs `body` inside one transaction per database, then records the run's row; after every database has
    /// committed, runs `afterCommit` (the caller moves its output files into place there) and writes the manifest.
    /// Returns the finished manifest (its `exitCode` is what the process should exit with).
    ///
    /// When `body` or a commit throws, nothing is kept in any database that had not committed yet, a `failed` run
    /// is logged in each of them, the manifest says so, and the error is rethrown; wrapped in
    /// `RunRecordingError.partlyCommitted` if some database had committed already (its `runs` row keeps the status
    /// it committed with: its rows are all there). When `afterCommit` or the manifest's own write throws, the run
    /// is committed everywhere: the manifest (if it can still be written) keeps the run's status, with exit code 1
    /// and the error, and the error comes back as `RunRecordingError.afterCommit`.
    @discardableResult
    public func record(_ body: (RunSink) throws -> End, afterCommit: (End) throws -> Void = { _ in }) throws
        -> RunManifest
    {
        let sink = RunSink()
        var end = End.finished
        do {
            try within(Array(databases.indices)[...], sink: sink) { sink in
                end = try body(sink)
                for (index, writer) in sink.writers.enumerated() {
                    try writer.finish()
                    try RecordOutcomes.deleteSupersededByComments(writer.executor, runID: manifest.runID)
                    try replaceSources(writer.executor, database: index, end: end, sink: sink)
                }
                // Once the writers have finished (a SQLite run's staged rows are merged): comments stored under
                // another source as well are counted twice by the aggregates made next.
                for (index, writer) in sink.writers.enumerated() {
                    let prefix = databases.count > 1 ? databases[index].displayName + ": " : ""
                    sourceWarnings += try SourceOverlap.warnings(writer.executor, runID: manifest.runID)
                        .map { prefix + $0 }
                }
                if let first = sink.writers.first {
                    duplicates = try DuplicateKeys.read(first.executor)
                    sink.duplicates = duplicates
                }
                try aggregateStoredComments(sink: sink)
                try interruption?.check()
                noteInputsChanged()
                finish(end: end, sink: sink)
                for writer in sink.writers {
                    try writer.executor.execute(Schema.runs.upsertStatement(writer.executor.dialect), try runRow())
                }
                // The work of a commit that can fail comes before any database commits: SQLite writes the pages the
                // run changed to its WAL now, so that a full disk (the likeliest failure) rolls every database back
                // instead of failing SQLite's commit after PostgreSQL's.
                for writer in sink.writers { try writer.executor.prepareCommit() }
            }
        } catch {
            let partly = fail(error, sink: sink)
            throw partly ?? error
        }
        releaseJournals()
        manifest.timings.seconds = Self.seconds(since: started)
        do {
            try afterCommit(end)
            try manifestFile?.write(manifest)
        } catch {
            let committedError = RunRecordingError.afterCommit(
                databases: databases.map(\.displayName), status: manifest.status, error: "\(error)")
            manifest.exitCode = 1
            manifest.error = "\(committedError)"
            try? manifestFile?.write(manifest)
            throw committedError
        }
        return manifest
    }

    /// An input whose size differs at the run's end from its start was written to while the run read it (an export
    /// still being written, a file appended to): the manifest's digest is of the file as it was when the run started,
    /// not of what the run read, so the digest says so and the run warns (a user-side review: 2,000 rows appended
    /// during a run were analysed and stored under the digest of the file without them).
    private func noteInputsChanged() {
        for index in manifest.inputs.indices {
            let input = manifest.inputs[index]
            guard let bytes = input.bytes else { continue }
            let path = SourceNames.absolutePath(input.path, in: options.currentDirectory)
            let now = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            guard let now, now != bytes else { continue }
            let note = "changed while the run read it: \(bytes) bytes when the run started, \(now) at its end; the "
                + "digest is of the file as it was at the start, and the run may have read part of the change"
            manifest.inputs[index].note = note
            sourceWarnings.append("input \(input.path) \(note) (let the export be written whole before the run)")
        }
    }

    /// Deletes, or names, the rows earlier runs stored for this run's sources that it did not write
    /// (`SourceReplacement`). Named as a warning for a source stored under its path, where such rows are records a
    /// corrected export dropped; as a note under a `--source-name`, which may gather exports of one day each on
    /// purpose.
    private func replaceSources(_ executor: any SQLExecutor, database index: Int, end: End, sink: RunSink) throws {
        guard end == .finished, options.readsInputsWhole else { return }
        let prefix = databases.count > 1 ? databases[index].displayName + ": " : ""
        // Two runs replacing one source at once in PostgreSQL each deleted the earlier rows they could see, not the
        // other's uncommitted ones, and the source kept both exports (a code review). Under the lock the refresh
        // takes anyway, held to the commit, the second run's replacement sees the first's rows and replaces them.
        if options.replacesSources { try SharedWriteLock.aggregates.take(executor) }
        let leftovers = try SourceReplacement.leftovers(executor, runID: manifest.runID)
        if options.replacesSources {
            var replacing = [String]()
            for leftover in leftovers {
                let exemption: SourceReplacement.Exemption? =
                    sink.partlyRead[index]?.contains(leftover.source) == true ? .partlyRead
                    : leftover.written == 0 ? .nothingStored
                    : sink.names[index].moved.contains(leftover.source) ? .moved : nil
                guard let exemption else {
                    replacing.append(leftover.source)
                    continue
                }
                if leftover.comments > 0 {
                    sourceWarnings.append(prefix + SourceReplacement.exempted(
                        source: leftover.source, comments: leftover.comments, exemption))
                }
            }
            for deleted in try SourceReplacement.deleteRowsNotWritten(executor, runID: manifest.runID,
                                                                      replacing: replacing) {
                replacements.append(prefix + SourceReplacement.note(deleted))
                // Every database deletes the same records: the first one's count is the run's.
                if index == 0 { sink.replacedComments += deleted.comments }
            }
            return
        }
        let named = Set(options.sourceNames.values)
        for leftover in leftovers where leftover.comments > 0 {
            if try SourceReplacement.changedKeying(executor, runID: manifest.runID, source: leftover.source) {
                sourceWarnings.append(prefix + SourceReplacement.keyingNote(source: leftover.source,
                                                                            comments: leftover.comments))
                continue
            }
            let line = prefix + SourceReplacement.note(source: leftover.source, comments: leftover.comments)
            if named.contains(leftover.source) { sourceNotes.append(line) } else { sourceWarnings.append(line) }
        }
    }

    /// Nests one transaction per database (by index), the first outermost, so the last commits first; each inserts
    /// the run's `running` row first, and is marked committed when its transaction returns.
    private func within(_ indices: ArraySlice<Int>, sink: RunSink, _ body: (RunSink) throws -> Void) throws {
        guard let index = indices.first else { return try body(sink) }
        try databases[index].transaction { executor in
            try executor.execute(Schema.runs.upsertStatement(executor.dialect), try runRow())
            let (runID, timestamp) = (manifest.runID, manifest.startedAt)
            try DuplicateKeys.prepare(executor)
            let names = try SourceNames.resolve(executor, inputs: options.inputs,
                                                currentDirectory: options.currentDirectory, runID: runID,
                                                timestamp: timestamp, given: options.sourceNames)
            let prefix = databases.count > 1 ? databases[index].displayName + ": " : ""
            sourceNotes += names.notes.map { prefix + $0 }
            sourceWarnings += names.warnings.map { prefix + $0 }
            sink.writers.append(executor.dialect == .sqlite
                ? StagedRunWriter(executor: executor, runID: runID, timestamp: timestamp)
                : RunWriter(executor: executor, runID: runID, timestamp: timestamp))
            sink.names.append(names)
            defer {
                sink.writers.removeLast()
                sink.names.removeLast()
            }
            try within(indices.dropFirst(), sink: sink, body)
        }
        committed[index] = true
    }

    /// Makes each database's `aggregates` table the aggregation of every comment it now holds, the run's included
    /// (`StoredAggregates`): after the writers have finished, so that the rows a SQLite run staged are merged.
    private func aggregateStoredComments(sink: RunSink) throws {
        let start = DispatchTime.now()
        for (index, writer) in sink.writers.enumerated() {
            let outcome = try StoredAggregates.refresh(
                writer.executor, options: options.aggregation, runID: manifest.runID, timestamp: manifest.startedAt)
            sink.aggregateRows = outcome.rows
            sourceWarnings += outcome.warnings.map { databases[index].displayName + ": " + $0 }
        }
        madeAggregates = try StoredAggregates.encoded(options.aggregation)
        if !sink.writers.isEmpty { manifest.timings.aggregatesSeconds = Self.seconds(since: start) }
    }

    private func finish(end: End, sink: RunSink) {
        manifest.counts = sink.counts
        manifest.warnings = sourceWarnings.isEmpty ? nil : sourceWarnings
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

    /// Logs the failed run in each database that can still be reached and has not committed the run (its own small
    /// transaction), and writes the manifest; failures here are secondary to the run's own error and are not
    /// reported over it. A database that committed keeps its `runs` row: its rows are all there, and a `failed` row
    /// would say they are not. Returns the error to report when some database did commit.
    private func fail(_ error: any Error, sink: RunSink) -> RunRecordingError? {
        let committedStatus = manifest.status
        manifest.counts = sink.counts
        manifest.markFailed(error, seconds: Self.seconds(since: started))
        var partly: RunRecordingError?
        if committed.contains(true) {
            let names = { (flag: Bool) in
                self.databases.indices.filter { self.committed[$0] == flag }.map { self.databases[$0].displayName }
            }
            let error = RunRecordingError.partlyCommitted(
                committedIn: names(true), status: committedStatus, failedIn: names(false), error: "\(error)")
            partly = error
            manifest.error = "\(error)"
            manifest.databases = Dictionary(databases.indices.map {
                (databases[$0].displayName, committed[$0] ? committedStatus : "failed")
            }, uniquingKeysWith: { first, _ in first })
        }
        for (index, database) in databases.enumerated() where !committed[index] {
            do {
                try database.transaction { executor in
                    try executor.execute(Schema.runs.upsertStatement(executor.dialect), try runRow())
                }
            } catch let recording {
                // Said, not thrown over the run's own error: a dashboard reading `runs` sees no failed run, so the
                // log must (a full disk wrote nothing and said nothing; a user-side review).
                closingWarnings.append("\(database.displayName): the failed run could not be recorded in its runs "
                    + "table (\(recording)); the run's error and the manifest say why it failed")
            }
        }
        // A rolled-back run leaves the pages it spilled in SQLite's WAL just the same.
        releaseJournals()
        try? manifestFile?.write(manifest)
        return partly
    }

    /// Releases each database's journal after the run and keeps a warning for each that failed, with what to do:
    /// the WAL must not be deleted, since the database file alone is then corrupt (a checkpoint that failed
    /// part-way has already overwritten some of its pages).
    private func releaseJournals() {
        for (index, database) in databases.enumerated() {
            guard case .failed(let message) = database.releaseJournal() else { continue }
            let outcome = committed[index]
                ? "the run is committed and its rows are safe in the WAL" : "the run was rolled back"
            closingWarnings.append("\(database.displayName): SQLite could not copy the WAL into the database "
                + "(\(message)); \(outcome). Do not delete the -wal file: the database needs it. Free disk space (or raise "
                + "the file size limit, `ulimit -f`, where that is what stopped it), then "
                + "run `PRAGMA wal_checkpoint(TRUNCATE)` on the database (the next run tries again, and adds its own "
                + "rows to the WAL first)")
        }
    }

    private func runRow() throws -> [SQLValue] { try Self.runRow(manifest, aggregation: madeAggregates) }

    /// `aggregation`: the grouping options the run made the `aggregates` table with (`StoredAggregates.encoded`),
    /// nil for a run that did not make it.
    private static func runRow(_ manifest: RunManifest, aggregation: String? = nil) throws -> [SQLValue] {
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
            "duplicate_keys": .integer(manifest.counts.duplicateKeys),
            "duplicates_replaced": .integer(manifest.counts.duplicatesReplaced),
            "aggregation": SQLValue(aggregation),
            "rating_only": .integer(manifest.counts.ratingOnly),
        ])
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// A run that did not end as one outcome everywhere: see `RunRecorder.record`.
public enum RunRecordingError: Error, Sendable, CustomStringConvertible {
    /// Some databases committed the run before another failed to.
    case partlyCommitted(committedIn: [String], status: String, failedIn: [String], error: String)
    /// Every database committed the run, then an output or the manifest could not be moved into place.
    case afterCommit(databases: [String], status: String, error: String)

    public var description: String {
        switch self {
        case let .partlyCommitted(committedIn, status, failedIn, error):
            return "the run is committed in \(committedIn.joined(separator: ", ")) (its runs row says \(status)) but "
                + "not in \(failedIn.joined(separator: ", ")) (rolled back, its runs row says failed): \(error). "
                + "Re-run the same input to bring them level: the writes are idempotent"
        case let .afterCommit(databases, status, error):
            guard !databases.isEmpty else { return "the run finished (\(status)), but then: \(error)" }
            return "the run is committed in \(databases.joined(separator: ", ")) (runs row: \(status)), but then: \(error)"
        }
    }
}

/// What a run writes to: every database's writer, and the counts for the `runs` row and the manifest.
public final class RunSink {
    fileprivate(set) var writers: [any RunRowWriter] = []
    /// Each writer's stored source names (as `writers`).
    fileprivate var names: [SourceNames] = []
    /// Per writer (by index), the stored names of the sources whose input was not read to its end
    /// (`Rejection.Reason.endsInput`): `--replace-source` leaves them alone.
    fileprivate var partlyRead: [Int: Set<String>] = [:]
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
        for (writer, names) in zip(writers, names) { key = try writer.write(names.stored(comment)) ?? key }
        return key
    }

    public func write(_ rejection: Rejection) throws {
        counts.read += 1
        counts.rejected += 1
        counts.rejectedByReason[rejection.reason.code, default: 0] += 1
        for (index, (writer, names)) in zip(writers, names).enumerated() {
            let stored = names.stored(rejection)
            try writer.write(stored)
            if rejection.reason.endsInput { partlyRead[index, default: []].insert(stored.source) }
        }
    }

    public func write(_ answer: RatingOnlyAnswer) throws {
        counts.read += 1
        counts.ratingOnly += 1
        for (writer, names) in zip(writers, names) { try writer.write(names.stored(answer)) }
    }

    /// Deletes the row a record held back by an earlier incremental run left, in every database, before the
    /// record's outcome is written (`SupersededRecord`). Counts nothing: the record is counted by its outcome.
    public func delete(_ superseded: SupersededRecord) throws {
        for (writer, names) in zip(writers, names) { try writer.delete(names.stored(superseded)) }
    }

    /// The keys that came more than once: set when the writers have finished.
    fileprivate var duplicates: DuplicateKeys {
        get { DuplicateKeys(keys: counts.duplicateKeys, replaced: counts.duplicatesReplaced) }
        set {
            counts.duplicateKeys = newValue.keys
            counts.duplicatesReplaced = newValue.replaced
        }
    }

    /// The comments `--replace-source` deleted (the first database's count; each deletes the same records).
    fileprivate var replacedComments: Int {
        get { counts.replacedComments }
        set { counts.replacedComments = newValue }
    }

    /// The rows of the `aggregates` table after the run (the same in each database): set when the run ends.
    var aggregateRows: Int {
        get { counts.aggregates }
        set { counts.aggregates = newValue }
    }
}
