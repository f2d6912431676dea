import CRaterICU

/// Converts another source from a legacy or UTF-16 charset to UTF-8 through ICU, streaming.
///
/// Invalid sequences are not replaced with U+FFFD, which would silently change a comment: each becomes a single
/// 0xFF byte — never valid in UTF-8 — so the record holding it is rejected as invalid, and the `DecodingLog` says
/// where the bad bytes were in the original file.
public final class TranscodingSource: ByteSource {
    private static let inputCapacity = 1 << 16
    /// The 0xFF marker must be invalid UTF-8 so readers cannot mistake it for text.
    public static let invalidMarker: UInt8 = 0xFF

    public let charset: String
    private let path: String
    private let upstream: ByteSource
    private let converter: OpaquePointer
    let log = DecodingLog()
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: TranscodingSource.inputCapacity)
    private var inputStart = 0
    private var inputEnd = 0
    private var inputEnded = false
    private var flushed = false
    /// Converted bytes (or a marker) that did not fit the caller's buffer.
    private var spill: [UInt8] = []
    private static let minimumRoom = 8
    /// The upstream's read error, kept when bytes converted earlier in the same call were still to be handed out:
    /// they come first and the error with the next call. A truncated `.gz` in UTF-16 or GB18030 otherwise lost
    /// every record, since the opener's first look ahead asks for 64 KB and the error threw all of them away.
    private var upstreamError: (any Error)?
    /// Original bytes consumed before `input[inputStart]`.
    private var sourceOffset = 0
    /// UTF-8 bytes handed out so far.
    private var outputOffset = 0

    /// Opens a converter for `charset` (any name ICU knows: GB18030, GBK, Big5, UTF-16LE, windows-1252 …).
    public init(upstream: ByteSource, charset: String, path: String) throws {
        var status: Int32 = 0
        guard let converter = rater_converter_open(charset, &status) else {
            input.deallocate()
            throw IngestError.unknownEncoding(path: path, name: charset)
        }
        self.converter = converter
        self.upstream = upstream
        self.path = path
        self.charset = String(cString: rater_converter_name(converter))
    }

    deinit {
        rater_converter_close(converter)
        input.deallocate()
    }

    public func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        var written = 0
        while written < count {
            if !spill.isEmpty {
                let taken = min(spill.count, count - written)
                for index in 0..<taken { destination[written + index] = spill[index] }
                spill.removeFirst(taken)
                written += taken
                continue
            }
            if flushed { break }
            if let error = upstreamError {
                if written > 0 { break }
                throw error
            }
            if inputStart == inputEnd && !inputEnded {
                do {
                    inputEnd = try upstream.read(into: input, count: Self.inputCapacity)
                } catch {
                    upstreamError = error
                    inputEnd = inputStart
                    continue
                }
                inputStart = 0
                inputEnded = inputEnd == 0
            }
            let room = count - written
            if room < Self.minimumRoom {
                // The converter needs room for a whole character; convert a little into the spill instead.
                var small = [UInt8](repeating: 0, count: Self.minimumRoom * 4)
                let produced = try small.withUnsafeMutableBufferPointer { try convert(into: $0.baseAddress!, room: $0.count) }
                spill = Array(small[..<produced]) + spill
                continue
            }
            written += try convert(into: destination + written, room: room)
        }
        return written
    }

    /// One converter call: returns the UTF-8 bytes produced; after an invalid sequence the marker waits in `spill`.
    private func convert(into output: UnsafeMutablePointer<UInt8>, room: Int) throws -> Int {
        let flushing = inputEnded && inputStart == inputEnd
        var consumed: Int64 = 0
        var invalidLength: Int32 = 0
        var status: Int32 = 0
        let produced = Int(rater_converter_to_utf8(converter, input + inputStart, Int64(inputEnd - inputStart), output,
                                                   Int64(room), flushing ? 1 : 0, &consumed, &invalidLength, &status))
        if produced < 0 {
            throw IngestError.readFailed(path: path, reason: "ICU could not convert from \(charset) (status \(status))")
        }
        outputOffset += produced
        if invalidLength > 0 {
            let end = inputStart + Int(consumed)
            let start = max(inputStart, end - Int(invalidLength))
            log.record(.init(outputOffset: outputOffset, sourceOffset: sourceOffset + Int(consumed) - Int(invalidLength),
                             bytes: Array(UnsafeBufferPointer(start: input + start, count: end - start))))
            // The marker takes one byte of output where the bad sequence was.
            outputOffset += 1
            spill.append(Self.invalidMarker)
        } else if flushing && produced < room {
            flushed = true
        }
        inputStart += Int(consumed)
        sourceOffset += Int(consumed)
        return produced
    }
}
