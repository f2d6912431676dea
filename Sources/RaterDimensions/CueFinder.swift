import Foundation
import RaterLexicon
import RaterScore
import RaterSegment

/// Turns the cue scanner's matches into `CueHit`s: assigns each to its scoring unit, drops the roles whose context
/// conditions fail, and notes whether a negator governs the cue.
struct CueFinder {
    let scored: ScoredComment
    let cueEntries: [LexiconEntry]
    /// The scoring matcher, whose negators (and negating degree words such as 不太) govern cues.
    let scoring: TermMatcher
    /// How far a negator reaches: words for alphabetic text, characters for Chinese (不会再来: 不 is two
    /// characters before 再来; "would not ever recommend": one word between).
    static let negatorReachWords = 3
    static let negatorReachCharacters = 4

    func hits(_ matches: [TermMatch]) -> [CueHit] {
        let text = scored.segmented
        var unitOfToken = [Int](repeating: -1, count: text.tokens.count)
        for (index, unit) in scored.units.enumerated() {
            for token in unit.tokens { unitOfToken[token] = index }
        }
        var hits = [CueHit]()
        for match in matches {
            let unitIndex = unitOfToken[Int(match.token)]
            guard unitIndex >= 0 else { continue }
            let clause = text.clauses[scored.units[unitIndex].clause]
            let clauseStart = clause.tokens.isEmpty ? match.byteRange.lowerBound
                : Int(text.tokens[clause.tokens.lowerBound].start)
            let clauseEnd = clause.tokens.isEmpty ? match.byteRange.upperBound
                : Int(text.tokens[clause.tokens.upperBound - 1].end)
            var entry = cueEntries[Int(match.entry)]
            // Most cues carry no context condition: then the clause text around them is not needed, and the
            // entry's arrays are left shared instead of copied by `removeAll`.
            let cueContexts = entry.cues.contains { $0.context != nil }
            let aspectContexts = entry.aspects.contains { $0.context != nil }
            let signalContexts = entry.signals.contains { $0.context != nil }
            if cueContexts || aspectContexts || signalContexts {
                let before = folded(clauseStart..<match.byteRange.lowerBound)
                let after = folded(match.byteRange.upperBound..<max(clauseEnd, match.byteRange.upperBound))
                if cueContexts { entry.cues.removeAll { !($0.context?.holds(before: before, after: after) ?? true) } }
                if aspectContexts {
                    entry.aspects.removeAll { !($0.context?.holds(before: before, after: after) ?? true) }
                }
                if signalContexts {
                    entry.signals.removeAll { !($0.context?.holds(before: before, after: after) ?? true) }
                }
            }
            guard entry.isCue else { continue }
            let negator = negator(of: match, clauseStart: clauseStart)
            hits.append(CueHit(cue: text.text(match.byteRange), token: Int(match.token), unit: unitIndex, entry: entry,
                               negated: negator != nil, negator: negator))
        }
        return hits
    }

    private func folded(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: scored.segmented.folded[range], as: UTF8.self)
    }

    /// The negator governing a cue, if any: a negator term shortly before it in the same clause, or a scoring
    /// phrase that starts before the cue with a negator and runs into it (不推荐 matched as one sentiment term).
    private func negator(of cue: TermMatch, clauseStart: Int) -> String? {
        for match in scored.matches.reversed() where Int(match.start) < Int(cue.start) {
            let entry = scoring.entries[Int(match.entry)]
            if Int(match.end) > Int(cue.start) {
                // A negative phrase overlapping the cue is negated when a negator word sits in the part before
                // the cue, within reach (不推荐, "would not recommend" matched as one sentiment term).
                let head = Int(match.start)..<Int(cue.start)
                if entry.valence.map({ $0 < 0 }) ?? false, isWithinReach(head), let negator = negator(in: folded(head)) {
                    return negator
                }
                continue
            }
            guard Int(match.start) >= clauseStart else { break }
            guard isWithinReach(Int(match.end)..<Int(cue.start)) else { break }
            if isNegating(entry) { return folded(Int(match.start)..<Int(match.end)) }
        }
        return nil
    }

    private func isNegating(_ entry: LexiconEntry) -> Bool {
        entry.isNegator || (entry.degree.map { $0 < 0 } ?? false)
    }

    /// Whether the folded text in `range` is short enough for a negator to reach over: at most
    /// `negatorReachWords - 1` space-separated words of ASCII, or `negatorReachCharacters - 1` characters.
    private func isWithinReach(_ range: Range<Int>) -> Bool {
        scored.segmented.folded.withUnsafeBufferPointer { buffer in
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
            // Characters never outnumber scalars: few scalars settle it without grapheme breaking.
            if scalars <= Self.negatorReachCharacters - 1 { return true }
            return String(decoding: bytes, as: UTF8.self).count <= Self.negatorReachCharacters - 1
        }
    }

    /// The first negator term that starts in `head` (at a word start for alphabetic text), if any.
    private func negator(in head: String) -> String? {
        let alphabetic = head.utf8.allSatisfy { $0 < 0x80 }
        if alphabetic && !head.utf8.contains(0x0D) { return asciiNegator(in: Array(head.utf8)) }
        let characters = Array(head)
        for start in characters.indices where !alphabetic || start == 0 || characters[start - 1] == " " {
            let rest = characters[start...]
            for length in stride(from: rest.count, through: 1, by: -1) {
                let candidate = String(rest.prefix(length)).trimmingCharacters(in: .whitespaces)
                if candidate.isEmpty { continue }
                if let index = scoring.lookup(candidate.utf8), isNegating(scoring.entries[index]) { return candidate }
            }
        }
        return nil
    }

    /// `negator(in:)` for ASCII text without carriage returns, where every byte is one character: the same search
    /// (each word start, longest candidate first, spaces and tabs trimmed) on bytes, without a `String` per candidate.
    private func asciiNegator(in head: [UInt8]) -> String? {
        head.withUnsafeBufferPointer { bytes -> String? in
            let count = bytes.count
            for start in 0..<count where start == 0 || bytes[start - 1] == 0x20 {
                for length in stride(from: count - start, through: 1, by: -1) {
                    var low = start
                    var high = start + length
                    while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
                    while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
                    if low == high { continue }
                    let candidate = UnsafeBufferPointer(rebasing: bytes[low..<high])
                    if let index = scoring.lookup(candidate), isNegating(scoring.entries[index]) {
                        return String(decoding: candidate, as: UTF8.self)
                    }
                }
            }
            return nil
        }
    }
}
