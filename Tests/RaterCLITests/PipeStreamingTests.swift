import Dispatch
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rater analyze --output -` as a pipe stage (Spark's `rdd.pipe`, a shell pipeline): results arrive batch by
/// batch while standard input is still open, and a reader that goes away stops the run with a clear error.
@Suite struct PipeStreamingTests {
    private func jsonl(_ range: ClosedRange<Int>) -> Data {
        Data(range.map { #"{"id":"p\#($0)","text":"服务很好，房间干净 \#($0)"}"# + "\n" }.joined().utf8)
    }

    private func start(_ arguments: [String], standardInput: Any, standardOutput: Pipe, errorPath: String) throws -> Process {
        let process = Process()
        process.executableURL = CLIProcess.executable("rater")
        process.arguments = arguments
        process.currentDirectoryURL = CLIProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)  // opening it below fails if this did
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        return process
    }

    @Test func aFullBatchIsFlushedWhileInputIsStillOpen() throws {
        let input = Pipe()
        let output = Pipe()
        let errorPath = NSTemporaryDirectory() + "rater-pipe-\(UUID().uuidString).err"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let process = try start(["analyze", "--format", "jsonl", "--no-explanation", "-"], standardInput: input,
                                standardOutput: output, errorPath: errorPath)
        // Without a flush per batch the batch's last results would sit in rater's buffer until input ends. The
        // reader drains from the start (rater blocks on a full pipe otherwise), and the writer runs beside it.
        let arrived = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var lines = 0
        let reader = output.fileHandleForReading
        DispatchQueue.global().async {
            // Reads to the end, so rater never blocks on a full pipe; signals once the first batch is in.
            var signalled = false
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                lines += data.filter { $0 == 0x0A }.count
                if lines >= 1_024 && !signalled { signalled = true; arrived.signal() }
            }
            if !signalled { arrived.signal() }
        }
        // Two batches' worth of records (over the 64 KB that format and charset detection look at first), with
        // standard input left open: the first batch is complete and must arrive, the second waits for more input.
        let writer = input.fileHandleForWriting
        let records = jsonl(1...2_048)
        let written = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { writer.write(records); written.signal() }
        let inTime = arrived.wait(timeout: .now() + 60) == .success && lines >= 1_024
        let firstBatch = lines
        if !inTime { process.terminate() }
        _ = written.wait(timeout: .now() + 60)
        try writer.close()
        process.waitUntilExit()
        #expect(inTime)
        #expect(firstBatch >= 1_024 && firstBatch < 2_048)
        #expect(process.terminationStatus == 0)
    }

    /// Counts the lines of `pipe` as they arrive, on a thread of its own, to the end.
    private final class LineCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private let done = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            let reader = pipe.fileHandleForReading
            DispatchQueue.global().async {
                while true {
                    let data = reader.availableData
                    if data.isEmpty { break }
                    self.lock.withLock { self.count += data.filter { $0 == 0x0A }.count }
                }
                self.done.signal()
            }
        }

        var lines: Int { lock.withLock { count } }

        /// Waits up to `seconds` for at least `target` lines; returns the count then.
        func wait(for target: Int, seconds: Double) -> Int {
            let deadline = Date().addingTimeInterval(seconds)
            while lines < target && Date() < deadline { usleep(20_000) }
            return lines
        }

        func waitForEnd() { _ = done.wait(timeout: .now() + 60) }
    }

    @Test func everyCompleteBatchArrivesBeforeRaterWaitsForMoreInput() throws {
        let input = Pipe()
        let output = Pipe()
        let errorPath = NSTemporaryDirectory() + "rater-pipe-\(UUID().uuidString).err"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let process = try start(["analyze", "--format", "jsonl", "--no-explanation", "--jobs", "2", "-"],
                                standardInput: input, standardOutput: output, errorPath: errorPath)
        let counter = LineCounter(output)
        // Two and a half batches, sent at once: rater reads the second batch while the first is analysed, and when
        // the half batch leaves it waiting for input, both complete batches must have been handed out.
        input.fileHandleForWriting.write(jsonl(1...2_560))
        let whileOpen = counter.wait(for: 2_048, seconds: 60)
        usleep(300_000)  // time to write more than it should, if it were going to
        let settled = counter.lines
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        counter.waitForEnd()
        #expect(whileOpen == 2_048)
        #expect(settled == 2_048, "the half batch waits for more input or its end")
        #expect(counter.lines == 2_560)
        #expect(process.terminationStatus == 0)
    }

    /// A named FIFO (or a process substitution, `<(zcat export.gz)`) is read as standard input is: complete batches
    /// are handed out while its producer keeps it open (none came until the producer closed it; a user-side review).
    @Test func aNamedFIFOStreamsAsStandardInputDoes() throws {
        #if os(Linux)
        let fifo = NSTemporaryDirectory() + "rater-fifo-\(UUID().uuidString).jsonl"
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        let output = Pipe()
        let errorPath = fifo + ".err"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let process = try start(["analyze", "--no-explanation", "--jobs", "2", fifo], standardInput: FileHandle.nullDevice,
                                standardOutput: output, errorPath: errorPath)
        let counter = LineCounter(output)
        let feeder = try FileHandle(forWritingTo: URL(fileURLWithPath: fifo))
        feeder.write(jsonl(1...2_560))
        let whileOpen = counter.wait(for: 2_048, seconds: 60)
        try feeder.close()
        process.waitUntilExit()
        counter.waitForEnd()
        #expect(whileOpen == 2_048)
        #expect(counter.lines == 2_560)
        #expect(process.terminationStatus == 0)
        #endif
    }

    @Test func aClosedReaderEndsTheRunWhileStandardInputIsStillOpen() throws {
        let input = Pipe()
        let output = Pipe()
        let errorPath = NSTemporaryDirectory() + "rater-pipe-\(UUID().uuidString).err"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let process = try start(["analyze", "--format", "jsonl", "-"], standardInput: input, standardOutput: output,
                                errorPath: errorPath)
        // The reader takes the first results and goes away; the producer keeps its end open and sends nothing more.
        // One batch and a quarter (72 KB, past the 64 KB that detection reads first): the batch is handed out when
        // rater is about to wait for the rest, which is where it finds the output gone and must stop, not wait.
        input.fileHandleForWriting.write(jsonl(1...1_300))
        let first = output.fileHandleForReading.availableData
        try output.fileHandleForReading.close()
        let exited = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); exited.signal() }
        let inTime = exited.wait(timeout: .now() + 60) == .success
        if !inTime { process.terminate() }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let error = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self)
        #expect(first.starts(with: Data(#"{"id":"p1""#.utf8)))
        #expect(inTime, "rater kept waiting for input after its output had gone")
        #expect(process.terminationReason == .exit, "rater must not die of SIGPIPE")
        #expect(process.terminationStatus == 1)
        #expect(error.contains("broken pipe"), "\(error)")
    }

    @Test func aClosedReaderStopsTheRunWithAClearErrorAndNonZeroExit() throws {
        let path = NSTemporaryDirectory() + "rater-pipe-\(UUID().uuidString).jsonl"
        try jsonl(1...5_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = Pipe()
        let errorPath = path + ".err"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let process = try start(["analyze", path], standardInput: FileHandle.nullDevice, standardOutput: output,
                                errorPath: errorPath)
        // Read the first results, then go away like `head -1` would.
        let first = output.fileHandleForReading.availableData
        try output.fileHandleForReading.close()
        process.waitUntilExit()
        let error = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self)
        #expect(first.starts(with: Data(#"{"id":"p1""#.utf8)))
        #expect(process.terminationReason == .exit, "rater must not die of SIGPIPE")
        #expect(process.terminationStatus == 1)
        #expect(error.contains("broken pipe"), "\(error)")
    }
}
