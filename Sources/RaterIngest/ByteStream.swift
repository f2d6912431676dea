#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input in fixed-size chunks, so an export of any size streams in constant memory.
public final class ByteStream {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEnd = false
    /// Bytes handed out so far: the byte offset of the next byte.
    public private(set) var offset = 0

    /// Opens `path`, or standard input for `-`.
    public init(path: String, chunkSize: Int = 1 << 16) throws {
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
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { if ownsFile { fclose(file) } }

    /// Looks at up to `count` bytes without consuming them (for format detection).
    public func peek(_ count: Int) throws -> [UInt8] {
        while filled - position < count && !atEnd { try refill() }
        return Array(buffer[position..<min(filled, position + count)])
    }

    /// The next byte, or nil at the end.
    @inline(__always)
    public func next() throws -> UInt8? {
        if position == filled {
            if atEnd { return nil }
            try refill()
            if position == filled { return nil }
        }
        let byte = buffer[position]
        position += 1
        offset += 1
        return byte
    }

    /// Copies up to `count` bytes into `destination`; returns how many (0 at the end).
    public func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if position == filled {
            if atEnd { return 0 }
            try refill()
        }
        let available = min(count, filled - position)
        buffer.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + position, count: available) }
        position += available
        offset += available
        return available
    }

    private func refill() throws {
        if position > 0 {
            let remaining = filled - position
            if remaining > 0 { buffer.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: $0.baseAddress! + position, count: remaining) } }
            filled = remaining
            position = 0
        }
        if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let read = buffer.withUnsafeMutableBufferPointer { pointer in
            fread(pointer.baseAddress! + filled, 1, pointer.count - filled, file)
        }
        if read == 0 {
            if ferror(file) != 0 { throw IngestError.readFailed(path: path, reason: String(cString: strerror(errno))) }
            atEnd = true
        }
        filled += read
    }
}
