/// Tests on eight bytes of text at once, held in one 64-bit word ("SIMD within a register").
///
/// Several stages scan every comment whole: for non-ASCII bytes, whitespace to fold, Latin words, capitals. Byte by
/// byte those scans cost more than the work they decide; eight lanes at a time they nearly vanish. Each test returns
/// a mask holding the high bit of every lane that passes and nothing else, so masks combine with `&`, `|` and
/// shifts, and `nonzeroBitCount` counts the lanes. Lane *i* is byte *i* of the text (`load` reads little-endian), so
/// shifting a mask left by 8 moves each lane's flag onto the byte after it.
public enum ByteLanes {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must leave eight bytes in `bytes`) as one word, byte `offset` in lane 0.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset,
                                                                                 as: UInt64.self))
    }

    /// Lanes equal to `byte`. Exact in every lane: no borrow crosses from one lane into the next.
    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* ones)
        let lowSeven = ~highBits
        return ~(((difference & lowSeven) &+ lowSeven) | difference) & highBits
    }

    /// Lanes holding a byte in `low`…`high`, both at most 0x7F; lanes of 0x80 and above never pass.
    @inlinable @inline(__always)
    public static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let lowSeven = word & ~highBits
        // Adding to seven-bit lanes cannot carry into the next lane (0x7F + 0x80 < 0x100): the high bit of each sum
        // says whether the lane reached the bound.
        let reachesLow = lowSeven &+ (UInt64(0x80 - low) &* ones)
        let passesHigh = lowSeven &+ (UInt64(0x7F - high) &* ones)
        return reachesLow & ~passesHigh & ~word & highBits
    }
}
