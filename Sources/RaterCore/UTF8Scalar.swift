/// Decodes one Unicode scalar from UTF-8 bytes, for the byte-level scans of several stages (whitespace folding,
/// punctuation classes, Chinese particles) that must not build a `String` per character.
///
/// Assumes valid UTF-8 (ingestion rejects anything else); a sequence cut off by the end of the buffer decodes
/// from the bytes that are there.
public enum UTF8Scalar {
    /// The number of bytes a sequence with this lead byte occupies.
    @inlinable
    public static func length(leadByte byte: UInt8) -> Int {
        byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }

    /// The scalar starting at `start`, and how many bytes it occupies.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (value: UInt32, length: Int) {
        let first = bytes[start]
        if first < 0x80 { return (UInt32(first), 1) }
        let length = length(leadByte: first)
        var value = UInt32(first) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        var position = start + 1
        let end = min(start + length, bytes.count)
        while position < end {
            value = (value << 6) | (UInt32(bytes[position]) & 0x3F)
            position += 1
        }
        return (value, end - start)
    }

    /// The scalar of the three-byte sequence (U+0800…U+FFFF, all of Han in the BMP) starting at `start`, for scans
    /// that handle the common lengths in line. The caller has checked the lead byte and that two bytes follow.
    @inlinable
    public static func threeByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32 {
        UInt32(bytes[start] & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
    }
}
