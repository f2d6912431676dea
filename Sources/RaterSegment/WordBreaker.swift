import CRaterICU

/// A reusable ICU word break iterator for UTF-8 text (see `rater_wordbreaker_set_text` for why ICU reads UTF-16).
/// Not thread-safe: one per worker.
final class WordBreaker {
    private let handle: OpaquePointer
    /// Batch buffers for boundaries and statuses: raw memory, since a class's array properties cost a dynamic
    /// exclusivity check on every access.
    private static let batch = 256
    private let offsets: UnsafeMutablePointer<Int64>
    private let statuses: UnsafeMutablePointer<Int32>

    init() throws {
        var status: Int32 = 0
        guard let handle = rater_wordbreaker_open(&status) else { throw SegmentationError.icu(code: status) }
        self.handle = handle
        offsets = .allocate(capacity: Self.batch)
        statuses = .allocate(capacity: Self.batch)
    }

    deinit {
        rater_wordbreaker_close(handle)
        offsets.deallocate()
        statuses.deallocate()
    }

    /// Hands `sink` each segment's end offset and ICU rule status, in order.
    func forEachBoundary<Sink: BoundarySink>(in bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let status = rater_wordbreaker_set_text(handle, base, Int64(bytes.count))
        guard status <= 0 else { throw SegmentationError.icu(code: status) }
        while true {
            let count = rater_wordbreaker_next_batch(handle, offsets, statuses, Int32(Self.batch))
            if count == 0 { return }
            for index in 0..<Int(count) { sink.boundary(at: Int(offsets[index]), status: statuses[index]) }
        }
    }
}

public enum SegmentationError: Error, Sendable, CustomStringConvertible {
    case icu(code: Int32)

    public var description: String {
        switch self {
        case let .icu(code): return "ICU word break failed (UErrorCode \(code))"
        }
    }
}
