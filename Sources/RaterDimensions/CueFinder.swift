import Foundation
import RaterCore
import RaterLexicon
import RaterScore
import RaterSegment

/// Turns the cue scanner's matches into `CueHit`s: assigns each to its scoring unit, drops the roles whose context
/// conditions fail, and notes whether a negator governs the cue.
///
/// One finder serves all cue layers of a comment, so the unit of each token is worked out once. The comment and
/// the scoring matcher (whose negators, and negating degree words such as 不太, govern cues) are passed to each
/// call rather than stored: a stored copy would retain every array in them.
struct CueFinder {
    /// Index into `scored.units` of the unit each token belongs to, or -1.
    private let unitOfToken: [Int]
    /// How far a negator reaches: words for alphabetic text, characters for Chinese (不会再来: 不 is two
    /// characters before 再来; "would not ever recommend": one word between).
    static let negatorReachWords = 3
    static let negatorReachCharacters = 4

    /// Fills the array kept in `scratch` (see `MappingScratch`); `giveBack(to:)` returns it.
    init(_ scored: borrowing ScoredComment, reusing scratch: inout MappingScratch) {
        var unitOfToken = [Int].reused(from: &scratch.unitOfToken)
        unitOfToken.append(contentsOf: repeatElement(-1, count: scored.segmented.tokens.count))
        for (index, unit) in scored.units.enumerated() {
            for token in unit.tokens { unitOfToken[token] = index }
        }
        self.unitOfToken = unitOfToken
    }

    /// Hands the finder's array back to `scratch` for the next comment.
    func giveBack(to scratch: inout MappingScratch) {
        scratch.unitOfToken = unitOfToken.keepable
    }

    /// How far a cue's context conditions look on each side, in bytes: far beyond any real clause (a few dozen words),
    /// and a bound on the work. Each condition read the whole clause on both sides, so a comment of one long clause
    /// (no punctuation, up to the 1 MiB limit) cost the square of its length: 3.7 s for 1 MB, nearly all of it there.
    static let contextReach = 1_024

    /// The bytes of `clause` before and after `cue` that its context conditions read: at most `contextReach` on each
    /// side, cut at character starts.
    static func contextWindow(in folded: UnsafeBufferPointer<UInt8>, clause: Range<Int>, cue: Range<Int>)
        -> (before: Range<Int>, after: Range<Int>)
    {
        var start = max(clause.lowerBound, cue.lowerBound - contextReach)
        while start < cue.lowerBound && folded[start] & 0xC0 == 0x80 { start += 1 }
        var end = min(clause.upperBound, cue.upperBound + contextReach)
        while end > cue.upperBound && end < folded.count && folded[end] & 0xC0 == 0x80 { end -= 1 }
        return (start..<cue.lowerBound, cue.upperBound..<end)
    }

    /// Appends the hits of cue layer `layer` to `hits`; entries whose roles depend on context are filtered into
    /// `roles`.
    func appendHits(ofLayer layer: Int, in scored: ScoredComment, scoring: TermMatcher, roles: inout CueRoles,
                    to hits: inout [CueHit]) {
        let text = scored.segmented
        let matches = roles.layers[layer].matches
        let cueEntries = roles.layers[layer].entries
        let shorterEntry = roles.layers[layer].shorterEntry
        let shorterLength = roles.layers[layer].shorterLength
        for found in matches {
            // A cue whose conditions all fail gives way to the shorter cue it hid at its start, if any
            // (`CueTerms.Layer.shorterEntry`): the loop reads that one next.
            var candidate: TermMatch? = found
            while let match = candidate {
                candidate = nil
                let unitIndex = unitOfToken[Int(match.token)]
                guard unitIndex >= 0 else { continue }
                let clause = text.clauses[scored.units[unitIndex].clause]
                let clauseStart = clause.tokens.isEmpty ? match.byteRange.lowerBound
                    : Int(text.tokens[clause.tokens.lowerBound].start)
                let clauseEnd = clause.tokens.isEmpty ? match.byteRange.upperBound
                    : Int(text.tokens[clause.tokens.upperBound - 1].end)
                let entryIndex = Int(match.entry)
                // Most cues carry no context condition: their entry is read in place and named by the hit, not copied.
                let cueContexts = cueEntries[entryIndex].cues.contains { $0.context != nil }
                let aspectContexts = cueEntries[entryIndex].aspects.contains { $0.context != nil }
                let signalContexts = cueEntries[entryIndex].signals.contains { $0.context != nil }
                var source: CueRoles.Source
                if cueContexts || aspectContexts || signalContexts {
                    // The roles whose conditions hold. Each array is the entry's own (retained, not copied) until a
                    // role in it fails; the entry is copied only when some roles fail and others remain, so a cue
                    // whose conditions all hold is named in place, and one whose conditions all fail costs no copy.
                    var cues = cueEntries[entryIndex].cues
                    var aspects = cueEntries[entryIndex].aspects
                    var signals = cueEntries[entryIndex].signals
                    var filtered = false
                    text.folded.withUnsafeBufferPointer { folded in
                        let (beforeRange, afterRange) = Self.contextWindow(
                            in: folded, clause: clauseStart..<max(clauseEnd, match.byteRange.upperBound),
                            cue: match.byteRange)
                        let before = UnsafeBufferPointer(rebasing: folded[beforeRange])
                        let after = UnsafeBufferPointer(rebasing: folded[afterRange])
                        func holds(_ context: CueContext?) -> Bool { context?.holds(before: before, after: after) ?? true }
                        if cueContexts { filtered = Self.keepHolding(&cues, { holds($0.context) }) || filtered }
                        if aspectContexts { filtered = Self.keepHolding(&aspects, { holds($0.context) }) || filtered }
                        if signalContexts { filtered = Self.keepHolding(&signals, { holds($0.context) }) || filtered }
                    }
                    guard !cues.isEmpty || !aspects.isEmpty || !signals.isEmpty else {
                        if !shorterEntry.isEmpty, shorterEntry[entryIndex] >= 0 {
                            candidate = TermMatch(start: match.start, end: match.start + shorterLength[entryIndex],
                                                  token: match.token, entry: shorterEntry[entryIndex])
                        }
                        continue
                    }
                    if filtered {
                        var entry = cueEntries[entryIndex]
                        entry.cues = cues
                        entry.aspects = aspects
                        entry.signals = signals
                        source = roles.keep(entry)
                    } else {
                        source = .entry(layer: Int32(layer), entry: Int32(entryIndex))
                    }
                } else {
                    guard cueEntries[entryIndex].isCue else { continue }
                    source = .entry(layer: Int32(layer), entry: Int32(entryIndex))
                }
                var affirmed = false
                var negator = Self.negator(of: match, clauseStart: clauseStart, in: scored, scoring: scoring,
                                           affirmed: &affirmed)
                // "I couldn't recommend them more": praise that could go no further is no negation (`UnsurpassedPraise`).
                if let found = negator, UnsurpassedPraise.isAbilityNegation(found),
                   UnsurpassedPraise.closer(after: match, in: scored.units[unitIndex], segmented: text) != nil {
                    negator = nil
                }
                // 质量很好，无需退款, "no need to follow up": what was not needed is no recovery left unresolved, nor any
                // recovery at all (`LexiconEntry.isNeedNegator`). The cue's other roles stay negated.
                if let found = negator, let entry = scoring.lookup(found.utf8), scoring.entries[entry].isNeedNegator {
                    var kept: LexiconEntry
                    switch source {
                    case let .entry(layer, entry): kept = roles.layers[Int(layer)].entries[Int(entry)]
                    case let .filtered(index): kept = roles.filtered[Int(index)]
                    }
                    if kept.signals.contains(where: { $0.kind == .recovery }) {
                        kept.signals.removeAll { $0.kind == .recovery }
                        guard kept.isCue else { continue }
                        source = roles.keep(kept)
                    }
                }
                hits.append(CueHit(range: match.byteRange, token: Int(match.token), unit: unitIndex, roles: source,
                                   negated: negator != nil, negator: negator, affirmed: affirmed))
            }
        }
    }

    /// Removes the roles whose conditions fail from `roles`, in order, and says whether any did. The array is left
    /// as it is (still the entry's own, shared) until the first failure, and rebuilt from there only then.
    private static func keepHolding<Role>(_ roles: inout [Role], _ holds: (Role) -> Bool) -> Bool {
        guard let firstFailure = roles.firstIndex(where: { !holds($0) }) else { return false }
        var kept = Array(roles[..<firstFailure])
        for role in roles[(firstFailure + 1)...] where holds(role) { kept.append(role) }
        roles = kept
        return true
    }

    /// The negator governing a cue, if any: a negator term shortly before it in the same clause, a negator that
    /// runs into it (不再 in 不再来), or a scoring phrase that starts before the cue with a negator and runs into it
    /// (不推荐 matched as one sentiment term).
    ///
    /// The scorer's matches are sorted by start, so the walk back begins at the last one starting before the cue.
    private static func negator(of cue: TermMatch, clauseStart: Int, in scored: ScoredComment,
                                scoring: TermMatcher, affirmed: inout Bool) -> String? {
        let folded = scored.segmented.folded
        let matches = scored.matches
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].start < cue.start { low = middle + 1 } else { high = middle }
        }
        for index in stride(from: low - 1, through: 0, by: -1) {
            let match = matches[index]
            let entry = Int(match.entry)
            // 还点不点, 来不来: the 不 of a choice question asks, it negates nothing (以后还点不点不一定了 doubts a return).
            if isChoiceQuestion(Int(match.start)..<Int(match.end), in: folded) { continue }
            if Int(match.end) > Int(cue.start) {
                // A negative phrase overlapping the cue is negated when a negator word sits in the part before
                // the cue, within reach (不推荐, "would not recommend" matched as one sentiment term).
                let head = Int(match.start)..<Int(cue.start)
                // A negator that runs into the cue negates it: 不再 in 不再来 shares its 再 with the cue 再来. Not when
                // what they share is the cue's own negator (完全不 and 不如预期 share 不: the cue already holds it).
                let shared = folded[Int(cue.start)..<min(Int(match.end), Int(cue.end))]
                if isNegating(entry, scoring), !(scoring.lookup(shared).map { isNegating($0, scoring) } ?? false) {
                    return String(decoding: folded[Int(match.start)..<Int(match.end)], as: UTF8.self)
                }
                if scoring.entries[entry].valence.map({ $0 < 0 }) ?? false, isWithinReach(head, in: folded),
                   let negator = negator(in: head, of: folded, scoring: scoring) {
                    return negator
                }
                continue
            }
            guard Int(match.start) >= clauseStart else { break }
            guard isWithinReach(Int(match.end)..<Int(cue.start), in: folded) else { break }
            if isNegating(entry, scoring) {
                // A negated negator affirms: 不是没有退款 and "not that they didn't refund" say the refund came, so
                // the cue is not negated (a cue holding its own negator, 不是没解决, is still turned by 不是).
                if index > 0, Int(matches[index - 1].start) >= clauseStart,
                   Int(matches[index - 1].end) <= Int(match.start),
                   isNegating(Int(matches[index - 1].entry), scoring),
                   isWithinReach(Int(matches[index - 1].end)..<Int(match.start), in: folded) {
                    affirmed = true
                    return nil
                }
                return String(decoding: folded[Int(match.start)..<Int(match.end)], as: UTF8.self)
            }
            // A negative phrase ending in a negator governs the cue after it as the negator alone would: 再也不会 (one
            // sentiment term) in 再也不会推荐 holds 不会, and 不会推荐 is at risk.
            if scoring.entries[entry].valence.map({ $0 < 0 }) ?? false,
               endsInNegator(Int(match.start)..<Int(match.end), of: folded, scoring: scoring) {
                return String(decoding: folded[Int(match.start)..<Int(match.end)], as: UTF8.self)
            }
        }
        return nil
    }

    /// Whether the negator matched at `range` opens with the 不 or 没 of a choice question, the same character on
    /// either side of it (点不点, 会不会 matched as 不会, 有没有): a question, not a negation.
    ///
    /// Asked of every match the negator search walks past, so it compares bytes: `elementsEqual` against `"不".utf8`
    /// cost about 110 instructions a match (19.5 M of 2,852 M per Chinese comment in the benchmark).
    static func isChoiceQuestion(_ range: Range<Int>, in folded: [UInt8]) -> Bool {
        let start = range.lowerBound
        guard range.count >= 3, start >= 3, start + 6 <= folded.count, folded[start - 3] >= 0xE0 else { return false }
        let (lead, middle, last) = (folded[start], folded[start + 1], folded[start + 2])
        // 不 is E4 B8 8D in UTF-8, 没 E6 B2 A1.
        guard (lead == 0xE4 && middle == 0xB8 && last == 0x8D) || (lead == 0xE6 && middle == 0xB2 && last == 0xA1) else {
            return false
        }
        return folded[start - 3] == folded[start + 3] && folded[start - 2] == folded[start + 4]
            && folded[start - 1] == folded[start + 5]
    }

    /// Whether a proper tail of the folded text in `range` (from a character start for Han text, a word start for
    /// alphabetic text) is a negator term.
    private static func endsInNegator(_ range: Range<Int>, of folded: [UInt8], scoring: TermMatcher) -> Bool {
        var start = range.lowerBound + 1
        while start < range.upperBound {
            let byte = folded[start]
            let isStart = byte < 0x80 ? folded[start - 1] == 0x20 && byte != 0x20 : byte & 0xC0 != 0x80
            if isStart, let entry = scoring.lookup(folded[start..<range.upperBound]), isNegating(entry, scoring) {
                return true
            }
            start += 1
        }
        return false
    }

    /// Whether the scoring entry at `index` negates: a negator, or a negating degree word (不太). Reads the two
    /// fields in place rather than copying the entry and its role arrays.
    private static func isNegating(_ index: Int, _ scoring: TermMatcher) -> Bool {
        scoring.entries[index].isNegator || (scoring.entries[index].degree.map { $0 < 0 } ?? false)
    }

    /// Whether the folded text in `range` is short enough for a negator to reach over: at most
    /// `negatorReachWords - 1` space-separated words of ASCII, or `negatorReachCharacters - 1` characters.
    private static func isWithinReach(_ range: Range<Int>, in folded: [UInt8]) -> Bool {
        folded.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[range])
            var ascii = true
            var scalars = 0
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte >= 0x80 { ascii = false }
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            // In ASCII every byte is a character and none but the space is a space ("\r\n" is one character, but
            // not a space either), so counting space-separated runs of bytes is `split(separator: " ").count`.
            if ascii { return words <= Self.negatorReachWords - 1 }
            // Characters never outnumber scalars: few scalars settle it without grapheme breaking. In text whose
            // every scalar is a character of its own (nearly all Chinese text), many scalars settle it too.
            if scalars <= Self.negatorReachCharacters - 1 { return true }
            if SingleScalarText.accepts(bytes) { return false }
            return String(decoding: bytes, as: UTF8.self).count <= Self.negatorReachCharacters - 1
        }
    }

    /// The first negator term that starts in the folded text of `head` (at a word start for alphabetic text), if
    /// any: the longest candidate first at each start, trimmed of whitespace.
    private static func negator(in head: Range<Int>, of folded: [UInt8], scoring: TermMatcher) -> String? {
        folded.withUnsafeBufferPointer { folded in
            let bytes = UnsafeBufferPointer(rebasing: folded[head])
            guard SingleScalarText.accepts(bytes) else {
                return characterNegator(in: String(decoding: bytes, as: UTF8.self), scoring: scoring)
            }
            return byteNegator(in: bytes, wordStartsOnly: bytes.allSatisfy { $0 < 0x80 }, scoring: scoring)
        }
    }

    /// `negator(in:)` on a `String`, by `Character`, for text the byte search does not cover (combining marks,
    /// emoji sequences, carriage returns).
    private static func characterNegator(in head: String, scoring: TermMatcher) -> String? {
        let alphabetic = head.utf8.allSatisfy { $0 < 0x80 }
        let characters = Array(head)
        for start in characters.indices where !alphabetic || start == 0 || characters[start - 1] == " " {
            let rest = characters[start...]
            for length in stride(from: rest.count, through: 1, by: -1) {
                let candidate = String(rest.prefix(length)).trimmingCharacters(in: .whitespaces)
                if candidate.isEmpty { continue }
                if let index = scoring.lookup(candidate.utf8), isNegating(index, scoring) { return candidate }
            }
        }
        return nil
    }

    /// `negator(in:)` for `SingleScalarText`, where every scalar is one character: the same search (every
    /// character start, or every word start in alphabetic text; longest candidate first; whitespace trimmed) on
    /// scalar boundaries, without a `String` per candidate. Of the accepted scalars, Foundation's `.whitespaces`
    /// holds the space, the tab and U+3000.
    private static func byteNegator(in bytes: UnsafeBufferPointer<UInt8>, wordStartsOnly: Bool,
                                    scoring: TermMatcher) -> String? {
        /// The length of the whitespace scalar starting at `offset`, or 0.
        func whitespace(at offset: Int) -> Int {
            if bytes[offset] == 0x20 || bytes[offset] == 0x09 { return 1 }
            if offset + 2 < bytes.count, bytes[offset] == 0xE3, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x80 {
                return 3
            }
            return 0
        }
        /// The start of the scalar that ends at `end`.
        func scalarStart(before end: Int) -> Int {
            var start = end - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return start
        }
        var start = 0
        while start < bytes.count {
            defer { start += UTF8Scalar.length(leadByte: bytes[start]) }
            if wordStartsOnly && start > 0 && bytes[start - 1] != 0x20 { continue }
            var end = bytes.count
            while end > start {
                var low = start
                var high = end
                while low < high, case let length = whitespace(at: low), length > 0 { low += length }
                while high > low, case let last = scalarStart(before: high), whitespace(at: last) > 0 { high = last }
                if low < high {
                    let candidate = UnsafeBufferPointer(rebasing: bytes[low..<high])
                    if let index = scoring.lookup(candidate), isNegating(index, scoring) {
                        return String(decoding: candidate, as: UTF8.self)
                    }
                }
                end = scalarStart(before: end)
            }
        }
        return nil
    }
}
