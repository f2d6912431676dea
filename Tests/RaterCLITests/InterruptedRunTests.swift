import Foundation
import RaterDatabase
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rater analyze --db --manifest` stopped by `SIGTERM` (`timeout`, cron, a scheduler) or `SIGINT` (Ctrl-C) while it
/// runs: it fails as any failed run does and says why, in the manifest and the `runs` table, and then ends by the
/// signal (a shell's `$?` is 143 or 130). Such a run used to die at once: the previous run's `complete` manifest
/// stayed in place, no `runs` row said anything, and the WAL was left beside the database.
@Suite(.serialized) final class InterruptedRunTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "rater-interrupted-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// CSV records `range`, with ids, about 60 bytes each.
    func csv(_ range: Range<Int>, header: Bool) -> Data {
        let texts = ["环境不错，但是服务员态度很差", "The room was clean and the staff were friendly",
                     "送餐太慢了，等了一个小时", "Great food but the delivery was slow"]
        var text = header ? "id,text\n" : ""
        for index in range { text += "S\(index),\(texts[index % texts.count]) \(index)\n" }
        return Data(text.utf8)
    }

    func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// The input is a FIFO that the test writes 3,000 records to and keeps open: rater hands out the first batch of
    /// 1,024 results and then waits for more that never come, so it is certainly mid-run, its transaction open, when
    /// the signal comes, however fast or slow the machine. `twice` sends the signal again a millisecond later, as
    /// `timeout` does (to its child, then to its process group): the repeat is no second request, and used to end
    /// the process at once while it shut down, leaving the manifest `running` and no `runs` row.
    @Test(arguments: [(SIGTERM, false), (SIGINT, false), (SIGTERM, true)])
    func aSignalledRunIsRecordedAsFailedAndEndsByTheSignal(signal: Int32, twice: Bool) throws {
        #if os(Linux)
        let database = folder + "results.sqlite", manifest = folder + "run.json", results = folder + "out.jsonl"
        try csv(0..<20, header: true).write(to: URL(fileURLWithPath: folder + "first.csv"))
        let first = try CLIProcess.run(["analyze", folder + "first.csv", "--db", database, "--manifest", manifest,
                                        "-o", results])
        #expect(first.status == 0, "\(first.standardError)")
        let previous = try RunManifest.decode(String(contentsOfFile: manifest, encoding: .utf8))

        let fifo = folder + "feed.csv"
        try #require(mkfifo(fifo, 0o600) == 0)
        let progress = folder + "progress.jsonl", errors = folder + "stderr.txt"
        _ = FileManager.default.createFile(atPath: progress, contents: nil)
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let process = Process()
        process.executableURL = CLIProcess.executable("rater")
        // The results go to standard output (a file here), flushed batch by batch: the test's sign that the run is
        // under way.
        process.arguments = ["analyze", fifo, "--db", database, "--manifest", manifest, "--jobs", "2"]
        process.currentDirectoryURL = CLIProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: progress))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Opening the FIFO for writing waits for rater to open it for reading; the records then go through the
        // pipe as rater reads them, and the FIFO stays open until the end of the test.
        let feeder = try FileHandle(forWritingTo: URL(fileURLWithPath: fifo))
        defer { try? feeder.close() }
        feeder.write(csv(0..<3_000, header: true))
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning, Date() < deadline, (size(progress) ?? 0) == 0 { usleep(20_000) }
        let underWay = process.isRunning && (size(progress) ?? 0) > 0
        kill(process.processIdentifier, signal)
        if twice {
            usleep(1_000)
            kill(process.processIdentifier, signal)
        }
        let stopDeadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < stopDeadline { usleep(20_000) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try #require(underWay, "rater was not under way when signalled")
        try #require(stopped, "rater did not stop on signal \(signal) within 120 s")
        // Ended by the signal itself, as its default action would have: a shell's `$?` is 128 + the signal.
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)

        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        let standardError = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(standardError.contains("run failed: interrupted by \(name)"), "\(standardError)")
        // Said when it came, once (the repeat `timeout` sends is not a second request), before the run's end.
        let acknowledged = "rater: \(name) received: stopping"
        #expect(standardError.components(separatedBy: acknowledged).count == 2, "\(standardError)")
        #expect(standardError.range(of: acknowledged).map { $0.lowerBound < standardError.range(
            of: "run failed")!.lowerBound } == true, "\(standardError)")
        let written = try RunManifest.decode(String(contentsOfFile: manifest, encoding: .utf8))
        #expect(written.runID != previous.runID)
        #expect(written.status == "failed" && written.error == "interrupted by \(name)")
        #expect(written.exitCode == 128 + Int(signal))
        #expect(written.counts.analysed >= 1_024)
        // The journal was copied back and cut, as after any failed run, and the database closed (before this test
        // opens it: its own connection makes a WAL).
        #expect((size(database + "-wal") ?? 0) == 0, "WAL of \(size(database + "-wal") ?? 0) bytes left")
        let database_ = try SQLiteConnection(path: database)
        let runs = try database_.read {
            try $0.query("SELECT id, status, exit_code FROM runs ORDER BY started_at", [])
        }
        #expect(runs == [[.text(previous.runID), .text("complete"), .integer(0)],
                         [.text(written.runID), .text("failed"), .integer(128 + Int(signal))]])
        #expect(try database_.count(Schema.comments) == 20)
        #endif
    }
}
