import Foundation
import Testing

@testable import RaterDatabase

/// A run's outcome, as its databases, its manifest and its caller see it, when something fails before, during or
/// after the commit.
@Suite final class RunOutcomeTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "rater-outcome-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A database whose next commit fails once `failing` is set: that transaction runs the body, then rolls back
    /// and throws, as a `COMMIT` that met a full disk would; the transactions after it work.
    final class CommitFailing: DatabaseConnection {
        struct CommitFailed: Error, CustomStringConvertible {
            var description: String { "injected commit failure" }
        }

        let base: any DatabaseConnection
        var failing = false
        init(_ base: any DatabaseConnection) { self.base = base }
        var dialect: SQLDialect { base.dialect }
        var displayName: String { base.displayName }
        func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
            guard failing else { return try base.transaction(body) }
            failing = false
            return try base.transaction { executor -> T in
                _ = try body(executor)
                throw CommitFailed()
            }
        }
        func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T { try base.read(body) }
        func releaseJournal() -> JournalRelease { base.releaseJournal() }
    }

    func statuses(_ database: any DatabaseConnection) throws -> [SQLValue] {
        try database.read { try $0.query("SELECT status FROM runs ORDER BY started_at", []) }.map { $0[0] }
    }

    // MARK: Bug 2

    /// The inner database commits, then the outer one's commit fails. The committed database keeps the run and its
    /// `complete` row (a `failed` row over rows that are all there was the bug); the other holds only a `failed`
    /// row; the manifest and the error say which is which.
    func partlyCommitted(inner kind: DatabaseKind) throws {
        let outer = try Scratch(.sqlite), inner = try Scratch(kind)
        let failing = CommitFailing(try outer.open())
        let innerDatabase = try inner.open()
        let manifestPath = folder + "partly.json"
        let recorder = try RunRecorder(options: RunRecorder.Options(manifestPath: manifestPath, inputs: []),
                                       manifestFile: nil, runID: UUID().uuidString.lowercased(), now: Date(),
                                       opening: [{ failing }, { innerDatabase }])
        failing.failing = true
        var thrown: (any Error)?
        do {
            try recorder.record { sink in
                for record in 1...5 { try sink.write(comment("P\(record)", record: record)) }
                return .finished
            }
        } catch { thrown = error }
        guard case .partlyCommitted(let committedIn, let status, let failedIn, let message)? =
            thrown as? RunRecordingError else {
            Issue.record("expected a partly committed run, got \(String(describing: thrown))")
            return
        }
        #expect(committedIn == [innerDatabase.displayName] && failedIn == [failing.displayName])
        #expect(status == "complete" && message.contains("injected commit failure"))
        #expect(try statuses(innerDatabase) == [.text("complete")])
        #expect(try innerDatabase.count(Schema.comments) == 5)
        #expect(try statuses(failing) == [.text("failed")])
        #expect(try failing.count(Schema.comments) == 0)
        let manifest = try RunManifest.decode(String(contentsOfFile: manifestPath, encoding: .utf8))
        #expect(manifest.status == "failed" && manifest.exitCode == 1)
        #expect(manifest.databases == [innerDatabase.displayName: "complete", failing.displayName: "failed"])
        #expect(manifest.error?.contains("the run is committed in \(innerDatabase.displayName)") == true)
    }

    @Test func sqliteCommittedBeforeAnotherFailed() throws { try partlyCommitted(inner: .sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresCommittedBeforeSQLiteFailed() throws {
        try partlyCommitted(inner: .postgres)
    }

    // MARK: Bug 3

    /// The manifest's file is made before the databases are opened: a place it cannot go fails the run first.
    @Test func anUnwritableManifestFailsBeforeTheDatabasesOpen() throws {
        let database = folder + "never.sqlite"
        #expect(throws: ManifestError.self) {
            try RunRecorder(options: RunRecorder.Options(sqlitePath: database,
                                                         manifestPath: folder + "missing/run.json", inputs: []))
        }
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// What fails after every database committed (an output moved into place, the state file) does not undo the
    /// run: the error says it is committed, and the manifest keeps its status with exit code 1 and the error.
    @Test func aFailureAfterTheCommitSaysTheRunIsCommitted() throws {
        struct RenameFailed: Error, CustomStringConvertible { var description: String { "results: rename failed" } }
        let scratch = try Scratch(.sqlite)
        let manifestPath = folder + "after.json"
        let recorder = try RunRecorder(options: scratch.options(manifest: manifestPath))
        #expect {
            try recorder.record({ sink in
                try sink.write(comment("A1", record: 1))
                return .finished
            }, afterCommit: { _ in throw RenameFailed() })
        } throws: { error in
            guard case .afterCommit(_, let status, let message)? = error as? RunRecordingError else { return false }
            return status == "complete" && message == "results: rename failed"
        }
        #expect(try statuses(scratch.open()) == [.text("complete")])
        let manifest = try RunManifest.decode(String(contentsOfFile: manifestPath, encoding: .utf8))
        #expect(manifest.status == "complete" && manifest.exitCode == 1)
        #expect(manifest.error?.contains("the run is committed") == true && manifest.error?.contains("rename failed") == true)
    }

    // MARK: Bug 6

    /// A failure while the recorder sets up (here an input that cannot be digested; a locked database fails at the
    /// same place) is still recorded: a `failed` manifest replaces the previous run's `complete` one, and the
    /// database that was ready gets a `failed` row.
    @Test func aFailureWhileSettingUpIsRecorded() throws {
        let scratch = try Scratch(.sqlite)
        let manifestPath = folder + "setup.json"
        try RunRecorder(options: scratch.options(manifest: manifestPath)).record { _ in .finished }
        #expect(try RunManifest.decode(String(contentsOfFile: manifestPath, encoding: .utf8)).status == "complete")
        #expect(throws: ManifestError.self) {
            try RunRecorder(options: scratch.options(inputs: [folder + "missing.csv"], manifest: manifestPath))
        }
        let manifest = try RunManifest.decode(String(contentsOfFile: manifestPath, encoding: .utf8))
        #expect(manifest.status == "failed" && manifest.exitCode == 1)
        #expect(manifest.error?.contains("missing.csv") == true, "\(manifest.error ?? "")")
        #expect(try statuses(scratch.open()) == [.text("complete"), .text("failed")])
    }

    /// A database where every transaction fails once `failing` is set, as on a full disk: the run's commit and then
    /// the failed run's `runs` row.
    final class AllFailing: DatabaseConnection {
        struct DiskFull: Error, CustomStringConvertible {
            var description: String { "database or disk is full" }
        }

        let base: any DatabaseConnection
        var failing = false
        init(_ base: any DatabaseConnection) { self.base = base }
        var dialect: SQLDialect { base.dialect }
        var displayName: String { base.displayName }
        func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
            guard failing else { return try base.transaction(body) }
            throw DiskFull()
        }
        func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T { try base.read(body) }
        func releaseJournal() -> JournalRelease { base.releaseJournal() }
    }

    /// A failed run whose `runs` row cannot be written either said nothing of it: a dashboard reading `runs` saw no
    /// failed run and the log no word (a user-side review, a full disk). It is a closing warning now.
    @Test func aFailedRunThatCannotBeRecordedSaysSo() throws {
        let scratch = try Scratch(.sqlite)
        let failing = AllFailing(try scratch.open())
        let recorder = try RunRecorder(options: RunRecorder.Options(inputs: []), manifestFile: nil,
                                       runID: UUID().uuidString.lowercased(), now: Date(), opening: [{ failing }])
        failing.failing = true
        #expect(throws: (any Error).self) {
            try recorder.record { sink in
                try sink.write(comment("F1", record: 1))
                return .finished
            }
        }
        #expect(recorder.closingWarnings.count == 1)
        #expect(recorder.closingWarnings.first?.contains("the failed run could not be recorded in its runs table "
            + "(database or disk is full)") == true, "\(recorder.closingWarnings)")
    }
}
