import RaterAggregate
import RaterCore
import RaterSinks

/// Writes one run's rows into one database as they come, inside the run's transaction: what a PostgreSQL run uses,
/// whose server does the work in a process of its own, and what `StagedRunWriter` uses for a SQLite run's comments
/// with export ids until the first one keyed by a digest.
///
/// Every write is an upsert keyed as the README describes, so writing the same input again replaces rows instead
/// of adding them; a comment's dimension mentions, aspect mentions and signals are replaced as a whole, so a
/// dimension or aspect it no longer speaks to or a signal value it no longer has does not linger from an earlier run.
///
/// Comments, dimension and aspect mentions and signals wait in `PendingRows` and are written several to a statement; `flush()`
/// writes what waits, and the run calls it before its commit. The result is the same as writing each row at once:
/// the rows waiting together always belong to different comments (a comment whose key already waits makes the
/// writer flush first), and a signal that replaces one still waiting takes its place.
public final class RunWriter: RunRowWriter {
    public let runID: String
    public let executor: any SQLExecutor
    let timestamp: String
    private let deleteDimensions: String
    private let deleteAspects: String
    private let deleteSignals: String
    private let upsertRejection: String
    private var comments: PendingRows
    private var dimensions: PendingRows
    private var aspects: PendingRows
    private var signals: PendingRows
    /// The comments with rows waiting in any of the four, by source and key.
    private var waiting: Set<CommentKey> = []
    /// Occurrences of each text digest, per source, for comments without an export id.
    private var repeats: RepeatCounter
    /// The run, export id and record of the comment stored under a key: how `storedSoFar` counts a text's
    /// occurrences.
    private let selectRunOfComment: String

    /// How many rows go in one statement, and how many comments may wait before everything is written (which
    /// empties `waiting`).
    struct Batching {
        var rowsPerStatement: Int
        var commentsPerFlush: Int

        /// Storing the 2 MB English export took 1,519 M instructions row by row, 1,168 M sixteen rows a statement
        /// (64 comments a flush) and 1,137 M thirty-two (128): the statement journals grow with the rows, so more
        /// gain little.
        static let standard = Batching(rowsPerStatement: 32, commentsPerFlush: 128)
        /// Each row written at once, as before batching: what tests compare the batched writes with.
        static let none = Batching(rowsPerStatement: 1, commentsPerFlush: 1)
    }

    private let batching: Batching

    private struct CommentKey: Hashable {
        var source: String
        var key: String
    }

    init(executor: any SQLExecutor, runID: String, timestamp: String, batching: Batching = .standard,
         repeatLimits: RepeatCounter.Limits = .standard) {
        precondition(batching.rowsPerStatement >= 1 && batching.commentsPerFlush >= 1, "batches of one or more")
        self.executor = executor
        self.batching = batching
        repeats = RepeatCounter(limits: repeatLimits)
        self.runID = runID
        self.timestamp = timestamp
        let dialect = executor.dialect
        let ofComment = " WHERE source = \(dialect.placeholder(1)) AND comment_key = \(dialect.placeholder(2))"
        deleteDimensions = "DELETE FROM dimension_mentions" + ofComment
        deleteAspects = "DELETE FROM aspect_mentions" + ofComment
        deleteSignals = "DELETE FROM signals" + ofComment
        selectRunOfComment = "SELECT run_id, id, record FROM comments" + ofComment
        upsertRejection = Schema.rejects.upsertStatement(dialect)
        let rows = batching.rowsPerStatement
        comments = PendingRows(Schema.comments, dialect: dialect, rowsPerStatement: rows)
        dimensions = PendingRows(Schema.dimensionMentions, dialect: dialect, rowsPerStatement: rows)
        aspects = PendingRows(Schema.aspectMentions, dialect: dialect, rowsPerStatement: rows)
        signals = PendingRows(Schema.signals, dialect: dialect, rowsPerStatement: rows)
    }

    /// The key a comment is stored under: its own id when the export has one (`Rows.hasExportID`); otherwise a
    /// digest of its text (`sha256:…`), with `#2`, `#3` … for repeats of the same text within one source, counted
    /// from the source's first record: an incremental run counts those of the records it skipped (`skipped`) before
    /// its own. A re-run over the same input gives the same keys, and a file that grows by appended lines keeps the
    /// keys of the lines it had, whether the run reads it whole or only what was appended.
    private func key(id: String, source: String, recordNumber: Int, text: String,
                     skipped: SkippedTexts?) throws -> String {
        if Rows.hasExportID(id: id, source: source, recordNumber: recordNumber) { return id }
        let hex = SHA256Digest.hex(of: text)
        let digest = "sha256:" + hex
        let occurrence = try repeats.occurrence(
            of: hex, in: source,
            earlier: { try skipped.map { try $0.occurrences(of: SkippedTexts.Digest(hex: hex)!) } ?? 0 },
            storedSoFar: { earlier in try storedSoFar(of: digest, in: source, after: earlier) })
        return Self.key(digest: digest, occurrence: occurrence)
    }

    private static func key(digest: String, occurrence: Int) -> String {
        occurrence == 1 ? digest : digest + "#\(occurrence)"
    }

    /// How many occurrences of a text `source` has had so far: the `earlier` ones (before the run's first record)
    /// and those this run has stored, counted from the rows themselves: occurrence `n` is stored under
    /// `key(digest:occurrence: n)` with this run's id, and occurrences are stored in order from `earlier + 1`, so
    /// the count is the last `n` whose row this run wrote, found by doubling `n - earlier` and then halving the gap.
    /// A key from an earlier run does not count, nor does a row under an export id that happens to look like such a
    /// key. The rows still waiting are written first so that the database has them all: a flush and a few look-ups,
    /// which only a text seen before and forgotten since, or the filter's rare false alarm, costs.
    ///
    /// One case still differs from counting in memory: an export id shaped like `sha256:…#n` that replaced the row
    /// of an occurrence this run had already stored (counting in memory went on past it; this starts again there).
    private func storedSoFar(of digest: String, in source: String, after earlier: Int) throws -> Int {
        try flush()
        func stored(_ occurrence: Int) throws -> Bool {
            let key = Self.key(digest: digest, occurrence: occurrence)
            guard let row = try executor.query(selectRunOfComment, [.text(source), .text(key)]).first,
                  row.count == 3, row[0] == .text(runID),
                  case let .text(id) = row[1], case let .integer(record) = row[2]
            else { return false }
            return !Rows.hasExportID(id: id, source: source, recordNumber: record)
        }
        // Counted past `earlier`.
        guard try stored(earlier + 1) else { return earlier }
        var (found, missing) = (1, 2)
        while try stored(earlier + missing) { (found, missing) = (missing, missing * 2) }
        while missing - found > 1 {
            let middle = found + (missing - found) / 2
            if try stored(earlier + middle) { found = middle } else { missing = middle }
        }
        return earlier + found
    }

    /// Writes a comment, its dimension and aspect mentions and its signals (or queues them; see `flush()`); returns
    /// the comment's key.
    @discardableResult
    public func write(_ comment: StoredComment) throws -> String? {
        let key = try key(id: comment.id, source: comment.source, recordNumber: comment.recordNumber,
                          text: comment.text, skipped: comment.skippedTexts)
        // The same comment again (a repeated export id): its earlier rows go first, so that the DELETEs below find
        // its earlier mentions and signals, and no statement holds one key twice.
        if !waiting.insert(CommentKey(source: comment.source, key: key)).inserted {
            try flush()
            waiting.insert(CommentKey(source: comment.source, key: key))
        }
        // At once rather than queued: they must come before this comment's new mentions and signals are written.
        try executor.execute(deleteDimensions, [.text(comment.source), .text(key)])
        try executor.execute(deleteAspects, [.text(comment.source), .text(key)])
        try executor.execute(deleteSignals, [.text(comment.source), .text(key)])
        try comments.append(writingTo: executor) { row in
            Rows.comment(comment, key: key, runID: runID, at: timestamp, into: &row)
        }
        for dimension in comment.dimensions {
            try dimensions.append(writingTo: executor) { row in
                Rows.dimension(dimension, source: comment.source, key: key, runID: runID, into: &row)
            }
        }
        for aspect in comment.aspects {
            try aspects.append(writingTo: executor) { row in
                Rows.aspect(aspect, source: comment.source, key: key, runID: runID, into: &row)
            }
        }
        for signal in comment.signals {
            try write(SignalRecord(source: comment.source, commentKey: key, signal: signal.value.kind.rawValue,
                                   value: signal.value.rawValue, evidenceJSON: signal.evidenceJSON))
        }
        if waiting.count >= batching.commentsPerFlush { try flush() }
        return key
    }

    public func write(_ rejection: Rejection) throws {
        try executor.execute(upsertRejection, Rows.rejection(rejection, runID: runID))
        try RatingAnswerRows.deleteAnswer(of: rejection, executor: executor)
    }

    public func write(_ answer: RatingOnlyAnswer) throws {
        try RatingAnswerRows.write(answer, runID: runID, at: timestamp, executor: executor)
    }

    public func delete(_ superseded: SupersededRecord) throws {
        // Rows of this run are written first: they could hold that key only if one run read the source twice.
        try flush()
        try SupersededRows.delete(superseded, executor: executor)
    }

    /// Writes a signal (or queues it), after its comment (`write(_:)` clears the comment's earlier signals). The
    /// same signal value written twice for one comment is one row, the later, as its upsert would leave it.
    private func write(_ signal: SignalRecord) throws {
        // Source, comment key, signal and value: the table's primary key, its first four columns.
        let key: [SQLValue] = [.text(signal.source), .text(signal.commentKey), .text(signal.signal),
                               .text(signal.value)]
        if let index = signals.firstIndex(ofRowStartingWith: key) { signals.remove(index) }
        try signals.append(writingTo: executor) { row in Rows.signal(signal, runID: runID, into: &row) }
    }

    public func finish() throws { try flush() }

    /// Writes every row still waiting.
    func flush() throws {
        try comments.write(to: executor)
        try dimensions.write(to: executor)
        try aspects.write(to: executor)
        try signals.write(to: executor)
        waiting.removeAll(keepingCapacity: true)
    }
}
