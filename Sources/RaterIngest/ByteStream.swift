/// Buffers a `ByteSource` so readers can take one byte at a time and peek ahead, in constant memory.
public final class ByteStream: ByteSource {
    /// The input's display name, used in every rejection and error.
    public let path: String
    /// The charset the input was decoded from; the bytes handed out are UTF-8 once the opener has set up decoding.
    public internal(set) var encoding = "UTF-8"
    /// Where a transcoding source noted each invalid sequence, so readers can name the original byte offset.
    var decodingLog: DecodingLog?
    private let source: ByteSource
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEnd = false
    /// Bytes handed out so far: the byte offset of the next byte.
    public private(set) var offset = 0

    public init(source: ByteSource, path: String, chunkSize: Int = 1 << 16) {
        self.source = source
        self.path = path
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Opens `path`, or standard input for `-`, with no decoding.
    public convenience init(path: String, chunkSize: Int = 1 << 16) throws {
        self.init(source: try FileSource(path: path), path: path, chunkSize: chunkSize)
    }

    /// A stream offset as an offset in the input, when the two agree (not after charset conversion, where offsets
    /// count UTF-8 bytes; line numbers stay exact either way). For `.gz` inputs offsets count decompressed bytes.
    public func originalOffset(_ offset: Int) -> Int? {
        decodingLog == nil ? offset : nil
    }

    /// Where the invalid byte at stream offset `offset` was in the original input, and what it was.
    func invalidSequence(at offset: Int) -> (offset: Int, bytes: [UInt8]?) {
        if let entry = decodingLog?.entry(atOutputOffset: offset) { return (entry.sourceOffset, entry.bytes) }
        return (offset, nil)
    }

    /// Looks at up to `count` bytes without consuming them (for format detection). A read error while looking
    /// ahead is kept until the bytes before it have been consumed, so a truncated input still yields its records.
    public func peek(_ count: Int) throws -> [UInt8] {
        while filled - position < count && !atEnd && deferredError == nil {
            do { try refill() } catch { deferredError = error }
        }
        return Array(buffer[position..<min(filled, position + count)])
    }

    private var deferredError: Error?

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

    /// Hands `body` the buffered unread bytes (refilling first when none are buffered) and consumes as many as it
    /// returns. Returns false at the end of the input. Scanners use this to run tight loops over whole chunks
    /// instead of a call per byte.
    public func consumeBuffered(_ body: (UnsafeBufferPointer<UInt8>) throws -> Int) throws -> Bool {
        if position == filled {
            if atEnd { return false }
            try refill()
            if position == filled { return false }
        }
        let consumed = try buffer.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[position..<filled]))
        }
        position += consumed
        offset += consumed
        return true
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
        if let deferredError {
            self.deferredError = nil
            atEnd = true
            throw deferredError
        }
        if position > 0 {
            let remaining = filled - position
            if remaining > 0 { buffer.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: $0.baseAddress! + position, count: remaining) } }
            filled = remaining
            position = 0
        }
        if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let read = try buffer.withUnsafeMutableBufferPointer { pointer in
            try source.read(into: pointer.baseAddress! + filled, count: pointer.count - filled)
        }
        if read == 0 { atEnd = true }
        filled += read
    }
}
