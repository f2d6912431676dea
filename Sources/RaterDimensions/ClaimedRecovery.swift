import RaterLexicon
import RaterScore

/// Whether a recovery the business claimed is disputed by the writer: 说是已经退款了，结果卡里一分钱都没有, 前台说空调修好了，
/// 晚上照样不制冷, "They closed the ticket as resolved but the server is still down", "The bank insists the charge was
/// reversed, but it's still on my statement". The recovery words are the business's (`claimed`: 说是, 说, 显示, 声称,
/// "claimed", "insists", "apparently", "marked … as"), and what the writer says after them says they did not hold. Read
/// as the writer's own, they made a failed recovery a success, the reading that inflates recovery rates.
///
/// A claim is disputed when, after the recovery cue, in its sentence or the next one, the first turn (却, 可, "but",
/// "yet"), reveal (结果, 其实, "turned out") or word of a failure still there (`persisting`: 还是, 照样, "still") stands
/// in a clause that neither holds a recovery cue of its own (which reads itself) nor a done outcome word nor praise:
/// 客服说已经退款了，结果第二天就到账了 and "They said it was fixed, and then it worked perfectly" keep the recovery.
/// A claim with nothing after it is the writer's report of what happened, and keeps its reading.
///
/// A namespace: the comment and matcher are borrowed per call. The work is per claimed recovery cue, over its
/// sentence and the next one only.
enum ClaimedRecovery {
    /// The word that disputes the claimed recovery at `hit`, or nil when `hit` is no claimed recovery or nothing
    /// disputes it.
    static func dispute(of hit: CueHit, claims: [CueHit], disputes: [CueHit], cueClauses: Set<Int>,
                        outcomes: RecoveryOutcomes, in scored: ScoredComment, scoring: TermMatcher) -> CueHit? {
        let clause = scored.units[hit.unit].clause
        guard claims.contains(where: { scored.units[$0.unit].clause == clause
            && $0.range.upperBound <= hit.range.lowerBound }) else { return nil }
        let sentence = scored.units[hit.unit].sentence
        // The first reveal or persisting word after the cue, in its sentence or the next.
        var first: CueHit?
        for word in disputes where word.range.lowerBound >= hit.range.upperBound {
            let wordSentence = scored.units[word.unit].sentence
            guard wordSentence == sentence || wordSentence == sentence + 1 else { continue }
            if first.map({ word.range.lowerBound < $0.range.lowerBound }) ?? true { first = word }
        }
        // A turn word before it wins: "but" in "…as resolved but the server is still down".
        var unit = hit.unit
        scan: while unit < scored.units.count, scored.units[unit].sentence <= sentence + 1 {
            for matchIndex in scored.units[unit].matches {
                let match = scored.matches[matchIndex]
                guard Int(match.start) >= hit.range.upperBound,
                      scoring.entries[Int(match.entry)].contrast == .turn else { continue }
                if first.map({ Int(match.start) < $0.range.lowerBound }) ?? true {
                    first = CueHit(range: Int(match.start)..<Int(match.end), token: Int(match.token), unit: unit,
                                   roles: hit.roles, negated: false, negator: nil, affirmed: false)
                }
                break scan
            }
            unit += 1
        }
        guard let first else { return nil }
        let disputeClause = scored.units[first.unit].clause
        if disputeClause != clause, cueClauses.contains(disputeClause) { return nil }
        if outcomes.hasDone(inClause: disputeClause) { return nil }
        // Praise after the word says the fix held ("…, and then it worked perfectly").
        var lean = 0.0
        for contribution in scored.contributions where contribution.clause < scored.units.count
            && scored.units[contribution.clause].clause == disputeClause && !contribution.isLearned
            && Int(scored.matches[contribution.match].start) >= first.range.lowerBound {
            lean += contribution.weight
        }
        return lean > 0 ? nil : first
    }
}
