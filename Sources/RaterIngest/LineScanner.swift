/// Reads a stream line by line for the line-based readers (plain text, JSON Lines): each line without its LF or
/// CR LF (and without a UTF-8 BOM on line 1), kept up to a limit plus one byte so an endless line cannot exhaust
/// memory while its true length is still known.
struct LineScanner {
    private let stream: ByteStream
    private let keep: Int
    /// The current line's bytes, at most `limit + 1` of them.
    private(set) var bytes = [UInt8]()
    /// 1-based number of the line last read.
    private(set) var line = 0

    init(stream: ByteStream, limit: Int) {
        self.stream = stream
        keep = limit + 1
    }

    /// Reads the next line; returns the stream offset of its first byte and its full length, or nil at the end.
    mutating func next() throws -> (offset: Int, length: Int)? {
        bytes.removeAll(keepingCapacity: true)
        var offset = stream.offset
        var length = 0
        var sawAny = false
        var ended = false
        while !ended {
            let more = try stream.consumeBuffered { chunk in
                sawAny = true
                let end = chunk.firstOffset(of: 0x0A) ?? chunk.count
                let room = keep - bytes.count
                if room > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<min(end, room)])) }
                length += end
                if end < chunk.count {
                    ended = true
                    return end + 1
                }
                return end
            }
            if !more { break }
        }
        guard sawAny else { return nil }
        line += 1
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            length -= 3
            offset += 3
        }
        if bytes.last == 0x0D, bytes.count == length {
            bytes.removeLast()
            length -= 1
        }
        return (offset, length)
    }
}
