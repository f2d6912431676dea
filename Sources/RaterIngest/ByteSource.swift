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

/// A file, or standard input for `-`.
public final class FileSource: ByteSource {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool

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
