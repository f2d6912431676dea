import RaterCore
import RaterLexicon
import RaterScore

/// Which way a comparison with what was expected went: the comparative beside the reference says it, not the
/// sentence around it. "The restore took less time than estimated" is exceeded in a complaint about an outage, and
/// 比上次还慢 fell short whatever else the sentence praises.
///
/// In English the comparative stands right before "than" ("faster than last time", "much longer than the adviser
/// estimated", "less time than estimated"); in Chinese it follows the reference (比上次快多了, 比约定的时间晚了两天).
/// A comparative cue (`comparative_better`, `comparative_worse`: 晚, 长, "later", "longer", words with no sentiment
/// of their own) is read first, then an opinion word in the same place ("faster", 慢, 干净); a learned weight says
/// how often a word comes up in complaints, not which way a comparison went, and is passed over.
///
/// A namespace: the comment and window are borrowed per call.
enum ComparisonDirection {
    /// How many words may stand between an English comparative and "than" ("less time than": "time").
    static let reachWordsBefore = 1
    /// How many characters may stand between a Chinese reference's cue and its comparative (比预计的时间长: 预计的时间).
    static let reachCharactersAfter = 6
    /// How many words after the Chinese cue an opinion word may stand and still be its comparative.
    static let reachWordsAfter = 4

    /// Whether the comparison at `hit` went better (true) or worse (false), or nil when no comparative says.
    ///
    /// A negator before a Chinese reference turns it (不比约定的晚 is no shortfall). Before an English one it belongs
    /// to the comparative: "less" in "took less time than estimated" and "not" in "not faster than promised" are the
    /// comparative's, already read there.
    static func better(at hit: CueHit, among comparatives: [(hit: CueHit, better: Bool)],
                       in scored: ScoredComment, window: TermWindow) -> Bool? {
        let folded = scored.segmented.folded
        guard folded[hit.range.lowerBound] >= 0x80 else { return direction(at: hit, among: comparatives, in: scored, window: window) }
        return direction(at: hit, among: comparatives, in: scored, window: window).map { hit.negated ? !$0 : $0 }
    }

    private static func direction(at hit: CueHit, among comparatives: [(hit: CueHit, better: Bool)],
                                  in scored: ScoredComment, window: TermWindow) -> Bool? {
        let folded = scored.segmented.folded
        let clause = scored.units[hit.unit].clause
        // "than …" is alphabetic: its comparative stands before it; 比… is Chinese: after it.
        let before = folded[hit.range.lowerBound] < 0x80
        var nearest: (hit: CueHit, better: Bool)?
        for comparative in comparatives where scored.units[comparative.hit.unit].clause == clause {
            let gap: Range<Int>
            if before {
                guard comparative.hit.range.upperBound <= hit.range.lowerBound else { continue }
                gap = comparative.hit.range.upperBound..<hit.range.lowerBound
                guard GapReach.isWithin(gap, of: folded, words: reachWordsBefore, characters: 0) else { continue }
                if nearest.map({ comparative.hit.range.upperBound > $0.hit.range.upperBound }) ?? true {
                    nearest = comparative
                }
            } else {
                guard comparative.hit.range.lowerBound >= hit.range.upperBound else { continue }
                gap = hit.range.upperBound..<comparative.hit.range.lowerBound
                guard GapReach.isWithin(gap, of: folded, words: 0, characters: reachCharactersAfter) else { continue }
                if nearest.map({ comparative.hit.range.lowerBound < $0.hit.range.lowerBound }) ?? true {
                    nearest = comparative
                }
            }
        }
        // "no later than promised": a negated comparative reads the other way.
        if let nearest { return nearest.hit.negated ? !nearest.better : nearest.better }
        return opinion(beside: hit, before: before, in: scored, window: window).map { $0 > 0 }
    }

    /// The weight of the opinion word serving as the comparative: right before the cue (at most `reachWordsBefore`
    /// words between) in English, the first after it in its clause within `reachWordsAfter` words in Chinese (or the
    /// first learned weight there when no opinion word is).
    private static func opinion(beside hit: CueHit, before: Bool, in scored: ScoredComment,
                                window: TermWindow) -> Double? {
        let tokens = scored.segmented.tokens
        let start = window.ordinal(ofToken: hit.token)
        if before {
            guard let terms = window.terms(in: hit.unit) else { return nil }
            return terms.last { $0.isOpinion && !$0.isBareNegation && $0.ordinal < start
                && $0.ordinal >= start - 1 - reachWordsBefore }?.weight
        }
        var last = hit.token
        while last + 1 < tokens.count && Int(tokens[last + 1].start) < hit.range.upperBound { last += 1 }
        let end = window.ordinal(ofToken: last)
        let clause = scored.units[hit.unit].clause
        var unit = hit.unit
        // An opinion word within reach first; else the first weight there, learned or not (比想象中轻松多了: 轻松 is
        // learned), as a surprise reads what follows it.
        var first: Double?
        while unit < scored.units.count && scored.units[unit].clause == clause {
            guard let terms = window.terms(in: unit) else { break }
            for term in terms where !term.isBareNegation && term.weight != 0 && term.ordinal > end {
                guard term.ordinal <= end + reachWordsAfter else { return first }
                if term.isOpinion { return term.weight }
                if first == nil { first = term.weight }
            }
            unit += 1
        }
        return first
    }
}
