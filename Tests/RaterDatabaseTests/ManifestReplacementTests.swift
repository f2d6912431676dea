import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

#if canImport(Glibc)
import Glibc
#endif

/// The manifest in place always belongs to the latest run: a `running` one from the moment the run starts, then
/// its outcome; where the outcome cannot be written, no manifest at all rather than an earlier run's `complete`.
@Suite final class ManifestReplacementTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "rater-manifest-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func manifest(at path: String) throws -> RunManifest {
        try RunManifest.decode(String(contentsOfFile: path, encoding: .utf8))
    }

    /// Writes a complete run's manifest at `path` and returns it.
    func completeRun(manifest path: String) throws -> RunManifest {
        try RunRecorder(options: RunRecorder.Options(manifestPath: path, inputs: [])).record { _ in .finished }
        let written = try manifest(at: path)
        #expect(written.status == "complete")
        return written
    }

    /// Before the databases are opened (which may wait 30 s for a lock) and the inputs digested, the previous run's
    /// `complete` manifest is replaced by this run's `running` one, with the process that runs it: a run killed
    /// from here on (SIGKILL, the OOM killer, a machine that goes down) leaves `running` with a pid that is gone.
    @Test func aRunningManifestReplacesThePreviousOneBeforeTheDatabasesOpen() throws {
        let path = folder + "run.json"
        let previous = try completeRun(manifest: path)
        let scratch = try Scratch(.sqlite)
        var seenWhileOpening: RunManifest?
        let runID = UUID().uuidString.lowercased()
        let recorder = try RunRecorder(options: scratch.options(manifest: path), manifestFile: nil, runID: runID,
                                       now: Date(), opening: [{
                                           seenWhileOpening = try self.manifest(at: path)
                                           return try scratch.open()
                                       }])
        let running = try #require(seenWhileOpening)
        #expect(running.status == "running" && running.runID == runID && running.runID != previous.runID)
        #expect(running.pid == Int(getpid()) && running.host?.isEmpty == false)
        #expect(running.exitCode == nil && running.finishedAt == nil)
        try recorder.record { _ in .finished }
        let finished = try manifest(at: path)
        #expect(finished.status == "complete" && finished.runID == runID && finished.pid == Int(getpid()))
    }

    /// A manifest left `running` by a run that was killed was replaced by the next run without a word, and it was
    /// the killed run's only trace (a user-side review). The next run names it: killed when its process is gone,
    /// still going when it lives, and a run that finished is no news.
    @Test func aPreviousRunThatNeverFinishedIsNamed() throws {
        let path = folder + "killed.json"
        let (_, host) = RunManifest.currentProcess
        func manifest(_ runID: String, startedAt: String, status: String, pid: Int?) -> RunManifest {
            RunManifest(runID: runID, raterVersion: "test", startedAt: startedAt, finishedAt: nil, status: status,
                        exitCode: nil, error: nil, inputs: [], lexicons: [], lexiconVersion: nil, profileVersion: nil,
                        counts: .init(), timings: .init(), outputs: [:], pid: pid, host: host)
        }
        func previous(status: String, pid: Int) throws {
            let earlier = manifest("run-before", startedAt: "2026-11-28T02:00:00Z", status: status, pid: pid)
            try (earlier.json() + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        func warning() throws -> String? {
            let file = try ManifestFile(path: path)
            try file.begin(manifest(UUID().uuidString, startedAt: "now", status: "running", pid: Int(getpid())))
            return file.previousRunWarning
        }
        try previous(status: "running", pid: Int(Int32.max))
        let killed = try #require(try warning())
        #expect(killed.contains("the previous run run-before (started 2026-11-28T02:00:00Z) never wrote its outcome"))
        #expect(killed.contains("is gone, so it was killed"), "\(killed)")
        try previous(status: "running", pid: Int(getpid()))
        #expect(try warning()?.contains("is still running, so two runs are writing at once") == true)
        try previous(status: "complete", pid: Int(Int32.max))
        #expect(try warning() == nil)
    }

    /// A manifest that cannot be written (here its file is `/dev/full`, whose writes fail with ENOSPC as on a full
    /// disk) removes the one in its place, which would otherwise go on saying an earlier run was `complete`, and
    /// says so.
    @Test func aManifestThatCannotBeWrittenRemovesTheOneInItsPlace() throws {
        let path = folder + "full.json"
        _ = try completeRun(manifest: path)
        let file = try ManifestFile(path: path, output: OutputFile(path: "/dev/full"))
        let failed = RunManifest.failedBeforeStart(runID: "r", startedAt: Date(), error: ManifestError.unreadable(path: "x"))
        #expect(throws: ManifestError.self) { try file.write(failed) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let failure = try #require(file.failure).description
        #expect(failure.contains("No space left on device"), "\(failure)")
        #expect(failure.contains("removed"), "\(failure)")
    }

    /// The same inside a run that fails: the recorder's failed manifest cannot be written, the `running` one it put
    /// in place is removed, and the manifest file keeps the reason for the caller to report.
    @Test func aFailedRunWhoseManifestCannotBeWrittenLeavesNone() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "results: write failed" } }
        let path = folder + "failed.json"
        _ = try completeRun(manifest: path)
        let scratch = try Scratch(.sqlite)
        let file = try ManifestFile(path: path, output: OutputFile(path: "/dev/full"))
        let recorder = try RunRecorder(options: scratch.options(manifest: path), manifestFile: file)
        #expect(try manifest(at: path).status == "running")
        #expect(throws: Broken.self) { try recorder.record { _ in throw Broken() } }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(file.failure?.description.contains("No space left on device") == true)
        let rows = try scratch.open().read { try $0.query("SELECT status FROM runs", []) }
        #expect(rows == [[.text("failed")]])
    }

    /// A run stopped by a signal fails with the exit status the process ends with: 128 + the signal.
    @Test func anInterruptedRunIsFailedWithTheSignalsExitCode() throws {
        let path = folder + "interrupted.json"
        let scratch = try Scratch(.sqlite)
        let recorder = try RunRecorder(options: scratch.options(manifest: path))
        #expect(throws: RunInterrupted(signal: SIGTERM)) {
            try recorder.record { sink in
                try sink.write(comment("I1", record: 1))
                throw RunInterrupted(signal: SIGTERM)
            }
        }
        let written = try manifest(at: path)
        #expect(written.status == "failed" && written.exitCode == 143 && written.error == "interrupted by SIGTERM")
        let rows = try scratch.open().read { try $0.query("SELECT status, exit_code, analysed FROM runs", []) }
        #expect(rows == [[.text("failed"), .integer(143), .integer(1)]])
        #expect(try scratch.open().count(Schema.comments) == 0)
    }

    /// An interruption that comes while the run's end is being prepared (the staged rows merged, the aggregates
    /// made) is honoured before the commit: the run is rolled back, not committed after it was asked to stop.
    @Test func anInterruptionBeforeTheCommitRollsTheRunBack() throws {
        let scratch = try Scratch(.sqlite)
        let recorder = try RunRecorder(options: scratch.options())
        let interruption = RunInterruption()
        recorder.interruption = interruption
        #expect(throws: RunInterrupted(signal: SIGINT)) {
            try recorder.record { sink in
                try sink.write(comment("I1", record: 1))
                interruption.interrupt(by: SIGINT)
                return .finished
            }
        }
        let rows = try scratch.open().read { try $0.query("SELECT status, exit_code FROM runs", []) }
        #expect(rows == [[.text("failed"), .integer(130)]])
        #expect(try scratch.open().count(Schema.comments) == 0)
    }
}
