/// Where a term found by a `ByteTrie` walk may end.
///
/// A protocol the walk is generic over, not a closure: as a closure, the check was an indirect call at every byte of
/// every walk, and it kept the walk from alphabetic tokens from being inlined into the scanner.
protocol TermEndRule {
    func accepts(_ end: Int) -> Bool
}

/// Terms end where a token ends: alphabetic text, where a term is whole words (see `ScanScratch.tokenEnds`).
struct TokenEndRule: TermEndRule {
    /// `isTokenEnd[offset]`: whether a token ends at byte `offset`.
    let isTokenEnd: UnsafeBufferPointer<Bool>

    @inline(__always)
    func accepts(_ end: Int) -> Bool { isTokenEnd[end] }
}

/// Terms end at any character boundary: ideographic text, where ICU's dictionary words do not bound terms.
struct CharacterEndRule: TermEndRule {
    let bytes: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func accepts(_ end: Int) -> Bool { end >= bytes.count || bytes[end] & 0xC0 != 0x80 }
}
