import Foundation
import Testing

@testable import RaterSinks

@Suite struct OutputFileTests {
    /// A fresh directory for one test, so temporary siblings can be listed.
    private func makeDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rater-output-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func listing(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func targetAppearsOnlyAtCommit() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/results.jsonl"
        let output = try OutputFile(path: target)
        try output.write(Array("{\"a\":1}\n".utf8))
        try output.flush()
        #expect(!FileManager.default.fileExists(atPath: target))
        // The data goes to a temporary sibling in the same directory (so the rename is atomic).
        let before = try listing(directory)
        #expect(before.count == 1)
        #expect(before.first?.hasPrefix("results.jsonl.tmp") == true)
        try output.write(Array("{\"b\":2}\n".utf8))
        try output.commit()
        #expect(contents(target) == "{\"a\":1}\n{\"b\":2}\n")
        #expect(try listing(directory) == ["results.jsonl"])
    }

    @Test func oldContentSurvivesUntilCommitAndIsThenReplaced() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.jsonl"
        try "old content\n".write(toFile: target, atomically: false, encoding: .utf8)
        let output = try OutputFile(path: target)
        try output.write(Array("new\n".utf8))
        try output.flush()
        #expect(contents(target) == "old content\n")
        try output.commit()
        #expect(contents(target) == "new\n")
        #expect(try listing(directory) == ["out.jsonl"])
    }

    @Test func abandonedOutputLeavesNoTemporaryFileAndKeepsTheOldContent() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.jsonl"
        try "previous run\n".write(toFile: target, atomically: false, encoding: .utf8)
        do {
            let output = try OutputFile(path: target)
            try output.write(Array(repeating: UInt8(ascii: "x"), count: 200_000))  // more than one buffer
            #expect(try listing(directory).count == 2)
        }  // deinit without commit
        #expect(try listing(directory) == ["out.jsonl"])
        #expect(contents(target) == "previous run\n")
    }

    @Test func abandonedOutputWithoutAnOldFileLeavesNothing() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let output = try OutputFile(path: directory + "/new.jsonl")
            try output.write(Array("partial".utf8))
            try output.flush()
        }
        #expect(try listing(directory).isEmpty)
    }

    @Test func largeOutputIsWrittenCompletely() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/big.jsonl"
        let output = try OutputFile(path: target)
        var expected = [UInt8]()
        for index in 0..<20_000 {
            let line = Array("{\"n\":\(index),\"text\":\"服务很好\"}\n".utf8)
            expected += line
            try output.write(line)
        }
        try output.commit()
        #expect(FileManager.default.contents(atPath: target) == Data(expected))
    }

    @Test func emptyCommitCreatesAnEmptyFile() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/empty.jsonl"
        let output = try OutputFile(path: target)
        try output.commit()
        #expect(FileManager.default.contents(atPath: target) == Data())
    }

    @Test func unopenablePathIsAnError() {
        let target = NSTemporaryDirectory() + "rater-missing-\(UUID().uuidString)/out.jsonl"
        #expect {
            _ = try OutputFile(path: target)
        } throws: { error in
            guard case let .cannotOpen(path, reason) = error as? OutputError else { return false }
            return path == target && !reason.isEmpty
        }
    }

    @Test func pathIsKept() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try OutputFile(path: directory + "/p.jsonl")
        #expect(output.path == directory + "/p.jsonl")
    }

    /// `-o /dev/null` or a named pipe must be written in place: renaming a temporary file over it would replace the
    /// device or pipe with a regular file (this once turned a machine's /dev/null into a file).
    @Test func aFIFOIsWrittenInPlaceNotReplaced() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as a downstream program would be.
        let received = ReceivedBytes()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
        }
        reader.start()
        let output = try OutputFile(path: fifo)
        try output.write(Array("through the pipe\n".utf8))
        try output.commit()
        while !received.isSet { usleep(1_000) }
        #expect(received.text == "through the pipe\n")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(try listing(directory) == ["pipe"])
    }
}

/// Bytes handed from the reader thread to the test.
private final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data ?? Data(), as: UTF8.self) }
}
