import Foundation
import RaterCore
import Testing

@testable import RaterIngest

#if canImport(Glibc)
import Glibc
#endif

/// A run interrupted by a signal while it waits for a pipe or FIFO whose producer has gone quiet (and keeps it
/// open) stops then, instead of when the producer next writes, if ever.
@Suite struct InterruptedReadTests {
    private func read(_ source: FileSource, count: Int = 1 << 16) throws -> String {
        var buffer = [UInt8](repeating: 0, count: count)
        let read = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: count) }
        return String(decoding: buffer[..<read], as: UTF8.self)
    }

    /// The interruption comes from another thread while the read waits (or just before it starts: either way the
    /// read must end with `RunInterrupted`, never wait for the producer).
    @Test func aReadWaitingOnStandardInputEndsAtTheInterruption() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let source = FileSource(standardInputDescriptor: ends[0])
        let interruption = RunInterruption()
        source.interruption = interruption
        _ = write(ends[1], "ready\n", 6)
        #expect(try read(source) == "ready\n")
        let interrupter = Thread {
            usleep(50_000)
            interruption.interrupt(by: SIGTERM)
        }
        interrupter.start()
        #expect(throws: RunInterrupted(signal: SIGTERM)) { try read(source) }
    }

    /// A FIFO named on the command line is read as it comes, like standard input, rather than waiting for a whole
    /// chunk, so the interruption is seen between reads.
    @Test func aReadWaitingOnAFIFOEndsAtTheInterruption() throws {
        let path = NSTemporaryDirectory() + "rater-fifo-\(UUID().uuidString).csv"
        try #require(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        // Open for reading and writing: the open does not wait for a reader, and the FIFO never sees its end.
        let writer = open(path, O_RDWR)
        try #require(writer >= 0)
        defer { close(writer) }
        let source = try FileSource(path: path)
        let interruption = RunInterruption()
        source.interruption = interruption
        _ = write(writer, "id,text\n1,ok\n", 13)
        #expect(try read(source) == "id,text\n1,ok\n")
        let interrupter = Thread {
            usleep(50_000)
            interruption.interrupt(by: SIGINT)
        }
        interrupter.start()
        #expect(throws: RunInterrupted(signal: SIGINT)) { try read(source) }
    }

    @Test func onlyTheFirstSignalInterrupts() {
        let interruption = RunInterruption()
        #expect(interruption.signal == nil)
        #expect(throws: Never.self) { try interruption.check() }
        #expect(interruption.interrupt(by: SIGTERM))
        #expect(!interruption.interrupt(by: SIGINT))
        #expect(interruption.signal == SIGTERM)
        #expect(throws: RunInterrupted(signal: SIGTERM)) { try interruption.check() }
        #expect(RunInterrupted(signal: SIGINT).exitCode == 130 && "\(RunInterrupted(signal: SIGINT))" == "interrupted by SIGINT")
    }

    /// `timeout` signals its child and then its process group: the same `SIGTERM` twice, microseconds apart. Come
    /// again soon, the interrupting signal is its own repeat; another signal, or the same one later, is not.
    @Test func theFirstSignalComeAgainAtOnceIsItsRepeat() {
        let interruption = RunInterruption()
        #expect(!interruption.isRepeat(of: SIGTERM, within: 60))
        #expect(interruption.interrupt(by: SIGTERM))
        #expect(!interruption.interrupt(by: SIGTERM))
        #expect(interruption.isRepeat(of: SIGTERM, within: 60))
        #expect(!interruption.isRepeat(of: SIGINT, within: 60))
        usleep(20_000)
        #expect(!interruption.isRepeat(of: SIGTERM, within: 0.01))
    }
}
