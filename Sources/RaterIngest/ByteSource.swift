import CZlib
import RaterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere raw bytes come from: a file, standard input, a decompressor or a charset converter.
///
/// Sources chain (file → gunzip → transcode to UTF-8) and `ByteStream` buffers the last one, so every reader sees
/// UTF-8 bytes whatever the export was, and nothing ever holds more than a chunk.
public protocol ByteSource: AnyObject {
    /// Copies up to `count` bytes into `destination`; returns how many, 0 only at the end.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int
}

/// A file, or standard input for `-`. It counts the bytes read and keeps their CRC-32, so an incremental run can
/// recognise the same export grown by appending.
public final class FileSource: ByteSource {
    public let path: String
    /// The open file; nil for standard input, which is read with `read(2)` (see `readAsItComes`).
    private let file: UnsafeMutablePointer<FILE>?
    private let descriptor: Int32
    /// Standard input, or a FIFO, socket or device named as an input: read with `read(2)`, which returns what has
    /// arrived, where `fread` waits for a whole chunk (and a signal's interruption could not be seen meanwhile).
    private let readsAsItComes: Bool
    /// A run's interruption by a signal: a read that would wait for a pipe whose producer has gone quiet waits for
    /// it too, and throws `RunInterrupted` when it comes. (A regular file never makes a read wait for long: the run
    /// checks between records.)
    public var interruption: RunInterruption?
    public private(set) var bytesRead = 0
    /// CRC-32 (zlib's) of every byte read so far; 0 when not `checksummed`.
    public private(set) var checksum: UInt32 = 0
    /// Whether reads keep `checksum`: only incremental runs compare it, and it costs four instructions a byte on the
    /// thread that reads (a tenth of reading a CSV export).
    public let checksummed: Bool
    /// On standard input: called before a read that would wait for the producer, while nothing is waiting to be
    /// read. A run hands out the results it has finished here, so a producer that waits for them before sending
    /// more is never kept waiting, and a producer that keeps up is never waited for. Returning false ends the input
    /// there, as if the producer had closed it: the run cannot go on (its output has gone) and must not wait for
    /// input it will not use. It does not throw: whatever failed in it belongs to the caller, not to this input.
    public var whenInputStalls: (() -> Bool)?

    public init(path: String, checksummed: Bool = true) throws {
        self.path = path
        self.checksummed = checksummed
        if path == "-" {
            file = nil
            descriptor = STDIN_FILENO
            readsAsItComes = true
        } else {
            guard let opened = fopen(path, "rb") else {
                throw IngestError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            descriptor = fileno(opened)
            var status = stat()
            readsAsItComes = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
        }
    }

    /// Standard input read from `descriptor` instead of file descriptor 0, for tests.
    init(standardInputDescriptor descriptor: Int32) {
        path = "-"
        file = nil
        self.descriptor = descriptor
        checksummed = true
        readsAsItComes = true
    }

    deinit { if let file { fclose(file) } }

    public func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let read: Int
        if let file, !readsAsItComes {
            read = fread(destination, 1, count, file)
            if read == 0, ferror(file) != 0 {
                throw IngestError.readFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } else {
            read = try readAsItComes(into: destination, count: count)
        }
        bytesRead += read
        if checksummed, read > 0 { checksum = UInt32(crc32(uLong(checksum), destination, uInt(read))) }
        return read
    }

    /// One `read(2)`, which returns what the pipe holds rather than waiting for `count` bytes as `fread` does, so
    /// that the reader waits (and `whenInputStalls` runs first) only when nothing at all has arrived.
    private func readAsItComes(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if let whenInputStalls, !Self.hasInputWaiting(descriptor), !whenInputStalls() { return 0 }
        if let interruption { try waitForInput(or: interruption) }
        while true {
            #if canImport(Glibc)
            let read = Glibc.read(descriptor, destination, count)
            #else
            let read = Darwin.read(descriptor, destination, count)
            #endif
            if read >= 0 { return read }
            if errno != EINTR { throw IngestError.readFailed(path: path, reason: String(cString: strerror(errno))) }
        }
    }

    /// Waits until the input has bytes (or has ended) or the run is interrupted, which throws `RunInterrupted`.
    /// Should `poll` fail, the read that follows waits as it did before and reports what is wrong.
    private func waitForInput(or interruption: RunInterruption) throws {
        try interruption.check()
        guard interruption.wakeDescriptor >= 0 else { return }
        var requests = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                        pollfd(fd: interruption.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        while poll(&requests, 2, -1) < 0 {
            if errno != EINTR { return }
        }
        try interruption.check()
    }

    /// Whether a read would return at once: bytes are waiting, the producer has closed its end, or the input is a
    /// file (always ready). When `poll` itself fails the answer is no, so that finished results go out before a
    /// read that may wait.
    private static func hasInputWaiting(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&request, 1, 0)
            if ready >= 0 { return ready > 0 }
            if errno != EINTR { return false }
        }
    }
}

/// Bytes already in memory: tests, fuzzing, and generated inputs.
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let available = min(count, bytes.count - position)
        guard available > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + position, count: available) }
        position += available
        return available
    }
}

extension FileSource {
    /// The size of the file at `path` in bytes, or nil if it cannot be read.
    public static func size(of path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// CRC-32 of the first `length` bytes of `path`, or nil if the file is shorter or unreadable.
    public static func checksum(of path: String, prefix length: Int) -> UInt32? {
        guard let source = try? FileSource(path: path) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var remaining = length
        while remaining > 0 {
            let read = buffer.withUnsafeMutableBufferPointer { pointer in
                (try? source.read(into: pointer.baseAddress!, count: min(remaining, pointer.count))) ?? 0
            }
            if read == 0 { return nil }
            remaining -= read
        }
        return source.checksum
    }
}
