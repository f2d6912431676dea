/// A record an earlier incremental run analysed while the input ended inside it (no line break after it yet:
/// perhaps half written) and held back, read again by this run now the file has grown: the row the half record left
/// in a database, which the run deletes before the record's outcome is written (`IncrementalState.Checkpoint`). When
/// a run that wrote no databases read the record again already, the first run that writes them deletes the row,
/// before its first outcome of the input, by the record number the state kept.
///
/// Deleted whatever the whole record becomes. A comment keyed by its export id replaced its half's row by key, and
/// one keyed by its text's digest now has a key of its own, but a half id (the export cut inside the id field) is
/// another key, a whole record that is rejected writes no comment at all, and a half record that was rejected and is
/// a comment now writes no rejection: each left the half record's row beside the whole one's outcome.
public struct SupersededRecord: Sendable, Equatable {
    /// Where the half record's row is.
    public enum Row: Sendable, Equatable {
        /// In `comments` (with its mentions, aspects and signals) under the digest of its text, SHA-256 hex: an export
        /// without ids (`sha256:…`, or `sha256:…#n` for a repeated text).
        case digest(String)
        /// In `comments` (with its mentions, aspects and signals) under this export id, as far as it was written.
        case exportID(String)
        /// In `rejects`: the half record was rejected.
        case rejection
    }

    /// The source as the run names it (`CommentResult.source`); a database that stores it under another name
    /// renames it as it renames the record's own rows.
    public var source: String
    public var recordNumber: Int
    public var row: Row

    public init(source: String, recordNumber: Int, row: Row) {
        self.source = source
        self.recordNumber = recordNumber
        self.row = row
    }
}
