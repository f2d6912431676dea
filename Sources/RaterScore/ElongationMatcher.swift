import RaterCore
import RaterLexicon
import RaterSegment

/// Finds elongated words ("sooo", "gooood", "loooove", "gooodd") that the lexicon misses as written, by collapsing
/// letters repeated three or more times to two, then to one, and looking the result up; when neither is a term, every
/// run of a repeated letter is tried at one and two letters ("gooodd" → "good"), up to four runs.
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

    /// `isElongated` over a whole text, eight bytes at a time: whether three of one lower-case ASCII letter stand in a
    /// row anywhere.
    static func hasTripledLetter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = ByteLanes.load(bytes, at: offset)
            // Lane i of `pairs`: byte i equals byte i + 1; of `triples`: so does byte i + 2. Lanes 6 and 7 compare with
            // bytes beyond the word, so only lanes 0…5 count, and the next word starts six bytes on.
            let pairs = ByteLanes.equal(word ^ (word >> 8), 0)
            let triples = pairs & (pairs >> 8) & 0x0000_8080_8080_8080
            if triples & ByteLanes.inRange(word, 0x61, 0x7A) != 0 { return true }
            offset += 6
        }
        return isElongated(UnsafeBufferPointer(rebasing: bytes[offset...]))
    }

    static func addElongatedTerms(to matches: inout [TermMatch], in text: SegmentedText, matcher: TermMatcher) {
        // An elongated word has three of one lower-case letter in a row, and such a run never crosses a word's end.
        // Most comments have none: a pass over their bytes eight at a time settles it, where looking at each word
        // cost 2% of an English comment's instructions.
        guard text.folded.withUnsafeBufferPointer({ hasTripledLetter($0) }) else { return }
        var additions = [TermMatch]()
        var next = 0
        for (index, token) in text.tokens.enumerated() where token.kind == .word {
            while next < matches.count, matches[next].end <= token.start { next += 1 }
            if next < matches.count, matches[next].start < token.end { continue }  // already matched
            let bytes = text.folded[token.byteRange]
            guard isElongated(bytes) else { continue }
            let candidates = [collapse(bytes, keeping: 2), collapse(bytes, keeping: 1)] + runVariants(bytes)
            if let entry = candidates.lazy.compactMap({ matcher.lookup($0) }).first {
                additions.append(TermMatch(start: token.start, end: token.end, token: Int32(index), entry: Int32(entry)))
            }
        }
        guard !additions.isEmpty else { return }
        matches.append(contentsOf: additions)
        matches.sort { $0.start < $1.start }
    }

    /// Every spelling with each run of a repeated lower-case letter cut to one or two letters (at most four runs, so
    /// at most 16 spellings), in order from the most letters kept to the fewest.
    static func runVariants<Bytes: Collection>(_ bytes: Bytes) -> [[UInt8]] where Bytes.Element == UInt8 {
        var runs = [(byte: UInt8, length: Int)]()
        for byte in bytes {
            if let last = runs.last, last.byte == byte, byte >= 0x61 && byte <= 0x7A {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((byte, 1))
            }
        }
        let repeated = runs.indices.filter { runs[$0].length >= 2 }
        guard !repeated.isEmpty, repeated.count <= 4 else { return [] }
        var variants = [[UInt8]]()
        for mask in 0..<(1 << repeated.count) {
            var output = [UInt8]()
            for (index, run) in runs.enumerated() {
                let position = repeated.firstIndex(of: index)
                let count = position.map { mask & (1 << $0) == 0 ? 2 : 1 } ?? run.length
                output.append(contentsOf: repeatElement(run.byte, count: count))
            }
            variants.append(output)
        }
        return variants
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
