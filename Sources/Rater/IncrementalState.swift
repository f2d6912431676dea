import Foundation
import RaterCore
import RaterIngest
import RaterSinks

/// What an incremental run remembers of each input: how many bytes and records earlier runs consumed, and the
/// CRC-32 of those bytes. When the input still starts with exactly those bytes, it is the same export grown by
/// appending, and its first records are skipped; when it does not (rewritten, rotated, truncated), it is read
/// whole again.
///
/// Kept in a small JSON file written atomically at the end of a successful run only, so a run that fails or is
/// killed leaves the previous state and the next run redoes the work — nothing is skipped that was not delivered.
/// Exports must be appended whole records at a time; a record being written at the moment of the run would be
/// counted as read. An input that ended in a read error is not checkpointed (see `AnalyzeRun`).
public struct IncrementalState: Codable, Sendable, Equatable {
    public struct Checkpoint: Codable, Sendable, Equatable {
        public var bytes: Int
        public var records: Int
        public var checksum: UInt32
        /// Records after `records` that were analysed but not checkpointed: a last record the input ended inside
        /// (no line break after it), which may have been half written (see `AnalyzeRun`). Read again when the file
        /// has grown; skipped like the others while it has not, or every night's results and partials counted it
        /// once more. Absent in states written before 2026-11-28.
        public var heldBack: Int?
        /// The row a held-back record left in the databases, which the first run that writes them after the record
        /// is read again deletes (`SupersededRecord`) whatever the whole record becomes: one of the three below, or
        /// none (no database was written, or the row is deleted). The SHA-256 (hex) of its normalized text, when it
        /// was stored without an export id: the digest its key was made of (a half-written text kept its row beside
        /// the whole one until 2026-11-28).
        ///
        /// A run that reads the record again without writing databases (no `--db`), or that hands out nothing of
        /// this input, keeps the row here for the next run that writes them, with `heldBackRecord`: the record is
        /// then held back no more (`heldBack` may name a later one, which left no row). A file rewritten or rotated
        /// since forgets it and the row stays (`AnalyzeRun`).
        public var heldBackDigest: String?
        /// Its export id, when it was stored under one: as far as it was written, if the export was cut inside the
        /// id field. Absent in states written before 2026-11-28.
        public var heldBackID: String?
        /// True when it was rejected: its row in `rejects` goes if the whole record is a comment. Absent in states
        /// written before 2026-11-28.
        public var heldBackRejected: Bool?
        /// The record number of the record that left the row above, which the deletion names: the record may be
        /// long past, read again by a run without databases. Absent in states written before 2026-11-28, where the
        /// record read again first is taken to be it.
        public var heldBackRecord: Int?

        public init(bytes: Int, records: Int, checksum: UInt32, heldBack: Int? = nil,
                    heldBackRow: SupersededRecord.Row? = nil, heldBackRecord: Int? = nil) {
            self.bytes = bytes
            self.records = records
            self.checksum = checksum
            self.heldBack = heldBack
            self.heldBackRecord = heldBackRow == nil ? nil : heldBackRecord
            switch heldBackRow {
            case let .digest(hex): heldBackDigest = hex
            case let .exportID(id): heldBackID = id
            case .rejection: heldBackRejected = true
            case nil: break
            }
        }

        /// The row the held-back record left, from whichever field holds it.
        public var heldBackRow: SupersededRecord.Row? {
            if let heldBackDigest { return .digest(heldBackDigest) }
            if let heldBackID { return .exportID(heldBackID) }
            return heldBackRejected == true ? .rejection : nil
        }
    }

    public var version = 1
    public var inputs: [String: Checkpoint] = [:]

    public init() {}

    public static func load(path: String) throws -> IncrementalState {
        guard FileManager.default.fileExists(atPath: path) else { return IncrementalState() }
        do {
            return try JSONDecoder().decode(IncrementalState.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw IncrementalStateError.unreadable(path: path, reason: "\(error)")
        }
    }

    /// Writes the state into `output` and moves it into place. `rater analyze` opens `output` before the run, so
    /// that a state file that cannot be written fails the run before anything is committed.
    public func save(to output: OutputFile) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try output.write(Array(try encoder.encode(self)) + [0x0A])
        try output.commit()
    }

    /// Inputs are remembered by absolute path, so a cron job and a person in another folder agree.
    public static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Where a run takes up `path`: from its start (no checkpoint, or not a regular file), after the records earlier
    /// runs delivered, or from its start again because the file no longer begins with the bytes they read (rotated,
    /// rewritten, truncated) — which the run reports, since all its records then come again. Only a regular file
    /// can be checked: reading a pipe's first bytes here (a process substitution is `/dev/fd/63` every night) took
    /// them from the analysis, which then silently missed their records.
    /// `unchanged(records:)` counts a held-back last record (`Checkpoint.heldBack`) only while the file has not
    /// grown: `untouched` carries that checkpoint, to be kept as it is when the run finds nothing new.
    public enum Resumption: Sendable, Equatable {
        case noCheckpoint
        case unchanged(records: Int, untouched: Checkpoint? = nil)
        case changed
    }

    public func resumption(path: String) -> Resumption {
        guard path != "-", PathKind(path: path) == .regularFile, let checkpoint = inputs[Self.key(path)], checkpoint.bytes > 0
        else { return .noCheckpoint }
        guard FileSource.checksum(of: path, prefix: checkpoint.bytes) == checkpoint.checksum else { return .changed }
        if let heldBack = checkpoint.heldBack, heldBack > 0, FileSource.size(of: path) == checkpoint.bytes {
            return .unchanged(records: checkpoint.records + heldBack, untouched: checkpoint)
        }
        return .unchanged(records: checkpoint.records)
    }
}

public enum IncrementalStateError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): not a Rater incremental state file (\(reason))"
        }
    }
}
