import RaterCore
import RaterLexicon
import RaterSegment

/// A problem said to have gone away (师傅说墙上的霉斑不见了, 异味没了, "the smell is gone now", "the noise finally
/// stopped") read as the complaint its noun names (霉斑 −2, "noise" −1). A word of going (`IrrealisRole.gone`: 不见了,
/// 消失了, "gone", "stopped"; or a lapse ending closing its clause, 没了, 没有了) right after a hand-written complaint in
/// its unit takes the complaint back: it weighs ×`ScoringRules.retractedComplaint`, mild praise, as a complaint a lone
/// retraction takes back does ("the app kept crashing, but not anymore").
///
/// "Right after": at most `reach` words between, none of them a hand-written term or a cue word ("the rude waiter
/// stopped by" names the waiter between: the rudeness is not what stopped). A member of staff gone (服务员不见了, "the
/// waiter vanished") is the staff-absence scale's complaint, not this rule's: a word that measured staff takes back
/// nothing.
enum GoneProblem {
    /// How many words may stand between the complaint and the word of going ("the noise *finally* stopped", "the smell
    /// *is* gone").
    static let reach = 2
    /// The rule's role name in explanations (`AppliedRule.irrealis`).
    static let role = "gone"

    static func apply(to contributions: inout [Contribution], units: inout [ScoringUnit], matches: [TermMatch],
                      entries: [LexiconEntry], segmented: SegmentedText, ordinals: WordOrdinals, factor: Double) {
        var changed = Set<Int>()
        for unitIndex in units.indices {
            let unit = units[unitIndex]
            for marker in unit.matches {
                let role = entries[Int(matches[marker].entry)].irrealis
                guard role == .gone || role == .lapse else { continue }
                if role == .lapse, !matches[marker].closesClause(in: segmented.tokens) { continue }
                // A word of absence that measured staff ("the waiter vanished") is that complaint itself.
                if contributions.contains(where: { $0.match == marker && !$0.isLearned }) { continue }
                guard let problem = complaint(before: marker, in: unit, contributions: contributions,
                                              matches: matches, entries: entries, segmented: segmented,
                                              ordinals: ordinals) else { continue }
                contributions[problem].weight *= factor
                contributions[problem].rules.append(.irrealis(role: Self.role,
                                                              by: segmented.text(matches[marker].byteRange),
                                                              factor: factor))
                changed.insert(unitIndex)
            }
        }
        for unit in changed {
            units[unit].retally(unit: unit, from: contributions)
        }
    }

    /// The index in `contributions` of the hand-written complaint right before the word of going at `marker`, if any.
    private static func complaint(before marker: Int, in unit: ScoringUnit, contributions: [Contribution],
                                  matches: [TermMatch], entries: [LexiconEntry], segmented: SegmentedText,
                                  ordinals: WordOrdinals) -> Int? {
        var candidate = marker - 1
        while candidate >= unit.matches.lowerBound {
            if let index = contributions.lastIndex(where: { $0.match == candidate }) {
                let contribution = contributions[index]
                if contribution.isLearned {
                    candidate -= 1
                    continue
                }
                // A fault of a thing or a symptom goes away; people do not ("the rude waiter stopped by", "the rude
                // waiter vanished": the term names a member of staff, a cue of assurance, empathy or responsiveness).
                guard contribution.weight < 0,
                      !contribution.rules.contains(where: { if case .irrealis = $0 { return true }; return false }),
                      !entries[Int(matches[candidate].entry)].cues.contains(where: {
                          $0.dimension == .assurance || $0.dimension == .empathy || $0.dimension == .responsiveness
                      })
                else { return nil }
                let between = ordinals[Int(matches[marker].token)] - lastOrdinal(of: matches[candidate],
                                                                                 in: segmented, ordinals) - 1
                return between <= reach ? index : nil
            }
            // A cue word, a negator or any other rule word between names something else.
            if entries[Int(matches[candidate].entry)].degree == nil { return nil }
            candidate -= 1
        }
        return nil
    }

    private static func lastOrdinal(of match: TermMatch, in segmented: SegmentedText, _ ordinals: WordOrdinals)
        -> Int {
        var token = Int(match.token)
        let tokens = segmented.tokens
        while token + 1 < tokens.count && Int(tokens[token + 1].start) < Int(match.end) { token += 1 }
        return ordinals[token]
    }
}
