import RaterCore
import RaterSegment

/// Walks one comment's tokens and collects the scoring terms (see `TermMatcher` for the rules), asking a
/// `TermStartSource` for the longest term at each place.
enum MatchScanner {
    /// Particles and light function characters that attach to words without changing what they mean.
    static let particles: Set<UInt32> = Set("了的地得着过啊吧呢啦哦呀嘛哈么也都就又是在喔噢咯呗".unicodeScalars.map(\.value))

    static func isParticle(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        bytes[offset] >= 0xE0 && isParticle(UTF8Scalar.decode(bytes, at: offset).value)
    }

    /// The same set as `particles`, as a switch: the scanner asks for every uncovered character, and hashing a
    /// scalar into a `Set` cost more than the rest of the question. `particleSwitchMatchesTheSet` pins the two.
    @inline(__always)
    static func isParticle(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E48, 0x4E5F, 0x4E86, 0x53C8, 0x5427, 0x5440, 0x5457, 0x5462, 0x54AF, 0x54C8, 0x54E6, 0x554A, 0x5566,
             0x5594, 0x561B, 0x5662, 0x5728, 0x5730, 0x5C31, 0x5F97, 0x662F, 0x7684, 0x7740, 0x8FC7, 0x90FD:
            return true
        default: return false
        }
    }

    /// - Parameters:
    ///   - matcher: the scoring matcher; it gives the cover roles and, where an interjection is refused, the shorter
    ///     term it hid, by a walk of its own trie (`TrieWalkSource`, built only then: it copies the matcher).
    ///   - isTokenEnd: `isTokenEnd[offset]`, whether a token ends at byte `offset`, for that walk.
    ///   - kept: an array to fill in place, emptied first (a worker's `ScanScratch.scoringMatches`).
    static func scan<Source: TermStartSource>(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, source: Source,
                                              matcher: TermMatcher, isTokenEnd: UnsafeBufferPointer<Bool>,
                                              reusing kept: consuming [TermMatch] = []) -> [TermMatch]
    {
        guard !tokens.isEmpty else { return [] }
        let byteCount = bytes.count
        let coverRoles = matcher.coverRoles
        let closesClauseOnly = matcher.closesClauseOnly
        let isLearnedOnly = matcher.isLearnedOnly
        /// The longest term at `offset` as the source found it, unless it is a term that counts only where it closes
        /// its clause (`LexiconEntry.closesClauseOnly`) and does not: the interjection 我去 in 我去了三次都没货 ("I went
        /// there three times"), the lapse ending 不了 in 不了解. Then the longest shorter term at `offset` stands in
        /// for it, or none, so that the scan goes on at the next character and finds the term it hid (去了). Refused
        /// here rather than after the scan: dropped afterwards, 我去 had already taken 去 from 去了. A match that is no
        /// such term costs one load of a flag.
        ///
        /// A learned fragment is refused the same way: a term whose only role is a learned valence
        /// (`LexiconEntry.isLearnedOnly`) that cuts a word the lexicon knows, one starting inside it and running on
        /// beyond it. `rater lexicon learn` counts character runs, so 联系客 (−1.9) is a piece of 联系客服, "contact
        /// customer service", and took 客 from the cue word 客服; refused, the scan finds 客服 after it.
        func admitted(_ found: (end: Int, entry: Int32)?, from offset: Int, token: Int32, tokenEnd: Int,
                      withinToken: Bool, inIdeographs: Bool) -> (end: Int, entry: Int32)? {
            guard !closesClauseOnly.isEmpty || !isLearnedOnly.isEmpty else { return found }
            var found = found
            while let match = found {
                let isUnclosed = !closesClauseOnly.isEmpty && closesClauseOnly[Int(match.entry)]
                    && !TermMatch(start: Int32(offset), end: Int32(match.end), token: token, entry: match.entry)
                        .closesClause(in: tokens)
                let isFragment = !isUnclosed && inIdeographs && !withinToken && !isLearnedOnly.isEmpty
                    && isLearnedOnly[Int(match.entry)] && cutsKnownWord(from: offset, to: match.end, token: token)
                guard isUnclosed || isFragment else { break }
                // Built only here, on the rare refusal: it copies the matcher.
                let walker = TrieWalkSource(matcher: matcher, bytes: bytes, isTokenEnd: isTokenEnd)
                found = walker.longestShorter(from: offset, than: match.end, tokenEnd: tokenEnd,
                                              withinToken: withinToken, inIdeographs: inIdeographs)
            }
            return found
        }
        /// Whether a term the lexicon knows by more than a learned weight starts at a character after `offset` and
        /// before `end` and runs on beyond `end`. Asked only of learned-only terms: one table load per character.
        func cutsKnownWord(from offset: Int, to end: Int, token: Int32) -> Bool {
            var index = Int(token)
            while index < tokens.count, Int(tokens[index].start) < end {
                let inner = tokens[index]
                index += 1
                guard inner.kind == .ideographic else { continue }
                let innerEnd = Int(inner.end)
                var position = max(offset, Int(inner.start))
                if position == offset { position += UTF8Scalar.length(leadByte: bytes[position]) }
                while position < min(innerEnd, end) {
                    if let word = source.longestInIdeographs(from: position, tokenEnd: innerEnd, withinToken: false),
                       word.end > end, !isLearnedOnly[Int(word.entry)] {
                        return true
                    }
                    position += UTF8Scalar.length(leadByte: bytes[position])
                }
            }
            return false
        }
        var matches = consume kept
        matches.removeAll(keepingCapacity: true)
        if matches.capacity < 8 { matches.reserveCapacity(8) }
        // The nested functions take `matches` as an `inout` argument rather than capturing it: a captured `var`
        // costs a dynamic exclusivity check on every access.
        func isCharacterStart(_ offset: Int) -> Bool {
            offset >= byteCount || bytes[offset] & 0xC0 != 0x80
        }
        func characterCount(_ range: Range<Int>) -> Int {
            var count = 0
            for offset in range where bytes[offset] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        /// Can lexicon terms cover start..<end completely? Grammatical particles (了, 的, 啊 …) count as
        /// covered, so 好了 is 好 + 了 while 好像 stays one unknown word. Appends the cover's pieces to `matches`
        /// and says yes, or leaves `matches` as it was.
        func cover(_ start: Int, _ end: Int, token: Int32, into matches: inout [TermMatch]) -> Bool {
            let count = matches.count
            var position = start
            while position < end {
                if let match = admitted(source.longestInIdeographs(from: position, tokenEnd: end, withinToken: true),
                                        from: position, token: token, tokenEnd: end, withinToken: true,
                                        inIdeographs: true) {
                    matches.append(TermMatch(start: Int32(position), end: Int32(match.end), token: token,
                                             entry: match.entry))
                    position = match.end
                } else if MatchScanner.isParticle(bytes, at: position) {
                    position += UTF8Scalar.length(leadByte: bytes[position])
                } else {
                    matches.removeSubrange(count...)
                    return false
                }
            }
            // A one-character rule word covers an ICU word only together with opinion words, a learned character only
            // beside degree words (see `CoverRole`).
            let pieces = matches[count...]
            if pieces.count >= 2, !CoverRole.accepts(pieces.lazy.map { coverRoles[Int($0.entry)] },
                                                     isSingleCharacter: pieces.lazy.map {
                                                         characterCount(Int($0.start)..<Int($0.end)) == 1 }) {
                matches.removeSubrange(count...)
                return false
            }
            return true
        }

        var index = 0
        var position = 0  // never match before this offset (matches do not overlap)
        while index < tokens.count {
            let token = tokens[index]
            // Every match recorded for this token starts inside it.
            let tokenIndex = Int32(index)
            switch token.kind {
            case .whitespace, .lineBreak, .address:
                index += 1
                continue
            case .ideographic:
                var offset = max(position, Int(token.start))
                let tokenEnd = Int(token.end)
                // A cover may start only where the word starts or where an accepted match ended: once a
                // character is skipped, the rest of the word is not a lexicon word (只好 is not 只 + 好).
                var mayCover = true
                while offset < tokenEnd {
                    if let match = admitted(source.longestInIdeographs(from: offset, tokenEnd: tokenEnd,
                                                                       withinToken: false),
                                            from: offset, token: tokenIndex, tokenEnd: tokenEnd, withinToken: false,
                                            inIdeographs: true),
                       characterCount(offset..<match.end) >= 2 {
                        matches.append(TermMatch(start: Int32(offset), end: Int32(match.end), token: tokenIndex,
                                                 entry: match.entry))
                        offset = match.end
                        mayCover = true
                        continue
                    }
                    if mayCover, cover(offset, tokenEnd, token: tokenIndex, into: &matches) {
                        offset = tokenEnd
                        break
                    }
                    // ICU may cut a negated phrase where the lexicon does not: 很不到位 comes as 很|不到|位, and 不,
                    // a piece of 不到 that the rest of the word does not cover, was skipped while 到位 ran on past
                    // the word, so the praise stood un-negated. A one-character negator opening the word counts when
                    // the opinion word right after it runs past the word's end.
                    if mayCover, let negator = source.longestInIdeographs(from: offset, tokenEnd: tokenEnd,
                                                                          withinToken: true),
                       negator.end < tokenEnd, coverRoles[Int(negator.entry)] == .negator,
                       characterCount(offset..<negator.end) == 1,
                       let opinion = admitted(source.longestInIdeographs(from: negator.end, tokenEnd: tokenEnd,
                                                                         withinToken: false),
                                              from: negator.end, token: tokenIndex, tokenEnd: tokenEnd,
                                              withinToken: false, inIdeographs: true),
                       opinion.end > tokenEnd, coverRoles[Int(opinion.entry)] == .opinion {
                        matches.append(TermMatch(start: Int32(offset), end: Int32(negator.end), token: tokenIndex,
                                                 entry: negator.entry))
                        offset = negator.end
                        mayCover = false
                        continue
                    }
                    mayCover = false
                    offset += 1
                    while !isCharacterStart(offset) { offset += 1 }
                }
                position = offset
            default:
                let start = Int(token.start)
                if start >= position,
                   let match = admitted(source.longestFromTokenStart(start), from: start, token: tokenIndex,
                                        tokenEnd: Int(token.end), withinToken: false, inIdeographs: false) {
                    matches.append(TermMatch(start: Int32(start), end: Int32(match.end), token: tokenIndex,
                                             entry: match.entry))
                    position = match.end
                }
            }
            // Skip the tokens a match has already consumed (a match may span several tokens).
            index += 1
            while index < tokens.count, Int(tokens[index].end) <= position { index += 1 }
        }
        return matches
    }
}
