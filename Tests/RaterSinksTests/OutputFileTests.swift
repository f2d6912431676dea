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

    /// Both kinds of temporary file: unnamed (`O_TMPFILE`, Linux) and named (the fallback elsewhere).
    static let unnamed = [true, false]

    @Test(arguments: unnamed) func targetAppearsOnlyAtCommit(unnamed: Bool) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/results.jsonl"
        let output = try OutputFile(path: target, unnamedTemporary: unnamed)
        try output.write(Array("{\"a\":1}\n".utf8))
        try output.flush()
        #expect(!FileManager.default.fileExists(atPath: target))
        if output.hasUnnamedTemporary {
            // The data goes to a file without a name, in the target's directory (so the rename is atomic).
            #expect(try listing(directory).isEmpty)
        } else {
            // The data goes to a temporary sibling in the same directory.
            let before = try listing(directory)
            #expect(before.count == 1)
            #expect(before.first?.hasPrefix("results.jsonl.tmp") == true)
        }
        try output.write(Array("{\"b\":2}\n".utf8))
        try output.commit()
        #expect(contents(target) == "{\"a\":1}\n{\"b\":2}\n")
        #expect(try listing(directory) == ["results.jsonl"])
    }

    /// A run killed while it writes (`SIGTERM` from `timeout`, `SIGKILL`) never reaches `deinit`: only a temporary
    /// file without a name is sure to go with it. On Linux it has none; each killed run used to leave a
    /// `NAME.tmp-PID-…` file of its partial output behind, under a new name every time.
    @Test func onLinuxTheTemporaryFileHasNoNameWhileItIsWritten() throws {
        #if os(Linux)
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try OutputFile(path: directory + "/out.jsonl")
        #expect(output.hasUnnamedTemporary, "O_TMPFILE unsupported in \(directory)?")
        try output.write(Array(repeating: UInt8(ascii: "x"), count: 200_000))
        try output.flush()
        #expect(try listing(directory).isEmpty)
        try output.commit()
        #expect(try listing(directory) == ["out.jsonl"])
        #expect(FileManager.default.contents(atPath: directory + "/out.jsonl")?.count == 200_000)
        #endif
    }

    /// The committed file gets the permissions `fopen` gives a new file (0666 less the umask), whichever way it was
    /// written.
    @Test(arguments: unnamed) func committedFileHasTheUsualPermissions(unnamed: Bool) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reference = directory + "/reference"
        fclose(fopen(reference, "wb"))
        let target = directory + "/out.jsonl"
        let output = try OutputFile(path: target, unnamedTemporary: unnamed)
        try output.commit()
        var expected = stat(), actual = stat()
        #expect(stat(reference, &expected) == 0 && stat(target, &actual) == 0)
        #expect(actual.st_mode == expected.st_mode)
    }

    @Test(arguments: unnamed) func oldContentSurvivesUntilCommitAndIsThenReplaced(unnamed: Bool) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.jsonl"
        try "old content\n".write(toFile: target, atomically: false, encoding: .utf8)
        let output = try OutputFile(path: target, unnamedTemporary: unnamed)
        try output.write(Array("new\n".utf8))
        try output.flush()
        #expect(contents(target) == "old content\n")
        try output.commit()
        #expect(contents(target) == "new\n")
        #expect(try listing(directory) == ["out.jsonl"])
    }

    @Test(arguments: unnamed) func abandonedOutputLeavesNoTemporaryFileAndKeepsTheOldContent(unnamed: Bool) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/out.jsonl"
        try "previous run\n".write(toFile: target, atomically: false, encoding: .utf8)
        do {
            let output = try OutputFile(path: target, unnamedTemporary: unnamed)
            try output.write(Array(repeating: UInt8(ascii: "x"), count: 200_000))  // more than one buffer
            #expect(try listing(directory).count == (output.hasUnnamedTemporary ? 1 : 2))
        }  // deinit without commit
        #expect(try listing(directory) == ["out.jsonl"])
        #expect(contents(target) == "previous run\n")
    }

    @Test(arguments: unnamed) func abandonedOutputWithoutAnOldFileLeavesNothing(unnamed: Bool) throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let output = try OutputFile(path: directory + "/new.jsonl", unnamedTemporary: unnamed)
            try output.write(Array("partial".utf8))
            try output.flush()
        }
        #expect(try listing(directory).isEmpty)
    }

    /// The temporary file is made in the target's directory, so the rename at commit stays within one file system.
    @Test func temporaryFilesAreMadeInTheTargetsDirectory() {
        #expect(OutputFile.directory(of: "relative.jsonl") == ".")
        #expect(OutputFile.directory(of: "out/r.jsonl") == "out")
        #expect(OutputFile.directory(of: "/r.jsonl") == "/")
        #expect(OutputFile.directory(of: "/a/b/r.jsonl") == "/a/b")
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

/// Space set aside for a file before it is written (the manifest's, so that a run that fills the disk can still
/// say it failed), given back at the commit.
@Suite struct OutputFileReservationTests {
    @Test(arguments: OutputFileTests.unnamed) func reservedSpaceIsAllocatedAndTheFileKeepsOnlyWhatWasWritten(
        unnamed: Bool
    ) throws {
        #if os(Linux)
        let directory = NSTemporaryDirectory() + "rater-reserve-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/run.json"
        let output = try OutputFile(path: target, unnamedTemporary: unnamed)
        #expect(output.allocatedBytes < 65_536)
        #expect(output.reserve(65_536))
        #expect(output.allocatedBytes >= 65_536)
        try output.write(Array("{\"status\":\"failed\"}\n".utf8))
        try output.commit()
        #expect(FileManager.default.contents(atPath: target) == Data("{\"status\":\"failed\"}\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["run.json"])
        #endif
    }
}
