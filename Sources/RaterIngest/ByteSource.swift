import CZlib
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
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    public private(set) var bytesRead = 0
    /// CRC-32 (zlib's) of every byte read so far.
    public private(set) var checksum: UInt32 = 0

    public init(path: String) throws {
        self.path = path
        if path == "-" {
            file = fdopen(0, "rb")
            ownsFile = false
        } else {
            guard let opened = fopen(path, "rb") else {
                throw IngestError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            ownsFile = true
        }
    }

    deinit { if ownsFile { fclose(file) } }

    public func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let read = fread(destination, 1, count, file)
        if read == 0, ferror(file) != 0 {
            throw IngestError.readFailed(path: path, reason: String(cString: strerror(errno)))
        }
        bytesRead += read
        if read > 0 { checksum = UInt32(crc32(uLong(checksum), destination, uInt(read))) }
        return read
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
