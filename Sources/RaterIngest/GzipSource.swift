import CZlib

/// Inflates gzip data (and concatenated gzip members, as `cat a.gz b.gz` makes) from another source.
///
/// Nightly drops are often compressed; reading them directly avoids a temporary copy the size of the export.
public final class GzipSource: ByteSource {
    private static let inputCapacity = 1 << 16
    private let upstream: ByteSource
    private let path: String
    private var stream = z_stream()
    /// Manually allocated so `stream.next_in` stays valid between calls (an Array's storage pointer would not).
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: GzipSource.inputCapacity)
    private var inputEnded = false
    private var memberEnded = false
    /// Compressed bytes read so far, for error messages.
    private var compressedOffset = 0

    public init(upstream: ByteSource, path: String) throws {
        self.upstream = upstream
        self.path = path
        // 15 + 16: a gzip header is required (zlib's auto-detect, +32, would also accept raw zlib streams).
        let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw IngestError.readFailed(path: path, reason: "could not start gzip decompression (zlib \(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    public func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard count > 0 else { return 0 }
        stream.next_out = destination
        stream.avail_out = UInt32(min(count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !inputEnded {
                let read = try upstream.read(into: input, count: Self.inputCapacity)
                if read == 0 {
                    inputEnded = true
                } else {
                    compressedOffset += read
                    stream.next_in = input
                    stream.avail_in = UInt32(read)
                }
            }
            if stream.avail_in == 0 && inputEnded {
                // Clean end only between members; anything else means the file was cut short. Bytes inflated in
                // this call are handed out first: the error waits for the next call.
                if !memberEnded {
                    let produced = count - Int(stream.avail_out)
                    if produced > 0 { return produced }
                    throw IngestError.readFailed(path: path, reason: "the gzip data ends early (truncated file?) "
                        + "after \(compressedOffset) compressed bytes")
                }
                break
            }
            if memberEnded {
                // Zero bytes after a member are padding (tape blocks, some backup and transfer tools), which gzip
                // ignores too; anything else must be another member, and fails as corrupt data if it is not.
                if stream.next_in[0] == 0 {
                    while stream.avail_in > 0 && stream.next_in[0] == 0 {
                        stream.next_in += 1
                        stream.avail_in -= 1
                    }
                    continue
                }
                // Another gzip member follows the previous one.
                inflateReset(&stream)
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
            default:
                let produced = count - Int(stream.avail_out)
                if produced > 0 { return produced }
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                let at = compressedOffset - Int(stream.avail_in)
                throw IngestError.readFailed(path: path, reason: "corrupt gzip data near compressed byte \(at): \(message)")
            }
        }
        return count - Int(stream.avail_out)
    }
}
