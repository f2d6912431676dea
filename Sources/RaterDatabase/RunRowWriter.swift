import RaterAggregate
import RaterCore
import RaterSinks

/// Writes one run's rows into one database, inside the run's transaction: `RunWriter` as they come (PostgreSQL),
/// `StagedRunWriter` (SQLite) as they come until the first comment keyed by its text's digest, then through staging
/// tables merged in key order at the end.
///
/// Either way a database ends up with the same rows: every write is an upsert keyed as the README describes, a
/// comment's dimension mentions and signals are replaced as a whole, and where a key comes twice in one run the
/// later comment's rows are the ones kept.
public protocol RunRowWriter: AnyObject {
    var executor: any SQLExecutor { get }
    /// Writes a comment with its dimension mentions and signals (a signal always comes with its comment, so that a
    /// comment written again replaces them all). Returns its key when the writer knows it by now;
    /// `StagedRunWriter` numbers repeated texts only in `finish()`, and returns nil.
    @discardableResult
    func write(_ comment: StoredComment) throws -> String?
    func write(_ rejection: Rejection) throws
    /// Writes a survey answer with a rating and no comment (`RatingAnswerRows`).
    func write(_ answer: RatingOnlyAnswer) throws
    /// Deletes the row a record held back by an earlier incremental run left (`SupersededRecord`); called before
    /// the record's outcome is written.
    func delete(_ superseded: SupersededRecord) throws
    /// Writes everything still waiting; `RunRecorder.record` calls it once, before it makes the `aggregates` table
    /// from the stored comments (`StoredAggregates`) and commits. A run that fails does not, and rolls back what was
    /// written with the rest.
    func finish() throws
}
