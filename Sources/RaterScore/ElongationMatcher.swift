import RaterLexicon
import RaterSegment

/// Finds elongated words ("sooo", "gooood", "loooove") that the lexicon misses as written, by collapsing letters
/// repeated three or more times to two, then to one, and looking the result up.
enum ElongationMatcher {
    static func isElongated<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var run = 0
        var previous: UInt8 = 0
        for byte in bytes {
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run >= 3 && byte >= 0x61 && byte <= 0x7A { return true }
        }
        return false
    }

    static func addElongatedTerms(to matches: inout [TermMatch], in text: SegmentedText, matcher: TermMatcher) {
        var additions = [TermMatch]()
        var next = 0
        for (index, token) in text.tokens.enumerated() where token.kind == .word {
            while next < matches.count, matches[next].end <= token.start { next += 1 }
            if next < matches.count, matches[next].start < token.end { continue }  // already matched
            let bytes = text.folded[token.byteRange]
            guard isElongated(bytes) else { continue }
            for keep in [2, 1] {
                if let entry = matcher.lookup(collapse(bytes, keeping: keep)) {
                    additions.append(TermMatch(start: token.start, end: token.end, token: Int32(index),
                                               entry: Int32(entry)))
                    break
                }
            }
        }
        guard !additions.isEmpty else { return }
        matches.append(contentsOf: additions)
        matches.sort { $0.start < $1.start }
    }

    static func collapse<Bytes: Collection>(_ bytes: Bytes, keeping keep: Int) -> [UInt8]
        where Bytes.Element == UInt8
    {
        var output = [UInt8]()
        var run = 0
        var previous: UInt8 = 0
        for byte in bytes {
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run <= keep || !(byte >= 0x61 && byte <= 0x7A) { output.append(byte) }
        }
        return output
    }
}
