/// Where a transcoding source met invalid byte sequences: the offset in the decoded stream where it put a marker
/// byte, the offset in the original input, and the bytes themselves.
///
/// Readers reject the record holding the marker and ask the log for the original offset, so an analyst can find
/// the bad bytes with a hex editor. The log keeps only recent entries: readers look up records as they finish
/// them, so old entries are never needed, and a file of pure garbage cannot grow it without bound.
final class DecodingLog {
    struct Entry {
        var outputOffset: Int
        var sourceOffset: Int
        var bytes: [UInt8]
    }

    private static let capacity = 4_096
    private var entries: [Entry] = []
    private var head = 0

    func record(_ entry: Entry) {
        if entries.count - head >= Self.capacity { head += 1 }
        entries.append(entry)
        if head > Self.capacity {
            entries.removeFirst(head)
            head = 0
        }
    }

    func entry(atOutputOffset offset: Int) -> Entry? {
        entries[head...].first { $0.outputOffset == offset }
    }
}
