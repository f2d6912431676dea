import Foundation
import RaterCore
import Testing

@testable import RaterIngest

/// Reads a source to the end in requests of `request` bytes.
func drain(_ source: ByteSource, request: Int = 1 << 16) throws -> [UInt8] {
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: request)
    while true {
        let read = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: request) }
        if read == 0 { return output }
        output += buffer[..<read]
    }
}

@Suite struct TranscodingSourceTests {
    let text = "服务很好，下次再来！Service was great 👍 " + String(repeating: "环境干净。", count: 50)

    func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func anyRequestSizeGivesTheSameText(_ request: Int) throws {
        // Small requests split characters and surrogate pairs (the emoji) across calls.
        let source = try TranscodingSource(upstream: MemorySource(utf16LE(text)), charset: "UTF-16LE", path: "t")
        #expect(String(decoding: try drain(source, request: request), as: UTF8.self) == text)
    }

    @Test func chunkedUpstreamSplitsMultibyteSequences() throws {
        // A ByteStream with a 5-byte chunk hands the converter GB18030 pairs cut in half.
        var gbk = [UInt8]()
        for _ in 0..<20 { gbk += [0xBA, 0xC3, 0x41] }  // 好A
        let upstream = ByteStream(source: MemorySource(gbk), path: "t", chunkSize: 5)
        let source = try TranscodingSource(upstream: upstream, charset: "GB18030", path: "t")
        #expect(String(decoding: try drain(source, request: 9), as: UTF8.self) == String(repeating: "好A", count: 20))
    }

    @Test func invalidSequencesBecomeMarkersWithTheirOriginalOffsets() throws {
        let bytes: [UInt8] = [0x41, 0xBA, 0xC3, 0x81, 0x20, 0x42, 0xFF]  // A 好 <bad> space B <bad at end>
        let source = try TranscodingSource(upstream: MemorySource(bytes), charset: "GB18030", path: "t")
        let output = try drain(source)
        #expect(output == Array("A好".utf8) + [0xFF] + Array(" B".utf8) + [0xFF])
        #expect(source.log.entry(atOutputOffset: 4)?.sourceOffset == 3)
        #expect(source.log.entry(atOutputOffset: 4)?.bytes == [0x81])
        #expect(source.log.entry(atOutputOffset: 7)?.sourceOffset == 6)
    }

    @Test func lonelySurrogateInUTF16IsInvalid() throws {
        let bytes: [UInt8] = [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]  // A, lone high surrogate, B
        let source = try TranscodingSource(upstream: MemorySource(bytes), charset: "UTF-16LE", path: "t")
        let output = try drain(source)
        #expect(output.contains(TranscodingSource.invalidMarker))
        #expect(output.first == 0x41 && output.last == 0x42)
    }

    /// An upstream that fails after some bytes (a `.gz` cut short): every character converted before the failure is
    /// handed out, in any request size, and then the error, again on every later call.
    @Test(arguments: [1, 5, 64, 1 << 16])
    func bytesBeforeAnUpstreamErrorComeOutThenTheError(_ request: Int) throws {
        struct Cut: Error, Equatable {}
        let bytes = utf16LE(text)
        let source = try TranscodingSource(upstream: FailingSource(bytes, chunk: 100, error: Cut()),
                                           charset: "UTF-16LE", path: "t")
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: request)
        var failures = 0
        while failures < 2 {
            do {
                let read = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: request) }
                #expect(read > 0, "no quiet end before the error")
                if read == 0 { break }
                output += buffer[..<read]
            } catch let error as Cut {
                #expect(error == Cut())
                failures += 1
            }
        }
        #expect(String(decoding: output, as: UTF8.self) == text)
    }

    @Test func unknownCharsetIsAnError() {
        #expect(throws: IngestError.unknownEncoding(path: "t", name: "klingon")) {
            _ = try TranscodingSource(upstream: MemorySource([]), charset: "klingon", path: "t")
        }
    }
}

@Suite(.temporaryFolder) struct GzipSourceTests {
    func gzip(_ text: String) throws -> [UInt8] { try gzip(Array(text.utf8)) }

    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let path = try temporaryFile(bytes, suffix: ".txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-c", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test func membersAreConcatenated() throws {
        let bytes = try gzip("first\n") + gzip("second\n")
        let source = try GzipSource(upstream: MemorySource(bytes), path: "t.gz")
        #expect(String(decoding: try drain(source, request: 3), as: UTF8.self) == "first\nsecond\n")
    }

    /// Zero padding after the last member (tape blocks, some transfer tools) ends the data cleanly, as gzip -d
    /// takes it, in any request size and across the source's 64 KB reads; a member after the padding still counts.
    @Test(arguments: [1, 7, 1 << 16])
    func zeroPaddingAfterTheLastMemberIsAnEnd(_ request: Int) throws {
        let padded = try gzip("first\n") + [UInt8](repeating: 0, count: 70_000)
        let source = try GzipSource(upstream: MemorySource(padded), path: "t.gz")
        #expect(String(decoding: try drain(source, request: request), as: UTF8.self) == "first\n")
        let twice = try gzip("first\n") + [UInt8](repeating: 0, count: 10) + gzip("second\n")
        let both = try GzipSource(upstream: MemorySource(twice), path: "t.gz")
        #expect(String(decoding: try drain(both, request: request), as: UTF8.self) == "first\nsecond\n")
        let garbage = try gzip("first\n") + [0, 0, 0x41, 0x42]
        let broken = try GzipSource(upstream: MemorySource(garbage), path: "t.gz")
        #expect(throws: IngestError.self) { _ = try drain(broken, request: request) }
    }

    @Test func corruptDataNamesTheCompressedOffset() throws {
        var bytes = try gzip(String(repeating: "service was slow\n", count: 200))
        for index in 20..<40 { bytes[index] ^= 0x5A }
        let source = try GzipSource(upstream: MemorySource(bytes), path: "t.gz")
        #expect {
            _ = try drain(source)
        } throws: { error in
            guard case let IngestError.readFailed(path, reason) = error else { return false }
            return path == "t.gz" && reason.contains("corrupt gzip data near compressed byte")
        }
    }

    /// A UTF-16 export, gzipped and cut short: the rows before the cut come out, as they do from a UTF-8 one, and
    /// the cut is one `unreadable_input` rejection after them. Small enough that the cut comes inside the opener's
    /// first look ahead (64 KB), where it used to lose every row.
    @Test func truncatedUTF16ExportKeepsTheRowsBeforeTheCut() throws {
        var csv = "id,text\n"
        for row in 1...1_000 { csv += "R\(row),第\(row)条评论：服务很好，下次再来\n" }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in csv.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let compressed = try gzip(utf16)
        let path = try temporaryFile(Array(compressed.prefix(compressed.count * 6 / 10)), suffix: ".csv.gz")
        let events = try readAll(path)
        let records = events.compactMap(\.record)
        #expect(records.count > 300)
        #expect(records.enumerated().allSatisfy { $0.element.id == "R\($0.offset + 1)" })
        #expect(records.allSatisfy { $0.text.hasSuffix("服务很好，下次再来") })
        let rejection = try #require(events.last?.rejection)
        #expect(rejection.reason.code == "unreadable_input")
        #expect(events.count == records.count + 1)
    }

    @Test func truncatedDataIsAnErrorNotAQuietEnd() throws {
        let bytes = try gzip(String(repeating: "ok\n", count: 1000))
        let source = try GzipSource(upstream: MemorySource(Array(bytes.prefix(bytes.count - 8))), path: "t.gz")
        #expect(throws: IngestError.self) { _ = try drain(source) }
    }
}

@Suite(.temporaryFolder) struct BoundedRecordTests {
    @Test func overlongCSVFieldIsRejectedWithItsTrueSize() throws {
        let long = String(repeating: "很", count: 400)  // 1,200 bytes
        let path = try temporaryFile("id,text,note\n1,\(long),x\n2,short,\(long)\n3,fine,y\n", suffix: ".csv")
        let events = try readAll(path) { $0.maximumTextBytes = 1_000 }
        #expect(events[0].rejection?.reason == .textTooLong(bytes: 1_200, limit: 1_000))
        #expect(events[1].rejection?.reason == .fieldTooLong(column: "note", bytes: 1_200, limit: 1_000))
        #expect(events[2].record?.text == "fine")
    }

    @Test func runawayQuoteIsOneRejectionAndKeepsEarlierRows() throws {
        let rest = String(repeating: "more rows,that never end\n", count: 2_000)
        let path = try temporaryFile("id,text\n1,ok\n2,\"opened here\n\(rest)", suffix: ".csv")
        let events = try readAll(path) { $0.maximumTextBytes = 1_000 }
        #expect(events.count == 2)
        #expect(events[0].record?.text == "ok")
        #expect(events[1].rejection?.reason == .unterminatedQuote)
        #expect(events[1].rejection?.line == 3)
        #expect(events[1].rejection.map { $0.raw.utf8.count <= 4_096 } == true)
    }

    @Test func overlongTextLineIsRejectedAndTheNextLineRead() throws {
        let path = try temporaryFile(String(repeating: "x", count: 5_000) + "\nnext\n", suffix: ".txt")
        let events = try readAll(path) { $0.maximumTextBytes = 1_000 }
        #expect(events[0].rejection?.reason == .textTooLong(bytes: 5_000, limit: 1_000))
        #expect(events[0].rejection?.line == 1)
        #expect(events[1].record?.text == "next")
        #expect(events[1].record?.line == 2)
    }

    @Test func nulBytesDoNotCutALine() throws {
        let path = try temporaryFile([0x61, 0x00, 0x62, 0x0A, 0x63, 0x0A], suffix: ".txt")
        let records = try readAll(path).compactMap(\.record)
        #expect(records.map(\.text) == ["a\u{0}b", "c"])
    }
}

@Suite struct InputListTests {
    @Test func patternsExpandSortedAndMustMatch() throws {
        let directory = NSTemporaryDirectory() + "rater-glob-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["b.csv", "a.csv", "c.txt"] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("x\n".utf8)))
        }
        #expect(try InputList.expand([directory + "/*.csv"]) == [directory + "/a.csv", directory + "/b.csv"])
        #expect(try InputList.expand([]) == ["-"])
        #expect(try InputList.expand(["-", directory + "/c.txt"]) == ["-", directory + "/c.txt"])
        #expect(throws: IngestError.noMatchingFiles(pattern: directory + "/*.xml")) {
            _ = try InputList.expand([directory + "/*.xml"])
        }
        #expect(throws: IngestError.isDirectory(path: directory)) { _ = try InputList.expand([directory]) }
        #expect(throws: IngestError.self) { _ = try InputList.expand([directory + "/missing.csv"]) }
    }
}

/// Standard input as a pipe from another program: what arrives is handed on at once, and `whenInputStalls` runs
/// exactly when a read would wait for the producer.
@Suite struct StandardInputSourceTests {
    /// A pipe whose read end the source reads as its standard input.
    private final class TestPipe {
        let readEnd: Int32
        let writeEnd: Int32
        init() throws {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw IngestError.readFailed(path: "-", reason: "pipe failed") }
            (readEnd, writeEnd) = (ends[0], ends[1])
        }
        func write(_ text: String) { FileHandle(fileDescriptor: writeEnd, closeOnDealloc: false).write(Data(text.utf8)) }
        func closeWriter() { close(writeEnd) }
        deinit { close(readEnd) }
    }

    private func read(_ source: FileSource, count: Int = 1 << 16) throws -> String {
        var buffer = [UInt8](repeating: 0, count: count)
        let read = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: count) }
        return String(decoding: buffer[..<read], as: UTF8.self)
    }

    @Test func aReadReturnsWhatHasArrivedWithoutWaitingForAFullChunk() throws {
        let pipe = try TestPipe()
        let source = FileSource(standardInputDescriptor: pipe.readEnd)
        pipe.write("id,text\n1,fast\n")
        #expect(try read(source) == "id,text\n1,fast\n")
        pipe.write("2,slow\n")
        pipe.closeWriter()
        #expect(try read(source) == "2,slow\n")
        #expect(try read(source) == "")
        #expect(source.bytesRead == 22)
    }

    @Test func theStallHandlerRunsOnlyWhenTheReadWouldWait() throws {
        let pipe = try TestPipe()
        let source = FileSource(standardInputDescriptor: pipe.readEnd)
        var stalls = 0
        source.whenInputStalls = {
            stalls += 1
            // What a run does here is hand out results; the producer then sends more, which the waiting read gets.
            pipe.write("after the stall\n")
            return true
        }
        pipe.write("ready\n")
        #expect(try read(source) == "ready\n")
        #expect(stalls == 0)
        #expect(try read(source) == "after the stall\n")
        #expect(stalls == 1)
        pipe.closeWriter()
        #expect(try read(source) == "")
        #expect(stalls == 1)  // a closed pipe does not wait
    }

    @Test func aStallHandlerThatGivesUpEndsTheInputInsteadOfWaiting() throws {
        let pipe = try TestPipe()
        let source = FileSource(standardInputDescriptor: pipe.readEnd)
        source.whenInputStalls = { false }
        pipe.write("ready\n")
        #expect(try read(source) == "ready\n")
        // The producer has not closed its end: without the handler's answer this read would wait for good.
        #expect(try read(source) == "")
        pipe.closeWriter()
    }
}

/// A file's checksum is kept for incremental runs, which compare it to know an export was appended to rather than
/// rewritten; other runs read without it.
@Suite(.temporaryFolder) struct FileSourceChecksumTests {
    @Test func onlyChecksummedReadsKeepTheChecksum() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        let path = try temporaryFile(bytes, suffix: ".csv")
        let checksummed = try FileSource(path: path)
        let plain = try FileSource(path: path, checksummed: false)
        #expect(try drain(checksummed, request: 4_096) == bytes)
        #expect(try drain(plain, request: 4_096) == bytes)
        #expect(plain.checksum == 0)
        #expect(checksummed.checksum != 0)
        #expect(FileSource.checksum(of: path, prefix: bytes.count) == checksummed.checksum)
        #expect(FileSource.checksum(of: path, prefix: 1_000) != checksummed.checksum)
        #expect(try InputOpener.open(path: path, options: IngestOptions()).file?.checksummed == true)
    }
}

/// Hands out `bytes` `chunk` at a time, then throws `error` instead of ending, on every call.
final class FailingSource: ByteSource {
    private let bytes: [UInt8]
    private let chunk: Int
    private let error: any Error
    private var position = 0

    init(_ bytes: [UInt8], chunk: Int, error: any Error) {
        self.bytes = bytes
        self.chunk = chunk
        self.error = error
    }

    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard position < bytes.count else { throw error }
        let taken = min(count, chunk, bytes.count - position)
        for index in 0..<taken { destination[index] = bytes[position + index] }
        position += taken
        return taken
    }
}
