/// What became of a run's journal after the run (`DatabaseConnection.releaseJournal()`).
public enum JournalRelease: Sendable, Equatable {
    /// Given back to the disk, or there was none to give back.
    case released
    /// Kept for readers still on an older snapshot or still reading it; the next run's release, or the last
    /// connection's close, gives it back. Expected while a dashboard or `rater serve` reads.
    case keptForReaders
    /// The copy into the database failed (a full disk, an I/O error). Whatever the run's outcome, what the database
    /// holds is safe in the database file and the journal together, and the journal keeps its size on disk until a
    /// later release succeeds. Worth a warning: a nightly run over 1 GB of plain text leaves an 18 GB WAL beside the
    /// database, and deleting it would corrupt the database.
    case failed(String)
}
