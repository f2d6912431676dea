/// Where the scanners get the longest lexicon term starting at a position: by walking a trie there and then
/// (`TrieWalkSource`), or from the walks `LexiconScanner` made once for the scoring terms and the cue layers
/// together (`WalkTable`).
protocol TermStartSource {
    /// The longest term starting at `offset`, a character start inside an ideographic token that ends at
    /// `tokenEnd`, and ending at a character start: anywhere, or by `tokenEnd` when `withinToken`.
    func longestInIdeographs(from offset: Int, tokenEnd: Int, withinToken: Bool) -> (end: Int, entry: Int32)?
    /// The longest term starting at the start of an alphabetic, numeric, punctuation or symbol token and ending at
    /// a token end.
    func longestFromTokenStart(_ offset: Int) -> (end: Int, entry: Int32)?
}

/// Walks the matcher's trie for every question.
struct TrieWalkSource: TermStartSource {
    let matcher: TermMatcher
    let bytes: UnsafeBufferPointer<UInt8>
    /// `isTokenEnd[offset]`: whether a token ends at byte `offset` (see `ScanScratch.tokenEnds`).
    let isTokenEnd: UnsafeBufferPointer<Bool>

    @inline(__always)
    func longestInIdeographs(from offset: Int, tokenEnd: Int, withinToken: Bool) -> (end: Int, entry: Int32)? {
        matcher.longestMatch(in: bytes, from: offset, limit: withinToken ? tokenEnd : bytes.count,
                             acceptEnd: CharacterEndRule(bytes: bytes))
    }

    @inline(__always)
    func longestFromTokenStart(_ offset: Int) -> (end: Int, entry: Int32)? {
        matcher.longestMatch(in: bytes, from: offset, limit: bytes.count,
                             acceptEnd: TokenEndRule(isTokenEnd: isTokenEnd))
    }

    /// The longest term starting at `offset` that ends before `end`: the term a longer one refused there hid (see
    /// `MatchScanner.admitted`). Ends as `longestInIdeographs` or `longestFromTokenStart` would have them.
    func longestShorter(from offset: Int, than end: Int, tokenEnd: Int, withinToken: Bool,
                        inIdeographs: Bool) -> (end: Int, entry: Int32)? {
        // A walk reports terms ending at most at its limit, and no term ends one byte before a character's end.
        let limit = withinToken ? min(tokenEnd, end - 1) : end - 1
        return inIdeographs
            ? matcher.longestMatch(in: bytes, from: offset, limit: limit, acceptEnd: CharacterEndRule(bytes: bytes))
            : matcher.longestMatch(in: bytes, from: offset, limit: limit, acceptEnd: TokenEndRule(isTokenEnd: isTokenEnd))
    }
}
