import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rater analyze -o FILE --rejects FILE` stopped by a signal, as `timeout` in a cron line or Ctrl-C does: the
/// previous outputs stay as they were and no temporary file is left behind. Each killed run used to leave
/// `out.jsonl.tmp-PID-…` and `rejects.jsonl.tmp-PID-…` with its partial output, under new names every time.
@Suite struct TerminatedRunTests {
    /// Records for standard input, every tenth one with an empty text (a rejection).
    private func jsonl(_ range: ClosedRange<Int>) -> Data {
        Data(range.map { index in
            let text = index % 10 == 0 ? "" : "服务很好，房间干净，但是前台态度很差 \(index)"
            return #"{"id":"t\#(index)","text":"\#(text)"}"# + "\n"
        }.joined().utf8)
    }

    /// The files a process has open in `folder`, with their sizes, from `/proc/PID/fd` (an unnamed file shows as
    /// `FOLDER/#INODE (deleted)`).
    private func openFiles(of pid: Int32, in folder: String) -> [(link: String, size: Int)] {
        let fds = "/proc/\(pid)/fd"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: fds) else { return [] }
        return entries.compactMap { entry in
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + entry),
                  link.hasPrefix(folder)
            else { return nil }
            var status = stat()
            guard stat(fds + "/" + entry, &status) == 0 else { return nil }
            return (link, Int(status.st_size))
        }
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGKILL])
    func aSignalledRunLeavesThePreviousOutputsAndNoTemporaryFile(signal: Int32) throws {
        #if os(Linux)
        let made = NSTemporaryDirectory() + "rater-signal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: made) }
        // `/proc` shows resolved paths.
        let folder = URL(fileURLWithPath: made).resolvingSymlinksInPath().path + "/"
        let output = folder + "out.jsonl", rejects = folder + "rejects.jsonl"
        try "previous results\n".write(toFile: output, atomically: false, encoding: .utf8)
        try "previous rejects\n".write(toFile: rejects, atomically: false, encoding: .utf8)

        let input = Pipe()
        let process = Process()
        process.executableURL = CLIProcess.executable("rater")
        process.arguments = ["analyze", "--format", "jsonl", "-", "--output", output, "--rejects", rejects]
        process.currentDirectoryURL = CLIProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Three batches of 1,024 records; standard input stays open, so rater is mid-run, its results (far more
        // than its 64 KiB buffer) written to its temporary file, when the signal comes.
        input.fileHandleForWriting.write(jsonl(1...3_100))
        let deadline = Date().addingTimeInterval(120)
        var files = openFiles(of: process.processIdentifier, in: folder)
        while process.isRunning, Date() < deadline, files.count < 2 || !files.contains(where: { $0.size > 0 }) {
            usleep(20_000)
            files = openFiles(of: process.processIdentifier, in: folder)
        }
        let writing = process.isRunning && files.count >= 2
        kill(process.processIdentifier, signal)
        let stopDeadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < stopDeadline { usleep(20_000) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        try #require(writing, "rater was not writing its outputs when signalled: \(files)")
        try #require(stopped, "rater did not stop on signal \(signal) within 60 s")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)

        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.jsonl", "rejects.jsonl"])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous results\n")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "previous rejects\n")
        #endif
    }
}
