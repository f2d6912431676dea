import RaterCore
import RaterLexicon
import RaterSegment

/// Praise the writer does not mean: read word by word it outweighed the complaint beside it with high confidence.
///
/// Two marks say so, and the praise then counts as a complaint (×`ScoringRules.sarcasticPraise`, as praise in a
/// rhetorical question does), shown as `sarcasm`:
/// - **A lone exclamation of praise before a complaint** ("Great, another two-hour wait", "Wonderful, my order is lost
///   again", 太棒了，又等了两个小时): a clause that opens its sentence and holds nothing but the praise word (with
///   degree words, one unknown word before it such as "oh", a particle after it such as 了), while the rest of its
///   sentence is a complaint: a hand-written negative term and no hand-written praise, no turn word ("Great, but …"
///   weighs its parts as a turn does) and no remedial act or remedy (a recovery story, "Perfect, they replaced the
///   broken screen", is sincere). Sincere praise before good news ("Great, the room was ready early") and praise of
///   a thing ("Great food, slow service": the noun is no praise word) read as before.
/// - **A marker of sarcasm as a clause of its own** ("yeah right"; `IrrealisRole.sarcasm`): "Yeah right, the best support
///   in town." — the praise of its sentence is not meant. 呵呵 is not listed: in long reviews it is mostly friendly
///   laughter beside sincere praise (all four hits of the ASAP development set).
/// - **Scare quotes** (真是太"专业"了, the staff were so "helpful"): a praise term with a quotation mark right before
///   and right after it.
enum SarcasticPraise {
    /// The rule's role name in explanations (`AppliedRule.irrealis`).
    static let role = "sarcasm"
    /// The least weight of a lone exclamation that can be sarcastic, its degree words included (great 3, perfect 3.5,
    /// 太好了 3, 真棒 3.25).
    static let minimumPraise = 2.5

    /// Marks the sarcastic praise among `contributions` and sums the masses of the units it is in again. A
    /// contribution already marked (a unit kept from a first scoring, `Scorer.score(again:waiving:)`) is left alone.
    static func apply(to contributions: inout [Contribution], units: inout [ScoringUnit], matches: [TermMatch],
                      entries: [LexiconEntry], segmented: SegmentedText, turns: [Bool], factor: Double) {
        var changed = Set<Int>()
        for index in contributions.indices where isPraise(contributions[index]) {
            let match = contributions[index].match
            guard match >= 0, match < matches.count, isQuoted(matches[match].byteRange, in: segmented.folded)
            else { continue }
            mark(&contributions[index], by: "\u{201C}\u{201D}", factor: factor)
            changed.insert(contributions[index].clause)
        }
        for unitIndex in units.indices {
            guard let marker = loneMarker(unitIndex, units: units, matches: matches, entries: entries,
                                          segmented: segmented) else { continue }
            for index in contributions.indices where contributions[index].clause != unitIndex
                && units[contributions[index].clause].sentence == units[unitIndex].sentence
                && isPraise(contributions[index]) {
                mark(&contributions[index], by: marker, factor: factor)
                changed.insert(contributions[index].clause)
            }
        }
        for unitIndex in units.indices {
            // The cheap conditions first: most units open no sentence with praise.
            guard units[unitIndex].positive > 0, opensSentence(unitIndex, units),
                  let complaint = complaint(after: unitIndex, units: units, contributions: contributions,
                                            matches: matches, entries: entries, turns: turns),
                  isLonePraise(unitIndex, units: units, contributions: contributions, matches: matches,
                               entries: entries, segmented: segmented) else { continue }
            for index in contributions.indices where contributions[index].clause == unitIndex
                && isPraise(contributions[index]) {
                mark(&contributions[index], by: complaint, factor: factor)
                changed.insert(unitIndex)
            }
        }
        for unit in changed where unit < units.count {
            units[unit].retally(unit: unit, from: contributions)
        }
    }

    /// Hand-written praise left with a weight, not yet marked: a learned weight is how a word leans, no praise.
    private static func isPraise(_ contribution: Contribution) -> Bool {
        contribution.weight > 0 && !contribution.isLearned && !contribution.rules.contains {
            if case let .irrealis(role, _, _) = $0 { return role == Self.role }
            return false
        }
    }

    private static func mark(_ contribution: inout Contribution, by word: String, factor: Double) {
        contribution.weight *= factor
        contribution.rules.append(.irrealis(role: role, by: word, factor: factor))
    }

    private static func opensSentence(_ index: Int, _ units: [ScoringUnit]) -> Bool {
        index == 0 || units[index - 1].sentence != units[index].sentence
    }

    /// The first hand-written negative term of the rest of unit `index`'s sentence when that rest is a complaint:
    /// at least one such term, no hand-written praise, no turn word, no remedial act or remedy; nil otherwise.
    private static func complaint(after index: Int, units: [ScoringUnit], contributions: [Contribution],
                                  matches: [TermMatch], entries: [LexiconEntry], turns: [Bool]) -> String? {
        var rest = index + 1
        var first: String?
        var positive = 0.0
        var negative = 0.0
        while rest < units.count, units[rest].sentence == units[index].sentence {
            for matchIndex in units[rest].matches {
                // Read in place: a copy of the entry retains and releases its arrays.
                let entry = Int(matches[matchIndex].entry)
                if turns[matchIndex] || entries[entry].negatedAct != nil || entries[entry].remedy != nil { return nil }
            }
            rest += 1
        }
        guard rest > index + 1 else { return nil }
        for contribution in contributions where contribution.clause > index && contribution.clause < rest {
            if contribution.weight > 0 {
                if !contribution.isLearned { return nil }
                positive += contribution.weight
            } else if contribution.weight < 0 {
                negative -= contribution.weight
                if !contribution.isLearned, first == nil { first = contribution.term }
            }
        }
        return negative > positive ? first : nil
    }

    /// Whether unit `index` is nothing but an exclamation of praise: at least one hand-written praise term and no
    /// other term but degree words, every word of it covered by them, except one unknown word before the praise ("oh
    /// great") and one-character particles after it (太棒了).
    private static func isLonePraise(_ index: Int, units: [ScoringUnit], contributions: [Contribution],
                                     matches: [TermMatch], entries: [LexiconEntry], segmented: SegmentedText)
        -> Bool {
        let unit = units[index]
        var praise: Range<Int>?
        // The matches that cover a word of the exclamation: praise and degree words. A learned weight ("oh") counts
        // as an unknown word.
        var covering = [Range<Int>]()
        for matchIndex in unit.matches {
            let entry = Int(matches[matchIndex].entry)
            if entries[entry].degree != nil, entries[entry].valence == nil {
                covering.append(matches[matchIndex].byteRange)
                continue
            }
            guard let contribution = contributions.first(where: { $0.match == matchIndex }) else { return false }
            if contribution.isLearned { continue }
            guard isPraise(contribution) else { return false }
            // Sarcasm exaggerates: a strong word ("great", "perfect", 太棒了). Mild praise before a complaint is a
            // concession (整体还可以吧，就是厕所有点脏), not a sarcastic exclamation.
            if contribution.weight < minimumPraise { return false }
            // An exclamation is one word ("Great,", 太好了): a phrase of praise names what it praises ("great food").
            if segmented.folded[matches[matchIndex].byteRange].contains(0x20) { return false }
            if praise == nil { praise = matches[matchIndex].byteRange }
            covering.append(matches[matchIndex].byteRange)
        }
        guard let praise else { return false }
        var unknownBefore = 0
        for token in segmented.tokens[unit.tokens]
        where token.kind == .word || token.kind == .ideographic || token.kind == .number {
            let start = Int(token.start)
            if covering.contains(where: { $0.contains(start) }) { continue }
            if start < praise.lowerBound, token.kind == .word {
                unknownBefore += 1
                if unknownBefore > 1 { return false }
            } else if start >= praise.upperBound, token.kind == .ideographic, token.end - token.start <= 3 {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// The marker of sarcasm ("yeah right") that unit `index` is made of, every word of it, or nil.
    private static func loneMarker(_ index: Int, units: [ScoringUnit], matches: [TermMatch], entries: [LexiconEntry],
                                   segmented: SegmentedText) -> String? {
        let unit = units[index]
        var marker: Range<Int>?
        for matchIndex in unit.matches where entries[Int(matches[matchIndex].entry)].irrealis == .sarcasm {
            marker = matches[matchIndex].byteRange
        }
        guard let marker else { return nil }
        for token in segmented.tokens[unit.tokens]
        where token.kind == .word || token.kind == .ideographic || token.kind == .number {
            if !marker.contains(Int(token.start)) { return nil }
        }
        return segmented.text(marker)
    }

    /// Whether a quotation mark stands right before and right after `range` (", ', “ ”, ‘ ’, 「 」, 『 』).
    private static let openers: [[UInt8]] = ["\"", "'", "\u{201C}", "\u{2018}", "\u{300C}", "\u{300E}"].map {
        Array($0.utf8)
    }
    private static let closers: [[UInt8]] = ["\"", "'", "\u{201D}", "\u{2019}", "\u{300D}", "\u{300F}"].map {
        Array($0.utf8)
    }

    static func isQuoted(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let opens = openers.contains { mark in
            range.lowerBound >= mark.count && bytes[(range.lowerBound - mark.count)..<range.lowerBound].elementsEqual(mark)
        }
        guard opens else { return false }
        return closers.contains { mark in
            range.upperBound + mark.count <= bytes.count
                && bytes[range.upperBound..<(range.upperBound + mark.count)].elementsEqual(mark)
        }
    }
}
