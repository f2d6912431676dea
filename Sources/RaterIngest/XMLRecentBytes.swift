/// The bytes most recently fed to libxml2, so that a rejected XML record's `raw` is the record as written rather
/// than a reconstruction from what was parsed.
///
/// libxml2 says where it is in the bytes it was fed (`xmlByteConsumed`, constant-time for the UTF-8 Rater always
/// feeds it): in a start tag's SAX callback it stands at the tag's closing `>` (or `/>`), and in an end tag's just
/// after its `>`. The record starts at the `<` before the first, found by looking back here, and ends at the second.
/// At least `history` bytes before the chunk being parsed are kept, so a start tag up to that long is found; a
/// record's first `RecordText.rawLimit` bytes are copied out before they are dropped (`XMLRecordBuilder.capture`).
/// Memory stays bounded: `history` and one chunk, whatever the size of the file or of a record.
///
/// Offsets count the bytes fed to libxml2, which are UTF-8 after gzip is undone and the charset decoded: for a
/// gzip or non-UTF-8 input the raw record is its decoded text, as for every other format.
struct XMLRecentBytes {
    static let history = 1 << 16

    private(set) var bytes: [UInt8] = []
    /// The offset of `bytes[0]` among the bytes fed.
    private(set) var start = 0

    var end: Int { start + bytes.count }

    /// Where the bytes kept will start once the next chunk is added: what lies before it is dropped then.
    var startAfterNextChunk: Int { max(start, end - Self.history) }

    mutating func add(_ chunk: UnsafeBufferPointer<UInt8>) {
        let drop = startAfterNextChunk - start
        if drop > 0 {
            bytes.removeFirst(drop)
            start += drop
        }
        bytes.append(contentsOf: chunk)
    }

    /// The bytes in `range`, which must lie within those kept.
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[(range.lowerBound - start)..<(range.upperBound - start)]
    }

    /// Where the start tag of element `name` (a local name; written with any prefix) begins, given an offset inside
    /// it or at its end: the last `<` before `offset`, if the name after it is the element's. Nil when the tag
    /// starts before the bytes kept, or what is there is not that tag (libxml2 recovering from an error): the
    /// record's raw is then reconstructed.
    func startTag(named name: String, before offset: Int) -> Int? {
        guard offset > start && offset <= end else { return nil }
        guard let open = bytes[..<(offset - start)].lastIndex(of: UInt8(ascii: "<")) else { return nil }
        // Asked at every record's start, not only of rejected ones: no allocation here.
        let nameEnd = bytes[(open + 1)...].firstIndex(where: Self.endsName) ?? bytes.count
        let written = bytes[(open + 1)..<nameEnd]
        let local = name.utf8
        let matches = written.elementsEqual(local)
            || (written.count > local.count && written.suffix(local.count).elementsEqual(local)
                && written[nameEnd - local.count - 1] == UInt8(ascii: ":"))
        return matches ? start + open : nil
    }

    /// White space, `/` or `>`: the end of a tag's name.
    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"): true
        default: false
        }
    }
}
