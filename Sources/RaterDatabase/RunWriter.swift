import RaterAggregate
import RaterCore
import RaterSinks

/// Writes one run's rows into one database, inside the run's transaction.
///
/// Every write is an upsert keyed as the README describes, so writing the same input again replaces rows instead
/// of adding them; a comment's dimension mentions are replaced as a whole, so a dimension it no longer speaks to
/// does not linger from an earlier run.
public final class RunWriter {
    public let runID: String
    let executor: any SQLExecutor
    let timestamp: String
    private let upsertComment: String
    private let deleteDimensions: String
    private let upsertDimension: String
    private let upsertSignal: String
    private let upsertRejection: String
    private let upsertAggregate: String
    /// Occurrences of each text digest, per source, for comments without an export id.
    private var repeats: [String: [String: Int]] = [:]

    init(executor: any SQLExecutor, runID: String, timestamp: String) {
        self.executor = executor
        self.runID = runID
        self.timestamp = timestamp
        let dialect = executor.dialect
        upsertComment = Schema.comments.upsertStatement(dialect)
        deleteDimensions = "DELETE FROM dimension_mentions WHERE source = \(dialect.placeholder(1)) AND comment_key = "
            + dialect.placeholder(2)
        upsertDimension = Schema.dimensionMentions.upsertStatement(dialect)
        upsertSignal = Schema.signals.upsertStatement(dialect)
        upsertRejection = Schema.rejects.upsertStatement(dialect)
        upsertAggregate = Schema.aggregates.upsertStatement(dialect)
    }

    /// The key a comment is stored under: its own id when the export has one (`Rows.hasExportID`); otherwise a
    /// digest of its text (`sha256:…`), with `#2`, `#3` … for repeats of the same text within one source. A re-run
    /// over the same input gives the same keys, and a file that grows by appended lines keeps the keys of the lines
    /// it had.
    private func key(id: String, source: String, recordNumber: Int, text: String) -> String {
        if Rows.hasExportID(id: id, source: source, recordNumber: recordNumber) { return id }
        let digest = "sha256:" + SHA256Digest.hex(of: text)
        // Counted in place: one look-up of the source and one of the digest, no key made by joining them.
        let occurrence = Self.increment(&repeats[source, default: [:]][digest, default: 0])
        return occurrence == 1 ? digest : digest + "#\(occurrence)"
    }

    private static func increment(_ count: inout Int) -> Int {
        count += 1
        return count
    }

    /// Writes a comment and its dimension mentions; returns the comment's key (for its signals).
    @discardableResult
    public func write(_ comment: StoredComment) throws -> String {
        let key = key(id: comment.id, source: comment.source, recordNumber: comment.recordNumber, text: comment.text)
        try executor.execute(upsertComment, Rows.comment(comment, key: key, runID: runID, at: timestamp))
        try executor.execute(deleteDimensions, [.text(comment.source), .text(key)])
        for dimension in comment.dimensions {
            try executor.execute(upsertDimension, Rows.dimension(dimension, source: comment.source, key: key,
                                                                 runID: runID))
        }
        return key
    }

    public func write(_ rejection: Rejection) throws {
        try executor.execute(upsertRejection, Rows.rejection(rejection, runID: runID))
    }

    public func write(_ signal: SignalRecord) throws {
        try executor.execute(upsertSignal, Rows.signal(signal, runID: runID))
    }

    public func write(_ aggregates: [AggregateRow]) throws {
        for row in aggregates {
            try executor.execute(upsertAggregate, Rows.aggregate(row, runID: runID, at: timestamp))
        }
    }
}
