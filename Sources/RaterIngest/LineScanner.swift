/// Reads a stream line by line for the line-based readers (plain text, JSON Lines): each line without its line end
/// (and without a UTF-8 BOM on line 1), kept up to a limit plus one byte so an endless line cannot exhaust memory
/// while its true length is still known.
///
/// A line ends at LF, CR LF or a lone CR, as CSV rows do (`DelimitedRowScanner`): exports from old Mac software and
/// some spreadsheet "save as text" paths end lines with CR alone, and splitting on LF only made such a file one
/// record (or, as JSON Lines, one malformed line).
struct LineScanner {
    private let stream: ByteStream
    private let keep: Int
    /// The current line's bytes, at most `limit + 1` of them.
    private(set) var bytes = [UInt8]()
    /// 1-based number of the line last read.
    private(set) var line = 0
    /// Whether the line last read ended at a line break rather than at the end of the input.
    private(set) var lineEnded = true

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
        // The line ended at a CR that was the chunk's last byte: an LF starting the next chunk is its CR LF.
        var endedAtChunkCR = false
        while !ended {
            let more = try stream.consumeBuffered { chunk in
                sawAny = true
                // Two memchr passes, many bytes at a time: the first LF, then a CR before it.
                let newline = chunk.firstOffset(of: 0x0A) ?? chunk.count
                let end = chunk.firstOffset(of: 0x0D, to: newline) ?? newline
                let room = keep - bytes.count
                if room > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<min(end, room)])) }
                length += end
                if end == chunk.count { return end }
                ended = true
                guard chunk[end] == 0x0D else { return end + 1 }
                if end + 1 == chunk.count {
                    endedAtChunkCR = true
                    return end + 1
                }
                return chunk[end + 1] == 0x0A ? end + 2 : end + 1
            }
            if !more { break }
        }
        guard sawAny else { return nil }
        lineEnded = ended
        // Once a line, and only when its CR ended a chunk: a look at one byte.
        if endedAtChunkCR, try stream.peek(1) == [0x0A] { _ = try stream.next() }
        line += 1
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            length -= 3
            offset += 3
        }
        return (offset, length)
    }
}
