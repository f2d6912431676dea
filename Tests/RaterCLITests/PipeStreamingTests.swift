import Dispatch
import Foundation
import Testing

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
